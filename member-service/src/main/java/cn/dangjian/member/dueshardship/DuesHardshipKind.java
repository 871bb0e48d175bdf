package cn.dangjian.member.dueshardship;

/** What the branch asks the 上一级党委 to approve for a member in hardship (DF Art 7). */
public enum DuesHardshipKind {
  /** 少交: a lower monthly amount. */
  REDUCED("减交"),
  /** 免交: nothing while it runs. */
  WAIVED("免交");

  private final String label;

  DuesHardshipKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
