package cn.dangjian.member.person;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.MemberFlagChanged;
import cn.dangjian.events.member.MemberStatusChanged;
import cn.dangjian.member.approval.ApprovalEffect;
import cn.dangjian.member.approval.ApprovalKind;
import cn.dangjian.member.approval.ApprovalRequests.ApprovalView;
import cn.dangjian.member.approval.Approvals;
import cn.dangjian.member.approval.ApprovedRequest;
import cn.dangjian.member.approval.DecidingBody;
import cn.dangjian.member.approval.NewApproval;
import cn.dangjian.member.person.MemberRequests.ChangeStatus;
import cn.dangjian.member.person.MemberRequests.SetFlag;
import cn.dangjian.member.person.MemberRequests.StatusRequest;
import cn.dangjian.member.structure.OrgStructureService;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.vote.MeetingVote;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Status changes (停止党籍, 除名…) and overlay flags (失联, 限期改正…), each with history and an event. */
@Service
public class MemberStatusService {

  private final MemberService members;
  private final MemberFlagRepository flags;
  private final MemberStatusChangeRepository history;
  private final OrgStructureService structure;
  private final DomainEventPublisher events;
  private final Approvals approvals;
  private final MemberRepository memberRepository;
  private final org.springframework.context.ApplicationEventPublisher localEvents;
  private final Clock clock;

  MemberStatusService(
      MemberService members,
      MemberFlagRepository flags,
      MemberStatusChangeRepository history,
      OrgStructureService structure,
      DomainEventPublisher events,
      Approvals approvals,
      MemberRepository memberRepository,
      org.springframework.context.ApplicationEventPublisher localEvents,
      Clock clock) {
    this.localEvents = localEvents;
    this.members = members;
    this.flags = flags;
    this.history = history;
    this.structure = structure;
    this.events = events;
    this.approvals = approvals;
    this.memberRepository = memberRepository;
    this.clock = clock;
  }

  /**
   * A status change the caller may record itself: a death by the branch; anything the 基层党委 or the
   * 纪委 decides only by a caller who speaks for every deciding body (others get 403 naming the body
   * and request it with {@link #requestStatus}).
   */
  @Transactional
  public Member changeStatus(
      UUID id, ChangeStatus request, long expectedVersion, Caller caller, DataScope scope) {
    Member member = members.visible(id, scope);
    if (member.getVersion() != expectedVersion) {
      throw ProblemException.preconditionFailed();
    }
    List<DecidingBody> bodies = MemberStatusRules.decidedBy(request.status());
    if (!bodies.isEmpty()) {
      approvals.requireDecider(caller, scope, bodies, member.getOrgPath());
    }
    check(member, request.status(), request.effectiveOn(), request.basis());
    apply(member, request.status(), request.effectiveOn(), request.reason(), caller.username());
    return member;
  }

  /**
   * Asks the bodies above to decide a status change; 除名, 劝退 and 开除党籍 carry the 支部大会's vote (quorum
   * and majority of the members entitled to vote). Checked now as if decided today, and again when
   * approved.
   */
  @Transactional
  public ApprovalView requestStatus(
      UUID id, StatusRequest request, Caller caller, DataScope scope) {
    Member member = members.visible(id, scope);
    List<DecidingBody> bodies = MemberStatusRules.decidedBy(request.status());
    if (bodies.isEmpty()) {
      throw ProblemException.businessRule(
          "status-recorded-by-branch",
          "member.rule.status-recorded-by-branch",
          request.status().label());
    }
    check(member, request.status(), members.today(), request.basis());
    if (MemberStatusRules.needsBranchMeetingVote(request.status())) {
      if (request.vote() == null) {
        throw ProblemException.businessRule(
            "branch-meeting-vote-required",
            "member.rule.branch-meeting-vote-required",
            request.status().label());
      }
      MemberRequests.Vote v = request.vote();
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
    return approvals.submit(
        new NewApproval(
            ApprovalKind.STATUS_CHANGE,
            "status:" + id,
            id,
            member.getOrgId(),
            member.getOrgPath(),
            request.status().label() + "：" + member.getName(),
            MemberStatusRules.basis(request.status()),
            request.attachments() == null ? List.of() : request.attachments(),
            new StatusApproval(request.status(), request.basis(), request.reason().strip()),
            bodies,
            null,
            caller.username()),
        caller,
        scope);
  }

  /** What a status approval carries. */
  record StatusApproval(
      MemberStatus status, MemberStatusRules.SuspensionBasis basis, String reason) {}

  /** The approved change takes effect on the day of the last decision. */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  void applyApproved(ApprovedRequest approved) {
    StatusApproval payload = approvals.payload(approved, StatusApproval.class);
    Member member =
        memberRepository
            .findById(approved.subjectMemberId())
            .orElseThrow(() -> ProblemException.notFound("member.not-found"));
    check(member, payload.status(), approved.decidedOn(), payload.basis());
    apply(
        member,
        payload.status(),
        approved.decidedOn(),
        payload.reason() + "（" + String.join("、", bodiesOf(payload.status())) + "批准）",
        approved.decidedBy());
  }

  private static List<String> bodiesOf(MemberStatus status) {
    return MemberStatusRules.decidedBy(status).stream().map(DecidingBody::label).toList();
  }

  @org.springframework.stereotype.Component
  static class StatusApprovalEffect implements ApprovalEffect {
    private final MemberStatusService service;

    StatusApprovalEffect(@org.springframework.context.annotation.Lazy MemberStatusService service) {
      this.service = service;
    }

    @Override
    public java.util.Set<ApprovalKind> kinds() {
      return java.util.Set.of(ApprovalKind.STATUS_CHANGE);
    }

    @Override
    public void apply(ApprovedRequest approved) {
      service.applyApproved(approved);
    }
  }

  private void check(
      Member member,
      MemberStatus to,
      LocalDate effectiveOn,
      MemberStatusRules.SuspensionBasis basis) {
    Optional<LocalDate> lostContactSince =
        flags.findByMemberIdAndClearedOnIsNull(member.getId()).stream()
            .filter(f -> f.getFlag() == MemberFlag.LOST_CONTACT)
            .map(MemberFlagPeriod::getStartedOn)
            .findFirst();
    MemberStatusRules.checkStatusChange(
        member.getStage(),
        member.getStatus(),
        to,
        effectiveOn,
        basis,
        lostContactSince,
        members.today());
  }

  private void apply(
      Member member, MemberStatus to, LocalDate effectiveOn, String reason, String changedBy) {
    UUID id = member.getId();
    MemberStatus from = member.getStatus();
    member.changeStatus(to, effectiveOn, clock.instant());
    history.save(
        new MemberStatusChange(
            id, from, to, effectiveOn, reason.strip(), changedBy, clock.instant()));
    if (to != MemberStatus.ACTIVE) {
      // A suspended or departed member carries no overlay flags any more.
      flags.findByMemberIdAndClearedOnIsNull(id).forEach(f -> f.clear(effectiveOn));
    }
    events.publish(
        EventTypes.MEMBER_STATUS_CHANGED,
        id.toString(),
        member.getOrgPath(),
        new MemberStatusChanged(id, member.getOrgId(), from.name(), to.name(), effectiveOn));
    if (to != MemberStatus.ACTIVE) {
      localEvents.publishEvent(new MemberLeftRegister(id, to, effectiveOn));
    }
    structure.recheck(member.getOrgId());
  }

  /** A final status decided elsewhere (e.g. the approval of a cancelled probation). */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public void recordFinalStatus(
      Member member, MemberStatus to, LocalDate effectiveOn, String reason, String changedBy) {
    MemberStatus from = member.getStatus();
    member.changeStatus(to, effectiveOn, clock.instant());
    history.save(
        new MemberStatusChange(
            member.getId(), from, to, effectiveOn, reason, changedBy, clock.instant()));
    events.publish(
        EventTypes.MEMBER_STATUS_CHANGED,
        member.getId().toString(),
        member.getOrgPath(),
        new MemberStatusChanged(
            member.getId(), member.getOrgId(), from.name(), to.name(), effectiveOn));
    if (to != MemberStatus.ACTIVE) {
      localEvents.publishEvent(new MemberLeftRegister(member.getId(), to, effectiveOn));
    }
  }

  @Transactional
  public MemberFlagPeriod setFlag(UUID id, SetFlag request, DataScope scope) {
    return set(members.visible(id, scope), request);
  }

  /**
   * A flag a higher body decided (留党察看 by a sanction, 限期改正 by the 不合格党员 procedure), set in the
   * transaction of the approval, with the same checks and event as {@link #setFlag}.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public MemberFlagPeriod setDecidedFlag(UUID id, SetFlag request) {
    return set(
        memberRepository
            .findById(id)
            .orElseThrow(() -> ProblemException.notFound("member.not-found", id)),
        request);
  }

  /**
   * A status a higher body decided through another feature's approval (劝退, 除名 by the 不合格党员
   * procedure): checked again as of the decision and applied with history and event.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public void applyDecidedStatus(
      UUID id, MemberStatus to, LocalDate effectiveOn, String reason, String decidedBy) {
    Member member =
        memberRepository
            .findById(id)
            .orElseThrow(() -> ProblemException.notFound("member.not-found", id));
    check(member, to, effectiveOn, null);
    apply(member, to, effectiveOn, reason, decidedBy);
  }

  private MemberFlagPeriod set(Member member, SetFlag request) {
    UUID id = member.getId();
    boolean alreadySet =
        flags.findByMemberIdAndClearedOnIsNull(id).stream()
            .anyMatch(f -> f.getFlag() == request.flag());
    MemberStatusRules.checkFlagAllowed(member.getStatus(), request.flag(), alreadySet);
    LocalDate endsOn =
        MemberStatusRules.flagPeriodEnd(request.flag(), request.startedOn(), request.endsOn());
    MemberFlagPeriod period =
        flags.save(
            new MemberFlagPeriod(
                id,
                request.flag(),
                request.startedOn(),
                endsOn,
                request.reason(),
                clock.instant()));
    member.touch(clock.instant());
    events.publish(
        EventTypes.MEMBER_FLAG_CHANGED,
        id.toString(),
        member.getOrgPath(),
        new MemberFlagChanged(
            id, member.getOrgId(), request.flag().name(), true, request.startedOn(), endsOn));
    return period;
  }

  /**
   * A flag another feature owns the life of (流动党员 follows the 活动证): set in that feature's
   * transaction unless it is already set.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public void ensureFlag(UUID id, MemberFlag flag, LocalDate startedOn, String reason) {
    boolean set =
        flags.findByMemberIdAndClearedOnIsNull(id).stream().anyMatch(f -> f.getFlag() == flag);
    if (!set) {
      setDecidedFlag(id, new SetFlag(flag, startedOn, null, reason));
    }
  }

  /** Clears a flag another feature owns, if set, in that feature's transaction. */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public void releaseFlag(UUID id, MemberFlag flag) {
    boolean set =
        flags.findByMemberIdAndClearedOnIsNull(id).stream().anyMatch(f -> f.getFlag() == flag);
    if (set) {
      clearFlag(id, flag, DataScope.all());
    }
  }

  @Transactional
  public void clearFlag(UUID id, MemberFlag flag, DataScope scope) {
    Member member = members.visible(id, scope);
    MemberFlagPeriod period =
        flags.findByMemberIdAndClearedOnIsNull(id).stream()
            .filter(f -> f.getFlag() == flag)
            .findFirst()
            .orElseThrow(() -> ProblemException.notFound("member.flag-not-set", flag.label()));
    LocalDate today = members.today();
    period.clear(today);
    member.touch(clock.instant());
    events.publish(
        EventTypes.MEMBER_FLAG_CHANGED,
        id.toString(),
        member.getOrgPath(),
        new MemberFlagChanged(
            id, member.getOrgId(), flag.name(), false, period.getStartedOn(), today));
  }

  @Transactional(readOnly = true)
  public List<MemberFlagPeriod> flags(UUID id, DataScope scope) {
    members.visible(id, scope);
    return flags.findByMemberIdOrderByStartedOnDesc(id);
  }

  @Transactional(readOnly = true)
  public List<MemberStatusChange> history(UUID id, DataScope scope) {
    members.visible(id, scope);
    return history.findByMemberIdOrderByChangedAtDesc(id);
  }
}
