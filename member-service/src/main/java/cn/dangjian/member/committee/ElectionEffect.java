package cn.dangjian.member.committee;

import cn.dangjian.member.approval.ApprovalEffect;
import cn.dangjian.member.approval.ApprovalKind;
import cn.dangjian.member.approval.ApprovedRequest;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The three decisions of the 党委 above, each moving the election on. */
@Component
class ElectionEffect implements ApprovalEffect {
  private final ElectionService service;

  ElectionEffect(@Lazy ElectionService service) {
    this.service = service;
  }

  @Override
  public java.util.Set<ApprovalKind> kinds() {
    return java.util.Set.of(
        ApprovalKind.ELECTION_REQUEST, ApprovalKind.CANDIDATE_LIST, ApprovalKind.ELECTION_RESULT);
  }

  @Override
  public void apply(ApprovedRequest approved) {
    switch (approved.kind()) {
      case ELECTION_REQUEST -> service.authorised(approved);
      case CANDIDATE_LIST -> service.candidatesApproved(approved);
      default -> service.resultApproved(approved);
    }
  }
}
