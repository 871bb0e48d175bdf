package cn.dangjian.member.person;

/** The development pipeline stage (DOMAIN.md §2.1). */
public enum MemberStage {
  APPLICANT("入党申请人"),
  ACTIVIST("入党积极分子"),
  DEVELOPMENT_TARGET("发展对象"),
  PROBATIONARY("预备党员"),
  FULL("正式党员");

  private final String label;

  MemberStage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Admitted by a branch meeting: has a join date and pays dues. */
  public boolean admitted() {
    return this == PROBATIONARY || this == FULL;
  }
}
