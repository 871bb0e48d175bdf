package cn.dangjian.alert.rules;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills a rule's Chinese text: {@code {fact}} placeholders take the finding's facts. */
public final class Templates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  private Templates() {}

  public static String fill(String template, Map<String, String> facts) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = facts.get(matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "—" : value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
