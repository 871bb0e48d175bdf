package cn.dangjian.member.discipline;

import cn.dangjian.member.approval.ApprovalKind;
import cn.dangjian.member.approval.ApprovalRequests.ApprovalView;
import cn.dangjian.member.approval.Approvals;
import cn.dangjian.member.approval.ApprovedRequest;
import cn.dangjian.member.approval.DecidingBody;
import cn.dangjian.member.approval.NewApproval;
import cn.dangjian.member.discipline.DisciplineRequests.CaseApprovalStep;
import cn.dangjian.member.discipline.DisciplineRequests.CaseStepView;
import cn.dangjian.member.discipline.DisciplineRequests.NextCaseMeasure;
import cn.dangjian.member.discipline.DisciplineRequests.OpenUnqualifiedCase;
import cn.dangjian.member.discipline.DisciplineRequests.RecordCaseStep;
import cn.dangjian.member.discipline.DisciplineRequests.RequestCaseApproval;
import cn.dangjian.member.discipline.DisciplineRequests.UnqualifiedCaseView;
import cn.dangjian.member.person.Member;
import cn.dangjian.member.person.MemberFlag;
import cn.dangjian.member.person.MemberFlagPeriod;
import cn.dangjian.member.person.MemberRepository;
import cn.dangjian.member.person.MemberRequests.SetFlag;
import cn.dangjian.member.person.MemberService;
import cn.dangjian.member.person.MemberStatus;
import cn.dangjian.member.person.MemberStatusService;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.time.PartyCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 不合格党员组织处置 (BH 2024): 支委会 proposes → 事前备案 with the 基层党委 → 调查核实 → talk by two formal members → 预审 →
 * 支部大会 vote → 基层党委 approval, when the measure takes effect (限期改正 as the CORRECTION_PERIOD flag, 劝退
 * and 除名 as statuses). Each step is recorded on the case with its date.
 */
@Service
public class UnqualifiedCases {

  static final String BASIS = "《中国共产党章程》第九条；《不合格党员组织处置办法》";

  private final UnqualifiedCaseRepository cases;
  private final UnqualifiedCaseStepRepository steps;
  private final MemberService members;
  private final MemberRepository memberRepository;
  private final MemberStatusService statuses;
  private final Sanctions sanctions;
  private final Approvals approvals;
  private final Clock clock;

  UnqualifiedCases(
      UnqualifiedCaseRepository cases,
      UnqualifiedCaseStepRepository steps,
      MemberService members,
      MemberRepository memberRepository,
      MemberStatusService statuses,
      Sanctions sanctions,
      Approvals approvals,
      Clock clock) {
    this.cases = cases;
    this.steps = steps;
    this.members = members;
    this.memberRepository = memberRepository;
    this.statuses = statuses;
    this.sanctions = sanctions;
    this.approvals = approvals;
    this.clock = clock;
  }

  /** The 支委会's proposal opens the case (one open case per member). */
  @Transactional
  public UnqualifiedCaseView open(
      UUID memberId, OpenUnqualifiedCase r, Caller caller, DataScope scope) {
    Member member = members.get(memberId, scope);
    DisciplineRules.checkMeasure(r.measure(), member.getStage(), member.getStatus());
    DisciplineRules.checkNotSanctionedForIssue(r.issue(), sanctions.issuesInEffect(memberId));
    if (r.trigger() == UnqualifiedTrigger.LOST_CONTACT_RETURN) {
      MemberFlagPeriod lost =
          statuses.flags(memberId, scope).stream()
              .filter(f -> f.getFlag() == MemberFlag.LOST_CONTACT && f.getClearedOn() != null)
              .max(Comparator.comparing(MemberFlagPeriod::getClearedOn))
              .orElse(null);
      DisciplineRules.checkTrigger(
          r.trigger(),
          lost == null ? null : lost.getStartedOn(),
          lost == null ? null : lost.getClearedOn());
    }
    LocalDate today = today();
    LocalDate on = r.proposedOn() == null ? today : r.proposedOn();
    java.util.Optional<UnqualifiedCase> open = cases.findFirstByMemberIdAndClosedFalse(memberId);
    if (open.isPresent() && open.get().getStep() == CaseStep.TRIGGERED) {
      // the 支委会's proposal on the case a 不合格 grade opened
      UnqualifiedCase c = open.get();
      DisciplineRules.checkStepDate(on, c.getOpenedOn(), today);
      c.proposed(r.measure(), clock.instant());
      record(c, CaseStep.PROPOSED, on, r.note().strip(), null, null, null, caller.username());
      return view(c);
    }
    if (open.isPresent()) {
      throw ProblemException.conflict("discipline.case-already-open");
    }
    DisciplineRules.checkStepDate(on, on, today);
    UnqualifiedCase c =
        cases.saveAndFlush(
            new UnqualifiedCase(
                memberId,
                member.getOrgId(),
                member.getOrgPath(),
                r.trigger(),
                DisciplineRules.normalizeIssue(r.issue()),
                r.measure(),
                on,
                CaseStep.PROPOSED,
                clock.instant()));
    record(c, CaseStep.PROPOSED, on, r.note().strip(), null, null, null, caller.username());
    return view(c);
  }

  /**
   * A trigger the platform saw opens the procedure (BH): a 不合格 grade in the democratic appraisal,
   * or six months without organisational life or dues (the alerts' 严重 level). The case waits at
   * TRIGGERED for the 支委会 to study, with 限期改正 as the measure until it proposes one. Nothing is
   * opened for a member who is not an active full member (probationary members are not graded and
   * cannot be 劝退), who is already being handled, or who has a sanction in effect for that issue.
   *
   * @return whether a case was opened
   */
  @Transactional
  public boolean openTriggered(
      UUID memberId, UnqualifiedTrigger trigger, String issue, String note) {
    Member member = memberRepository.findById(memberId).orElse(null);
    String normalized = DisciplineRules.normalizeIssue(issue);
    if (member == null
        || member.getStatus() != cn.dangjian.member.person.MemberStatus.ACTIVE
        || member.getStage() != cn.dangjian.member.person.MemberStage.FULL
        || cases.existsByMemberIdAndClosedFalse(memberId)
        || sanctions.issuesInEffect(memberId).contains(normalized)) {
      return false;
    }
    LocalDate today = today();
    UnqualifiedCase c =
        cases.saveAndFlush(
            new UnqualifiedCase(
                memberId,
                member.getOrgId(),
                member.getOrgPath(),
                trigger,
                normalized,
                Measure.CORRECTION,
                today,
                CaseStep.TRIGGERED,
                clock.instant()));
    record(c, CaseStep.TRIGGERED, today, note, null, null, null, "system");
    return true;
  }

  /** A step the branch records itself: 调查核实, the talk, the 支部大会's vote. */
  @Transactional
  public UnqualifiedCaseView recordStep(
      UUID memberId, UUID caseId, RecordCaseStep r, Caller caller, DataScope scope) {
    UnqualifiedCase c = visible(memberId, caseId, scope);
    CaseStep next =
        switch (r.step()) {
          case INVESTIGATED -> CaseStep.INVESTIGATED;
          case TALKED -> CaseStep.TALKED;
          case VOTED -> CaseStep.VOTED;
        };
    DisciplineRules.checkNextStep(c.getStep(), next, c.isClosed());
    DisciplineRules.checkStepDate(r.doneOn(), lastStepOn(c), today());
    String talkers = null;
    Integer voteBase = null;
    if (next == CaseStep.TALKED) {
      List<UUID> ids = r.talkers() == null ? List.of() : r.talkers();
      String root = root(c.getOrgPath());
      DisciplineRules.checkTalkers(
          memberId,
          ids.stream()
              .map(
                  id ->
                      memberRepository
                          .findById(id)
                          .map(
                              m ->
                                  new DisciplineRules.Talker(
                                      id,
                                      m.getStage(),
                                      m.getStatus(),
                                      root.equals(root(m.getOrgPath()))))
                          .orElse(new DisciplineRules.Talker(id, null, null, false)))
              .toList());
      talkers = ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }
    if (next == CaseStep.VOTED) {
      if (r.vote() == null) {
        throw ProblemException.businessRule(
            "branch-meeting-vote-required",
            "member.rule.branch-meeting-vote-required",
            c.getMeasure().label());
      }
      Member member = members.get(memberId, scope);
      sanctions.checkVote(member, r.vote());
      voteBase = sanctions.voteBase(member);
    }
    record(c, next, r.doneOn(), r.note().strip(), talkers, voteBase, null, caller.username());
    c.reached(next, clock.instant());
    return view(c);
  }

  /** Asks the body above for 事前备案, 预审 or the decision. */
  @Transactional
  public ApprovalView requestStep(
      UUID memberId, UUID caseId, RequestCaseApproval r, Caller caller, DataScope scope) {
    UnqualifiedCase c = visible(memberId, caseId, scope);
    Member member = members.get(memberId, scope);
    CaseStep target = target(r.step());
    DisciplineRules.checkNextStep(c.getStep(), target, c.isClosed());
    if (r.step() == CaseApprovalStep.DECISION) {
      DisciplineRules.checkMeasure(c.getMeasure(), member.getStage(), member.getStatus());
      if (c.getMeasure() == Measure.CORRECTION) {
        DisciplineRules.correctionEnd(today(), r.correctionMonths());
      }
    }
    List<DecidingBody> bodies =
        r.step() == CaseApprovalStep.PRE_REVIEW
            ? DisciplineRules.preReviewedBy(c.getMeasure())
            : List.of(DecidingBody.PRIMARY_COMMITTEE);
    ApprovalKind kind =
        switch (r.step()) {
          case FILING -> ApprovalKind.UNQUALIFIED_FILING;
          case PRE_REVIEW -> ApprovalKind.UNQUALIFIED_PRE_REVIEW;
          case DECISION -> ApprovalKind.UNQUALIFIED_DECISION;
        };
    return approvals.submit(
        new NewApproval(
            kind,
            "unqualified:" + caseId,
            memberId,
            member.getOrgId(),
            member.getOrgPath(),
            kind.label() + "（" + c.getMeasure().label() + "）：" + member.getName(),
            BASIS,
            r.attachments() == null ? List.of() : r.attachments(),
            new CaseApproval(caseId, c.getRound(), target, c.getMeasure(), r.correctionMonths()),
            bodies,
            null,
            caller.username()),
        caller,
        scope);
  }

  /** After a 限期改正 without improvement: the next measure, on the same case, from the proposal. */
  @Transactional
  public UnqualifiedCaseView nextMeasure(
      UUID memberId, UUID caseId, NextCaseMeasure r, Caller caller, DataScope scope) {
    UnqualifiedCase c = visible(memberId, caseId, scope);
    Member member = members.get(memberId, scope);
    LocalDate today = today();
    DisciplineRules.checkNextMeasure(
        c.getMeasure(), c.getStep(), c.isClosed(), c.getCorrectionEndsOn(), r.measure(), today);
    DisciplineRules.checkMeasure(r.measure(), member.getStage(), member.getStatus());
    // The correction period is over: its flag ends here.
    boolean correcting =
        statuses.flags(memberId, scope).stream()
            .anyMatch(f -> f.getFlag() == MemberFlag.CORRECTION_PERIOD && f.isActive());
    if (correcting) {
      statuses.clearFlag(memberId, MemberFlag.CORRECTION_PERIOD, scope);
    }
    c.nextMeasure(r.measure(), clock.instant());
    record(c, CaseStep.PROPOSED, today, r.note().strip(), null, null, null, caller.username());
    return view(c);
  }

  @Transactional(readOnly = true)
  public List<UnqualifiedCaseView> list(UUID memberId, DataScope scope) {
    members.get(memberId, scope);
    return cases.findByMemberIdOrderByOpenedOnDesc(memberId).stream().map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public UnqualifiedCaseView get(UUID memberId, UUID caseId, DataScope scope) {
    return view(visible(memberId, caseId, scope));
  }

  /** What a case approval carries: the step and round it moves the case to. */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record CaseApproval(
      UUID caseId, int round, CaseStep step, Measure measure, Integer correctionMonths) {}

  @Transactional(propagation = Propagation.MANDATORY)
  void applyApproved(ApprovedRequest approved) {
    CaseApproval p = approvals.payload(approved, CaseApproval.class);
    UnqualifiedCase c =
        cases
            .findById(p.caseId())
            .orElseThrow(() -> ProblemException.notFound("discipline.case-not-found"));
    if (c.getRound() != p.round() || c.getMeasure() != p.measure()) {
      throw ProblemException.businessRule(
          "unqualified-case-changed", "discipline.rule.case-changed");
    }
    DisciplineRules.checkNextStep(c.getStep(), p.step(), c.isClosed());
    LocalDate on = approved.decidedOn();
    String note = "上级党组织批准";
    if (p.step() == CaseStep.DECIDED) {
      LocalDate correctionEndsOn = null;
      switch (p.measure()) {
        case CORRECTION -> {
          correctionEndsOn = DisciplineRules.correctionEnd(on, p.correctionMonths());
          statuses.setDecidedFlag(
              c.getMemberId(),
              new SetFlag(MemberFlag.CORRECTION_PERIOD, on, correctionEndsOn, "不合格党员组织处置：限期改正"));
          note = "限期改正至 " + correctionEndsOn;
        }
        case PERSUADE_TO_QUIT ->
            statuses.applyDecidedStatus(
                c.getMemberId(),
                MemberStatus.PERSUADED_TO_QUIT,
                on,
                "不合格党员组织处置：劝其退党（基层党委批准）",
                approved.decidedBy());
        case STRIKE_OFF ->
            statuses.applyDecidedStatus(
                c.getMemberId(),
                MemberStatus.STRUCK_OFF,
                on,
                "不合格党员组织处置：除名（基层党委批准）",
                approved.decidedBy());
      }
      c.decided(correctionEndsOn, clock.instant());
    } else {
      c.reached(p.step(), clock.instant());
    }
    record(c, p.step(), on, note, null, null, approved.approvalId(), approved.decidedBy());
  }

  private static CaseStep target(CaseApprovalStep step) {
    return switch (step) {
      case FILING -> CaseStep.FILED;
      case PRE_REVIEW -> CaseStep.PRE_REVIEWED;
      case DECISION -> CaseStep.DECIDED;
    };
  }

  private UnqualifiedCase visible(UUID memberId, UUID caseId, DataScope scope) {
    members.get(memberId, scope);
    return cases
        .findById(caseId)
        .filter(c -> c.getMemberId().equals(memberId))
        .orElseThrow(() -> ProblemException.notFound("discipline.case-not-found"));
  }

  private LocalDate lastStepOn(UnqualifiedCase c) {
    return steps.findByCaseIdOrderByCreatedAtAsc(c.getId()).stream()
        .map(UnqualifiedCaseStep::getDoneOn)
        .max(Comparator.naturalOrder())
        .orElse(c.getOpenedOn());
  }

  private void record(
      UnqualifiedCase c,
      CaseStep step,
      LocalDate on,
      String note,
      String talkers,
      Integer voteBase,
      UUID approvalId,
      String by) {
    steps.saveAndFlush(
        new UnqualifiedCaseStep(
            c, step, on, note, talkers, voteBase, approvalId, by, clock.instant()));
  }

  private static String root(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).findFirst().orElse("");
  }

  private LocalDate today() {
    return PartyCalendar.today(clock);
  }

  private UnqualifiedCaseView view(UnqualifiedCase c) {
    List<CaseStepView> recorded =
        steps.findByCaseIdOrderByCreatedAtAsc(c.getId()).stream()
            .map(
                s ->
                    new CaseStepView(
                        s.getRound(),
                        s.getStep(),
                        s.getStep().label(),
                        s.getMeasure(),
                        s.getDoneOn(),
                        s.getNote(),
                        s.getTalkers() == null
                            ? List.of()
                            : Arrays.stream(s.getTalkers().split(","))
                                .map(UUID::fromString)
                                .toList(),
                        s.getVoteBase(),
                        s.getApprovalId(),
                        s.getRecordedBy()))
            .toList();
    CaseStep next =
        c.isClosed() || c.getStep() == CaseStep.DECIDED
            ? null
            : CaseStep.values()[c.getStep().ordinal() + 1];
    return new UnqualifiedCaseView(
        c.getId(),
        c.getMemberId(),
        c.getOrgId(),
        c.getTrigger(),
        c.getTrigger().label(),
        c.getIssue(),
        c.getMeasure(),
        c.getMeasure().label(),
        c.getRound(),
        c.getStep(),
        c.getStep().label(),
        next,
        c.getCorrectionEndsOn(),
        c.isClosed(),
        c.getOpenedOn(),
        recorded,
        c.getUpdatedAt(),
        c.getVersion());
  }
}
