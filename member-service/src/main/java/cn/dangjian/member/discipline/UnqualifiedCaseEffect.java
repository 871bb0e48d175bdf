package cn.dangjian.member.discipline;

import cn.dangjian.member.approval.ApprovalEffect;
import cn.dangjian.member.approval.ApprovalKind;
import cn.dangjian.member.approval.ApprovedRequest;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The procedure's three approvals, each moving the case on. */
@Component
class UnqualifiedCaseEffect implements ApprovalEffect {
  private final UnqualifiedCases service;

  UnqualifiedCaseEffect(@Lazy UnqualifiedCases service) {
    this.service = service;
  }

  @Override
  public java.util.Set<ApprovalKind> kinds() {
    return java.util.Set.of(
        ApprovalKind.UNQUALIFIED_FILING,
        ApprovalKind.UNQUALIFIED_PRE_REVIEW,
        ApprovalKind.UNQUALIFIED_DECISION);
  }

  @Override
  public void apply(ApprovedRequest approved) {
    service.applyApproved(approved);
  }
}
