package cn.dangjian.member.approval;

/**
 * What an approved request changes, implemented by the feature that owns the change (development
 * steps, status, sanctions, committee terms…). {@link #apply} runs in the transaction of the last
 * stage's decision: if it throws (the rule no longer holds), the decision is refused and nothing
 * changes.
 */
public interface ApprovalEffect {

  ApprovalKind kind();

  void apply(ApprovedRequest approved);
}
