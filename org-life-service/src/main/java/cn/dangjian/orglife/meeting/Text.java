package cn.dangjian.orglife.meeting;

/** Free-text fields as stored: stripped, and null when blank. */
final class Text {

  private Text() {}

  static String orNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
