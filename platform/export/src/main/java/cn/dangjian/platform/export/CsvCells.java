package cn.dangjian.platform.export;

/**
 * CSV cells that a spreadsheet opens as text, never as a formula (CSV injection, OWASP): a cell —
 * or any line inside a cell — that starts with {@code = + - @}, a tab or a carriage return gets a
 * leading apostrophe, which {@link #restore} removes again when the platform reads its own exports
 * back. Every service that writes CSV uses this one class (through {@link TableWriter});
 * member-service also restores cells when it imports its own exports.
 */
public final class CsvCells {

  private CsvCells() {}

  /**
   * One cell as RFC 4180 text: neutralised, and quoted when it needs to be. Numbers stay numbers.
   */
  public static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String text = neutralize(value.toString());
    boolean needsQuotes =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0
            || !text.equals(text.strip());
    return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  /** The text with an apostrophe before every line start that a spreadsheet would evaluate. */
  public static String neutralize(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2);
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (lineStart && isTrigger(c)) {
        out.append('\'');
      }
      out.append(c);
      lineStart =
          c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
    }
    return out.toString();
  }

  /** Undoes {@link #neutralize}: what an import reads back is what was exported. */
  public static String restore(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (lineStart && c == '\'' && i + 1 < text.length() && isTrigger(text.charAt(i + 1))) {
        lineStart = false;
        continue;
      }
      out.append(c);
      lineStart =
          c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
    }
    return out.toString();
  }

  /** Whether a spreadsheet would evaluate text starting with this character. */
  public static boolean isTrigger(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}
