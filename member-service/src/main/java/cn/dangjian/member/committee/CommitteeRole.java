package cn.dangjian.member.committee;

/** Roles in a branch committee (ZB ch.6). */
public enum CommitteeRole {
  SECRETARY("书记"),
  DEPUTY_SECRETARY("副书记"),
  ORGANISATION("组织委员"),
  PUBLICITY("宣传委员"),
  DISCIPLINE("纪检委员"),
  MEMBER("委员");

  private final String label;

  CommitteeRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A branch below seven formal members has only a secretary (and a deputy if needed). */
  public boolean allowedWithoutCommittee() {
    return this == SECRETARY || this == DEPUTY_SECRETARY;
  }
}
