package cn.dangjian.alert.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${name}} placeholders in a template: the names used, and the text with values filled. */
final class TemplateText {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

  private TemplateText() {}

  static Set<String> variablesOf(String template) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Names the template uses that the kind does not offer. */
  static Set<String> unknown(String template, List<String> allowed) {
    Set<String> unknown = variablesOf(template);
    unknown.removeAll(allowed);
    return unknown;
  }

  /** Fills every placeholder; a value not given is left empty. */
  static String render(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.getOrDefault(m.group(1), "");
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
