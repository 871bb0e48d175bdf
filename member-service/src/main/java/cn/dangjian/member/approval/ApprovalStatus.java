package cn.dangjian.member.approval;

/**
 * PENDING (a stage must decide) → APPROVED (the last stage approved; the effect is applied) |
 * RETURNED (back to the requester to complete; resubmitted → PENDING at the stage that returned it)
 * | REJECTED; PENDING or RETURNED → WITHDRAWN by the requester.
 */
public enum ApprovalStatus {
  PENDING("待审批"),
  RETURNED("已退回"),
  APPROVED("已批准"),
  REJECTED("不予批准"),
  WITHDRAWN("已撤回");

  private final String label;

  ApprovalStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean open() {
    return this == PENDING || this == RETURNED;
  }
}
