package cn.dangjian.member.person;

/** Overlay flags on an active member (DOMAIN.md §2.1). */
public enum MemberFlag {
  MOBILE("流动党员"),
  LOST_CONTACT("失联"),
  CORRECTION_PERIOD("限期改正"),
  DISCIPLINARY_PROBATION("留党察看"),
  RIGHTS_SUSPENDED("权利中止");

  private final String label;

  MemberFlag(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Members under these flags have no vote, no election rights (XJ Art 5; §4.3). */
  public boolean removesVotingRights() {
    return this == DISCIPLINARY_PROBATION || this == RIGHTS_SUSPENDED;
  }
}
