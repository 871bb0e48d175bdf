package cn.dangjian.member.discipline;

/**
 * The steps of the 不合格党员组织处置 procedure, in order (BH 2024); a case the system opens starts at
 * TRIGGERED, one the branch opens at PROPOSED. FILED, PRE_REVIEWED and DECIDED are recorded when
 * the 基层党委 (and, for 劝退/除名, the 上级党委) approve; the others by the branch.
 */
public enum CaseStep {
  /** Opened by a trigger the system saw (a 不合格 appraisal grade): the 支委会 must study it. */
  TRIGGERED("情形触发，待支委会研究提出处置意见"),
  PROPOSED("支委会提出处置意见"),
  FILED("报基层党委事前备案"),
  INVESTIGATED("调查核实"),
  TALKED("两名正式党员谈话"),
  PRE_REVIEWED("上级党组织预审"),
  VOTED("支部大会表决"),
  DECIDED("基层党委审批，处置生效");

  private final String label;

  CaseStep(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
