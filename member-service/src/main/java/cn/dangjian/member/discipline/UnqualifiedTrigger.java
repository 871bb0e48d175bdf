package cn.dangjian.member.discipline;

/** What opens the 不合格党员组织处置 procedure (BH 2024). */
public enum UnqualifiedTrigger {
  /** 民主评议 graded 不合格. */
  UNQUALIFIED_GRADE("民主评议不合格"),
  /** Back after at least six months 失联. */
  LOST_CONTACT_RETURN("失联六个月以上后恢复联系"),
  /** Six months without organisational life, as entered by the branch. */
  ABSENT_SIX_MONTHS("连续六个月不参加组织生活"),
  /** Six months of unpaid dues, as entered by the branch. */
  ARREARS_SIX_MONTHS("连续六个月不交纳党费");

  private final String label;

  UnqualifiedTrigger(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
