package cn.dangjian.member.discipline;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.SanctionChanged;
import cn.dangjian.member.approval.ApprovalEffect;
import cn.dangjian.member.approval.ApprovalKind;
import cn.dangjian.member.approval.ApprovalRequests.ApprovalView;
import cn.dangjian.member.approval.Approvals;
import cn.dangjian.member.approval.ApprovedRequest;
import cn.dangjian.member.approval.NewApproval;
import cn.dangjian.member.discipline.DisciplineRequests.SanctionRequest;
import cn.dangjian.member.discipline.DisciplineRequests.SanctionView;
import cn.dangjian.member.person.Member;
import cn.dangjian.member.person.MemberFlag;
import cn.dangjian.member.person.MemberRepository;
import cn.dangjian.member.person.MemberRequests.SetFlag;
import cn.dangjian.member.person.MemberRequests.StatusRequest;
import cn.dangjian.member.person.MemberRequests.Vote;
import cn.dangjian.member.person.MemberService;
import cn.dangjian.member.person.MemberStatus;
import cn.dangjian.member.person.MemberStatusService;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.time.PartyCalendar;
import cn.dangjian.platform.vote.MeetingVote;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 党纪处分: the 支部大会 decides, the 基层党委 approves (开除党籍: then a county 纪委, as the status EXPELLED); the
 * sanction's window bars promotion. The public query {@link #checkMayTakePost} is what the
 * committee module asks before an election or appointment.
 */
@Service
public class Sanctions {

  static final String BASIS = "《中国共产党章程》第四十条、第四十一条、第四十二条；《中国共产党纪律处分条例》";

  private final SanctionRepository sanctions;
  private final MemberService members;
  private final MemberRepository memberRepository;
  private final MemberStatusService statuses;
  private final Approvals approvals;
  private final DomainEventPublisher events;
  private final ApplicationEventPublisher local;
  private final Clock clock;

  Sanctions(
      SanctionRepository sanctions,
      MemberService members,
      MemberRepository memberRepository,
      MemberStatusService statuses,
      Approvals approvals,
      DomainEventPublisher events,
      ApplicationEventPublisher local,
      Clock clock) {
    this.sanctions = sanctions;
    this.members = members;
    this.memberRepository = memberRepository;
    this.statuses = statuses;
    this.approvals = approvals;
    this.events = events;
    this.local = local;
    this.clock = clock;
  }

  /**
   * Refuses (422 {@code sanction-bars-promotion}) electing or appointing to a party post a member
   * inside a sanction's no-promotion window on that day.
   */
  @Transactional(readOnly = true)
  public void checkMayTakePost(UUID memberId, LocalDate on) {
    DisciplineRules.checkMayTakePost(windows(memberId), on);
  }

  /** Whether a sanction bars the member from a party post on a day. */
  @Transactional(readOnly = true)
  public boolean barsPromotion(UUID memberId, LocalDate on) {
    return DisciplineRules.barringPromotion(windows(memberId), on).isPresent();
  }

  /** The issue codes of the member's sanctions whose window runs today. */
  @Transactional(readOnly = true)
  Set<String> issuesInEffect(UUID memberId) {
    LocalDate today = PartyCalendar.today(clock);
    return sanctions.findByMemberIdOrderByDecidedOnDesc(memberId).stream()
        .filter(s -> s.getWindowEndsOn().isAfter(today))
        .map(Sanction::getIssue)
        .collect(Collectors.toSet());
  }

  private List<DisciplineRules.SanctionWindow> windows(UUID memberId) {
    return sanctions.findByMemberIdOrderByDecidedOnDesc(memberId).stream()
        .map(Sanction::window)
        .toList();
  }

  /**
   * Files the 支部大会's decision with the 基层党委. 开除党籍 is the status EXPELLED: delegated to the status
   * request (基层党委 then 纪委), so the register, its history and the 5-year re-entry bar follow the one
   * status.
   */
  @Transactional
  public ApprovalView request(UUID memberId, SanctionRequest r, Caller caller, DataScope scope) {
    if (r.kind() == SanctionKind.EXPULSION) {
      return statuses.requestStatus(
          memberId,
          new StatusRequest(MemberStatus.EXPELLED, null, r.reason(), r.vote(), r.attachments()),
          caller,
          scope);
    }
    Member member = members.get(memberId, scope);
    DisciplineRules.checkSanction(r.kind(), member.getStage(), member.getStatus(), r.years());
    checkVote(member, r.vote());
    return approvals.submit(
        new NewApproval(
            ApprovalKind.SANCTION,
            "sanction:" + memberId,
            memberId,
            member.getOrgId(),
            member.getOrgPath(),
            r.kind().label()
                + (r.kind() == SanctionKind.PROBATION_UNDER_DISCIPLINE
                    ? DisciplineRules.probationYears(r.years()) + "年"
                    : "")
                + "："
                + member.getName(),
            BASIS,
            r.attachments() == null ? List.of() : r.attachments(),
            new SanctionApproval(
                r.kind(), DisciplineRules.normalizeIssue(r.issue()), r.reason().strip(), r.years()),
            DisciplineRules.decidedBy(r.kind()),
            null,
            caller.username()),
        caller,
        scope);
  }

  /** The 支部大会's vote: more than half present, approvals more than half of those entitled. */
  void checkVote(Member member, Vote v) {
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

  int voteBase(Member member) {
    return (int) memberRepository.countEntitledVoters(member.getOrgId().toString());
  }

  @Transactional(readOnly = true)
  public List<SanctionView> list(UUID memberId, DataScope scope) {
    members.get(memberId, scope);
    return sanctions.findByMemberIdOrderByDecidedOnDesc(memberId).stream().map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public SanctionView get(UUID memberId, UUID id, DataScope scope) {
    members.get(memberId, scope);
    return sanctions
        .findById(id)
        .filter(s -> s.getMemberId().equals(memberId))
        .map(this::view)
        .orElseThrow(() -> ProblemException.notFound("discipline.sanction-not-found"));
  }

  /** What a sanction approval carries (absent values left out of the request's payload). */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record SanctionApproval(SanctionKind kind, String issue, String reason, Integer years) {}

  /** The 基层党委 approved: the sanction is recorded and takes effect on the day of the decision. */
  @Transactional(propagation = Propagation.MANDATORY)
  void applyApproved(ApprovedRequest approved) {
    SanctionApproval p = approvals.payload(approved, SanctionApproval.class);
    Member member =
        memberRepository
            .findById(approved.subjectMemberId())
            .orElseThrow(() -> ProblemException.notFound("member.not-found"));
    DisciplineRules.checkSanction(p.kind(), member.getStage(), member.getStatus(), p.years());
    LocalDate on = approved.decidedOn();
    DisciplineRules.Window window = DisciplineRules.window(p.kind(), on, p.years());
    Sanction sanction =
        sanctions.save(
            new Sanction(
                member.getId(),
                member.getOrgId(),
                member.getOrgPath(),
                p.kind(),
                p.issue(),
                p.reason(),
                on,
                window,
                approved.approvalId(),
                clock.instant()));
    if (p.kind() == SanctionKind.PROBATION_UNDER_DISCIPLINE) {
      // No vote, no election rights while it runs: the flag the register and elections read.
      statuses.setDecidedFlag(
          member.getId(),
          new SetFlag(
              MemberFlag.DISCIPLINARY_PROBATION,
              on,
              window.probationEndsOn(),
              "留党察看" + DisciplineRules.probationYears(p.years()) + "年（基层党委批准）"));
    }
    if (p.kind() == SanctionKind.REMOVAL_FROM_POST
        || p.kind() == SanctionKind.PROBATION_UNDER_DISCIPLINE) {
      local.publishEvent(new PostsForfeited(member.getId(), on, p.kind().label()));
    }
    events.publish(
        EventTypes.MEMBER_SANCTION_CHANGED,
        member.getId().toString(),
        member.getOrgPath(),
        new SanctionChanged(
            sanction.getId(),
            member.getId(),
            member.getOrgId(),
            p.kind().name(),
            on,
            window.windowEndsOn(),
            DisciplineRules.status(window.windowEndsOn(), PartyCalendar.today(clock)).name()));
  }

  private SanctionView view(Sanction s) {
    SanctionStatus status = DisciplineRules.status(s.getWindowEndsOn(), PartyCalendar.today(clock));
    return new SanctionView(
        s.getId(),
        s.getMemberId(),
        s.getOrgId(),
        s.getKind(),
        s.getKind().label(),
        s.getIssue(),
        s.getReason(),
        s.getDecidedOn(),
        s.getProbationEndsOn(),
        s.getWindowEndsOn(),
        status,
        status.label(),
        s.getApprovalId());
  }

  @Component
  static class SanctionApprovalEffect implements ApprovalEffect {
    private final Sanctions service;

    SanctionApprovalEffect(@Lazy Sanctions service) {
      this.service = service;
    }

    @Override
    public java.util.Set<ApprovalKind> kinds() {
      return java.util.Set.of(ApprovalKind.SANCTION);
    }

    @Override
    public void apply(ApprovedRequest approved) {
      service.applyApproved(approved);
    }
  }
}
