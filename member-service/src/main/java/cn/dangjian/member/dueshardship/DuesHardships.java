package cn.dangjian.member.dueshardship;

import cn.dangjian.member.approval.ApprovalEffect;
import cn.dangjian.member.approval.ApprovalKind;
import cn.dangjian.member.approval.ApprovalRequests.ApprovalView;
import cn.dangjian.member.approval.Approvals;
import cn.dangjian.member.approval.ApprovedRequest;
import cn.dangjian.member.approval.DecidingBody;
import cn.dangjian.member.approval.NewApproval;
import cn.dangjian.member.person.Member;
import cn.dangjian.member.person.MemberRepository;
import cn.dangjian.member.person.MemberRequests.Vote;
import cn.dangjian.member.person.MemberService;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.vote.MeetingVote;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * 困难党员减交、免交党费: the branch files its 支部党员大会's decision, the 基层党委 approves. The dues profile lives in
 * dues-service, which applies the approval when it reads {@code member.approval-changed} (the event
 * carries the terms): eventual, not in the transaction of the decision.
 */
@Service
public class DuesHardships {

  private final MemberService members;
  private final MemberRepository memberRepository;
  private final Approvals approvals;

  DuesHardships(MemberService members, MemberRepository memberRepository, Approvals approvals) {
    this.members = members;
    this.memberRepository = memberRepository;
    this.approvals = approvals;
  }

  /** Checked now as if decided today, and again when approved. */
  @Transactional
  public ApprovalView request(
      UUID memberId, DuesHardshipRequest r, Caller caller, DataScope scope) {
    Member member = members.get(memberId, scope);
    DuesHardshipRules.checkMember(member.getStage(), member.getStatus());
    DuesHardshipRules.checkTerms(r.kind(), r.reducedFen(), r.until(), members.today());
    checkVote(member, r.vote());
    Long reducedFen = r.kind() == DuesHardshipKind.REDUCED ? r.reducedFen() : null;
    return approvals.submit(
        new NewApproval(
            ApprovalKind.DUES_HARDSHIP,
            "dues-hardship:" + memberId,
            memberId,
            member.getOrgId(),
            member.getOrgPath(),
            summary(r.kind(), reducedFen, r.until()) + "：" + member.getName(),
            DuesHardshipRules.BASIS,
            r.attachments() == null ? List.of() : r.attachments(),
            new DuesHardshipApproval(r.kind(), reducedFen, r.until(), r.reason().strip()),
            List.of(DecidingBody.PRIMARY_COMMITTEE),
            null,
            caller.username()),
        caller,
        scope);
  }

  /** The 支部党员大会's vote: more than half present, approvals more than half of those entitled. */
  private void checkVote(Member member, Vote v) {
    new MeetingVote(
            (int) memberRepository.countEntitledVoters(member.getOrgId().toString()),
            v.excludedWithApproval(),
            v.present(),
            v.approve(),
            v.oppose(),
            v.abstain(),
            v.writtenApprovals())
        .check("branch-meeting-vote-needs-more-than-half-of-entitled-members");
  }

  private static String summary(DuesHardshipKind kind, Long reducedFen, LocalDate until) {
    return kind == DuesHardshipKind.REDUCED
        ? "减交党费（每月" + BigDecimal.valueOf(reducedFen, 2).toPlainString() + "元，至" + until + "）"
        : "免交党费（至" + until + "）";
  }

  /** What the approval carries; the reason stays in member-service (it is no one else's). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DuesHardshipApproval(
      DuesHardshipKind kind, Long reducedFen, LocalDate until, String reason) {}

  /**
   * member-service only checks the member still pays dues when the 基层党委 approves (else the decision
   * is refused); dues-service changes the profile on the event.
   */
  @Component
  static class DuesHardshipApprovalEffect implements ApprovalEffect {

    private final MemberRepository members;
    private final JsonMapper json;

    /** The payload is read with the JsonMapper: Approvals depends on every effect. */
    DuesHardshipApprovalEffect(MemberRepository members, JsonMapper json) {
      this.members = members;
      this.json = json;
    }

    @Override
    public java.util.Set<ApprovalKind> kinds() {
      return java.util.Set.of(ApprovalKind.DUES_HARDSHIP);
    }

    @Override
    public void apply(ApprovedRequest approved) {
      DuesHardshipApproval p = json.readValue(approved.payload(), DuesHardshipApproval.class);
      Member member =
          members
              .findById(approved.subjectMemberId())
              .orElseThrow(() -> ProblemException.notFound("member.not-found"));
      DuesHardshipRules.checkMember(member.getStage(), member.getStatus());
      DuesHardshipRules.checkTerms(p.kind(), p.reducedFen(), p.until(), approved.decidedOn());
    }

    /** kind, reducedFen (REDUCED only) and until: what dues-service needs, not the reason. */
    @Override
    public Map<String, Object> publishedTerms(String payload) {
      DuesHardshipApproval p = json.readValue(payload, DuesHardshipApproval.class);
      Map<String, Object> terms = new LinkedHashMap<>();
      terms.put("kind", p.kind().name());
      if (p.reducedFen() != null) {
        terms.put("reducedFen", p.reducedFen());
      }
      terms.put("until", p.until().toString());
      return terms;
    }
  }
}
