package cn.dangjian.orglife.talk;

/** The three kinds of required talks (ZB ch.5: each at least once a year). */
public enum PairKind {
  COMMITTEE_COMMITTEE("支委之间"),
  COMMITTEE_MEMBER("支委与党员"),
  MEMBER_MEMBER("党员之间");

  private final String label;

  PairKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
