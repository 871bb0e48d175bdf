package cn.dangjian.orglife.formalism;

/** What an anti-formalism check found (形式主义核查). A flag informs reviewers; it never blocks. */
public enum FlagKind {
  DUPLICATE_MINUTES("会议记录与此前记录高度雷同"),
  IDENTICAL_FULL_ATTENDANCE("连续多次全员出席且出席名单完全相同"),
  OVERLAPPING_MEETINGS("同一时间段记录了多次会议"),
  LATE_ENTRY("会议记录补录时间远晚于会议日期");

  private final String label;

  FlagKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
