package cn.dangjian.member.development;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.DevelopmentStepRecorded;
import cn.dangjian.member.approval.ApprovalEffect;
import cn.dangjian.member.approval.ApprovalKind;
import cn.dangjian.member.approval.ApprovalRequests.ApprovalView;
import cn.dangjian.member.approval.Approvals;
import cn.dangjian.member.approval.ApprovedRequest;
import cn.dangjian.member.approval.DecidingBody;
import cn.dangjian.member.approval.NewApproval;
import cn.dangjian.member.development.DevelopmentRequests.Progress;
import cn.dangjian.member.development.DevelopmentRequests.RecordStep;
import cn.dangjian.member.development.DevelopmentRequests.StepRequest;
import cn.dangjian.member.development.DevelopmentRequests.StepView;
import cn.dangjian.member.development.DevelopmentRules.Expected;
import cn.dangjian.member.development.DevelopmentRules.Outcome;
import cn.dangjian.member.person.Member;
import cn.dangjian.member.person.MemberRepository;
import cn.dangjian.member.person.MemberService;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import cn.dangjian.member.person.MemberStatusService;
import cn.dangjian.member.structure.OrgStructureService;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.time.PartyCalendar;
import cn.dangjian.platform.vote.MeetingVote;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records the 25 development steps, enforcing their order, timing and votes. */
@Service
public class DevelopmentService {

  private final MemberService members;
  private final MemberRepository memberRepository;
  private final MemberStatusService statuses;
  private final DevelopmentRecordRepository records;
  private final OrgStructureService structure;
  private final DomainEventPublisher events;
  private final Approvals approvals;
  private final Clock clock;

  DevelopmentService(
      MemberService members,
      MemberRepository memberRepository,
      MemberStatusService statuses,
      DevelopmentRecordRepository records,
      OrgStructureService structure,
      DomainEventPublisher events,
      Approvals approvals,
      Clock clock) {
    this.members = members;
    this.memberRepository = memberRepository;
    this.statuses = statuses;
    this.records = records;
    this.structure = structure;
    this.events = events;
    this.approvals = approvals;
    this.clock = clock;
  }

  /**
   * Records a step the caller may take: a branch its own steps, the 基层党委 (or the 党委 above) the
   * steps it decides. A branch recording a higher body's step gets 403 naming that body.
   */
  @Transactional
  public Progress record(UUID memberId, RecordStep request, Caller caller, DataScope scope) {
    Member member = members.get(memberId, scope);
    request
        .step()
        .decidedBy()
        .ifPresent(
            body -> approvals.requireDecider(caller, scope, List.of(body), member.getOrgPath()));
    return record(member, request, caller.username(), null, null);
  }

  /**
   * Asks the body above to decide a step: a higher body's step (dated by its decision), or a late
   * record (dated truly, with the reason) which only the 基层党委 may accept. The step is checked now
   * as it would be recorded, so an approval cannot be granted for a step that breaks another rule.
   */
  @Transactional
  public ApprovalView request(UUID memberId, StepRequest request, Caller caller, DataScope scope) {
    Member member = members.get(memberId, scope);
    RecordStep step = request.step();
    boolean late = request.lateReason() != null && !request.lateReason().isBlank();
    List<DecidingBody> bodies;
    ApprovalKind kind;
    RecordStep checked;
    if (late) {
      kind = ApprovalKind.LATE_RECORD;
      bodies = List.of(step.step().decidedBy().orElse(DecidingBody.PRIMARY_COMMITTEE));
      checked = step;
      try {
        check(member, step, false);
        throw ProblemException.businessRule(
            "step-is-not-late", "development.rule.step-is-not-late", step.step().label());
      } catch (ProblemException e) {
        if (!DevelopmentRules.DEADLINE_RULES.contains(e.properties().get("rule"))) {
          throw e;
        }
      }
      check(member, step, true);
    } else {
      DecidingBody body =
          step.step()
              .decidedBy()
              .orElseThrow(
                  () ->
                      ProblemException.businessRule(
                          "step-recorded-by-branch",
                          "development.rule.step-recorded-by-branch",
                          step.step().label()));
      kind = ApprovalKind.DEVELOPMENT_STEP;
      bodies = List.of(body);
      // a higher body's step is dated by its decision: checked as if decided today
      checked = withDate(step, members.today());
      check(member, checked, false);
    }
    return approvals.submit(
        new NewApproval(
            kind,
            "development:" + memberId + ":" + step.step().name(),
            memberId,
            member.getOrgId(),
            member.getOrgPath(),
            (late ? "逾期补录：" : "")
                + step.step().number()
                + " "
                + step.step().label()
                + "（"
                + member.getName()
                + "）",
            late ? "《中国共产党发展党员工作细则》；逾期事项报上级党委批准后补录" : "《中国共产党发展党员工作细则》第十九、二十一至二十三、三十三条",
            request.attachments() == null ? List.of() : request.attachments(),
            new StepApproval(step, late ? request.lateReason().strip() : null),
            bodies,
            null,
            caller.username()),
        caller,
        scope);
  }

  /** What an approval of a development step carries. */
  record StepApproval(RecordStep step, String lateReason) {}

  /** Applies an approved higher body's step (dated by the decision) or late record (true date). */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  void applyApproved(ApprovedRequest approved) {
    StepApproval payload = approvals.payload(approved, StepApproval.class);
    Member member =
        memberRepository
            .findById(approved.subjectMemberId())
            .orElseThrow(() -> ProblemException.notFound("member.not-found"));
    RecordStep step =
        payload.lateReason() == null
            ? withDate(payload.step(), approved.decidedOn())
            : payload.step();
    record(member, step, approved.decidedBy(), approved.approvalId(), payload.lateReason());
  }

  private static RecordStep withDate(RecordStep s, java.time.LocalDate on) {
    return new RecordStep(
        s.step(),
        on,
        s.note(),
        s.people(),
        s.trainingHours(),
        s.decision(),
        s.extendedUntil(),
        s.vote());
  }

  /** The effects of the two development approval kinds. */
  @org.springframework.stereotype.Component
  static class StepApprovalEffect implements ApprovalEffect {
    private final DevelopmentService service;

    StepApprovalEffect(@org.springframework.context.annotation.Lazy DevelopmentService service) {
      this.service = service;
    }

    @Override
    public java.util.Set<ApprovalKind> kinds() {
      return java.util.Set.of(ApprovalKind.DEVELOPMENT_STEP, ApprovalKind.LATE_RECORD);
    }

    @Override
    public void apply(ApprovedRequest approved) {
      service.applyApproved(approved);
    }
  }

  private Outcome check(Member member, RecordStep request, boolean lateAccepted) {
    List<DevelopmentRecord> history =
        records.findByMemberIdOrderByDoneOnAscRecordedAtAsc(member.getId());
    return DevelopmentRules.check(
        rulesRequest(member, request), history, members.today(), lateAccepted);
  }

  private DevelopmentRules.Request rulesRequest(Member member, RecordStep request) {
    List<UUID> people = request.people() == null ? List.of() : request.people();
    return new DevelopmentRules.Request(
        member.getStage(),
        member.getBirthDate(),
        member.getJoinDate(),
        request.step(),
        request.doneOn(),
        people.size(),
        people.stream().distinct().count() == people.size() && allFullMembers(member, people),
        request.trainingHours(),
        request.decision(),
        request.extendedUntil(),
        vote(member, request));
  }

  private MeetingVote vote(Member member, RecordStep request) {
    return request.vote() == null
        ? null
        : new MeetingVote(
            (int) memberRepository.countEntitledVoters(member.getOrgId().toString()),
            request.vote().excludedWithApproval(),
            request.vote().present(),
            request.vote().approve(),
            request.vote().oppose(),
            request.vote().abstain(),
            request.vote().writtenApprovals());
  }

  private Progress record(
      Member member, RecordStep request, String recordedBy, UUID approvalId, String lateReason) {
    UUID memberId = member.getId();
    List<DevelopmentRecord> history = records.findByMemberIdOrderByDoneOnAscRecordedAtAsc(memberId);
    List<UUID> people = request.people() == null ? List.of() : request.people();
    MeetingVote vote = vote(member, request);
    Outcome outcome =
        DevelopmentRules.check(
            rulesRequest(member, request), history, members.today(), lateReason != null);
    records.save(
        new DevelopmentRecord(
                memberId,
                request.step(),
                request.doneOn(),
                recordedBy,
                request.note(),
                people,
                request.trainingHours(),
                request.decision(),
                request.extendedUntil(),
                vote,
                clock.instant())
            .approvedBy(approvalId, lateReason));
    member.advance(outcome.stage(), outcome.joinDate(), outcome.fullMemberDate(), clock.instant());
    if (outcome.status() == MemberStatus.PROBATION_CANCELLED) {
      statuses.recordFinalStatus(
          member, outcome.status(), request.doneOn(), "取消预备党员资格（上级党委批准）", recordedBy);
    }
    records.flush();
    List<DevelopmentRecord> updated = records.findByMemberIdOrderByDoneOnAscRecordedAtAsc(memberId);
    Expected expected = DevelopmentRules.expected(updated, member.getJoinDate());
    events.publish(
        EventTypes.MEMBER_DEVELOPMENT_STEP,
        memberId.toString(),
        member.getOrgPath(),
        new DevelopmentStepRecorded(
            memberId,
            member.getOrgId(),
            request.step().name(),
            request.step().number(),
            request.doneOn(),
            member.getStage().name(),
            expected.step() == null ? null : expected.step().name(),
            expected.dueOn(),
            member.getJoinDate(),
            member.getFullMemberDate(),
            approvalId,
            lateReason));
    if (outcome.stage() != null) {
      structure.recheck(member.getOrgId());
    }
    return progress(member, updated);
  }

  @Transactional(readOnly = true)
  public Progress progress(UUID memberId, DataScope scope) {
    Member member = members.get(memberId, scope);
    return progress(member, records.findByMemberIdOrderByDoneOnAscRecordedAtAsc(memberId));
  }

  private Progress progress(Member member, List<DevelopmentRecord> history) {
    Expected expected = DevelopmentRules.expected(history, member.getJoinDate());
    List<StepView> steps =
        history.stream()
            .map(
                d ->
                    new StepView(
                        d.getStep(),
                        d.getStep().number(),
                        d.getStep().label(),
                        d.getDoneOn(),
                        d.getRecordedBy(),
                        d.getNote(),
                        d.people(),
                        d.getTrainingHours(),
                        d.getDecision(),
                        d.getExtendedUntil(),
                        d.getVoteEntitled(),
                        d.getVotePresent(),
                        d.getVoteApprove(),
                        d.getVoteWritten(),
                        d.getLateReason() != null,
                        d.getLateReason(),
                        d.getApprovalId(),
                        DevelopmentRules.suspectedBackfill(
                            d.getDoneOn(),
                            d.getRecordedAt(),
                            PartyCalendar.ZONE,
                            d.getApprovalId() != null)))
            .toList();
    return new Progress(
        member.getId(), member.getStage(), steps, expected.step(), expected.dueOn());
  }

  /** Contacts and introducers are active full members within the same organisation tree. */
  private boolean allFullMembers(Member subject, List<UUID> people) {
    String root = subject.getOrgPath().substring(0, subject.getOrgPath().indexOf('/', 1) + 1);
    return memberRepository.findAllById(people).stream()
            .filter(
                p ->
                    p.getStage() == MemberStage.FULL
                        && p.getStatus() == MemberStatus.ACTIVE
                        && !p.getId().equals(subject.getId())
                        && p.getOrgPath().startsWith(root))
            .count()
        == people.size();
  }
}
