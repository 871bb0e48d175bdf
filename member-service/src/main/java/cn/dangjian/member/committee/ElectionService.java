package cn.dangjian.member.committee;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.ElectionHeld;
import cn.dangjian.member.approval.ApprovalKind;
import cn.dangjian.member.approval.ApprovalRequests.ApprovalView;
import cn.dangjian.member.approval.ApprovalStatus;
import cn.dangjian.member.approval.Approvals;
import cn.dangjian.member.approval.ApprovedRequest;
import cn.dangjian.member.approval.DecidingBody;
import cn.dangjian.member.approval.NewApproval;
import cn.dangjian.member.committee.CommitteeRequests.Seat;
import cn.dangjian.member.committee.CommitteeRequests.StartTerm;
import cn.dangjian.member.committee.ElectionRequests.CandidateVotes;
import cn.dangjian.member.committee.ElectionRequests.ElectionView;
import cn.dangjian.member.committee.ElectionRequests.RecordResult;
import cn.dangjian.member.committee.ElectionRequests.ReportResult;
import cn.dangjian.member.committee.ElectionRequests.RequestElection;
import cn.dangjian.member.committee.ElectionRequests.SubmitCandidates;
import cn.dangjian.member.org.Org;
import cn.dangjian.member.org.OrgRepository;
import cn.dangjian.member.org.OrgService;
import cn.dangjian.member.structure.OrgStructureService;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.time.PartyCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 换届 elections: the 请示 to the 党委 above, its 批复, the candidate list and its approval, the 党员大会's
 * vote (valid or not), the result and the new committee's secretary reported for approval, and the
 * new term when it is approved. Each decision of the 党委 is an approval whose effect moves the
 * election on.
 */
@Service
public class ElectionService {

  static final String BASIS_REQUEST =
      "《中国共产党基层组织选举工作条例》：基层党组织任期届满应按期换届，召开党员大会进行选举，由上届委员会向上级党组织书面请示，经批复后进行";
  static final String BASIS_CANDIDATES =
      "《中国共产党基层组织选举工作条例》：候选人预备人选报上级党组织审查同意；实行差额选举，候选人数应多于应选人数的20%";
  static final String BASIS_RESULT = "《中国共产党基层组织选举工作条例》《中国共产党章程》第三十一条：选举结果及选出的书记、副书记报上级党组织批准";

  private final OrgService orgs;
  private final OrgRepository orgRepository;
  private final OrgStructureService structure;
  private final CommitteeService committees;
  private final ElectionRepository elections;
  private final ElectionRoundRepository rounds;
  private final ElectionViews views;
  private final Electorate electorate;
  private final Approvals approvals;
  private final DomainEventPublisher events;
  private final ElectionProperties properties;
  private final Clock clock;

  ElectionService(
      OrgService orgs,
      OrgRepository orgRepository,
      OrgStructureService structure,
      CommitteeService committees,
      ElectionRepository elections,
      ElectionRoundRepository rounds,
      ElectionViews views,
      Electorate electorate,
      Approvals approvals,
      DomainEventPublisher events,
      ElectionProperties properties,
      Clock clock) {
    this.orgs = orgs;
    this.orgRepository = orgRepository;
    this.structure = structure;
    this.committees = committees;
    this.elections = elections;
    this.rounds = rounds;
    this.views = views;
    this.electorate = electorate;
    this.approvals = approvals;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  // --- what the approvals carry

  /** ELECTION_REQUEST: the election. (Payloads carry no nulls: the approval shows them.) */
  record ElectionStep(UUID electionId) {}

  /** CANDIDATE_LIST: the list as submitted. */
  record CandidateList(UUID electionId, int seats, List<UUID> candidates) {}

  /** ELECTION_RESULT: the valid vote and the new committee as it will start. */
  record ElectionResult(
      UUID electionId, UUID roundId, LocalDate startedOn, int termYears, List<Seat> seats) {}

  // --- reads

  @Transactional(readOnly = true)
  public List<ElectionView> list(UUID orgId, DataScope scope) {
    Org org = orgs.get(orgId, scope);
    return elections.findByOrgIdOrderByCreatedAtDesc(org.getId()).stream().map(views::of).toList();
  }

  @Transactional(readOnly = true)
  public ElectionView get(UUID orgId, UUID electionId, DataScope scope) {
    return views.of(visible(orgs.get(orgId, scope), electionId));
  }

  // --- the steps

  /** 请示: one open election per org, filed from six months before 换届 is due (late: flagged). */
  @Transactional
  public ElectionView request(UUID orgId, RequestElection request, Caller caller, DataScope scope) {
    Org org = orgs.get(orgId, scope);
    CommitteeRules.checkOrgMayHaveCommittee(org.getOrgType());
    elections
        .findByOpenOrgId(org.getId())
        .ifPresent(
            open -> {
              if (open.getStatus() == ElectionStatus.REQUESTED
                  && endedUnapproved(open, caller, scope)) {
                // the 党委 said no (or the branch withdrew): a new 请示 replaces it
                open.abandoned(clock.instant());
                elections.saveAndFlush(open);
              } else {
                throw ProblemException.conflict("election.already-open", org.getName());
              }
            });
    LocalDate today = PartyCalendar.today(clock);
    LocalDate dueOn = committees.currentTerm(org.getId()).map(CommitteeTerm::dueOn).orElse(null);
    boolean late =
        ElectionRules.checkRequestTiming(
            dueOn,
            today,
            properties.requestOpensMonthsBefore(),
            properties.requestLateMonthsBefore());
    Election election =
        elections.saveAndFlush(
            new Election(
                org.getId(),
                org.getPath(),
                dueOn,
                today,
                request.plannedOn(),
                late,
                clock.instant()));
    String summary =
        "换届选举请示："
            + org.getName()
            + (dueOn == null ? "（首次选举）" : "（本届任期" + dueOn + "届满）")
            + (request.reason() == null || request.reason().isBlank()
                ? ""
                : "。" + request.reason().strip());
    submit(
        election,
        org,
        ApprovalKind.ELECTION_REQUEST,
        "election-request:",
        summary,
        BASIS_REQUEST,
        request.attachments(),
        new ElectionStep(election.getId()),
        caller,
        scope);
    return views.of(election);
  }

  /** 预备人选: after the 批复; 差额 ≥ 20 %, every candidate eligible and in the org. */
  @Transactional
  public ElectionView submitCandidates(
      UUID orgId, UUID electionId, SubmitCandidates request, Caller caller, DataScope scope) {
    Org org = orgs.get(orgId, scope);
    Election election = visible(org, electionId);
    if (!(election.getStatus() == ElectionStatus.CANDIDATES_SUBMITTED
        && endedUnapproved(election, caller, scope))) {
      election.require(EnumSet.of(ElectionStatus.AUTHORISED));
    }
    List<UUID> candidates = ElectionRules.distinct(request.candidates());
    ElectionRules.checkDifferential(request.seats(), candidates.size());
    electorate.checkSeatsForSize(org, request.seats());
    candidates.forEach(c -> electorate.checkCandidate(org, c));
    election.candidatesSubmitted(request.seats(), candidates, clock.instant());
    submit(
        election,
        org,
        ApprovalKind.CANDIDATE_LIST,
        "election-candidates:",
        "候选人预备人选：" + org.getName() + "（应选" + request.seats() + "名，候选人" + candidates.size() + "名）",
        BASIS_CANDIDATES,
        request.attachments(),
        new CandidateList(election.getId(), request.seats(), candidates),
        caller,
        scope);
    return views.of(election);
  }

  /**
   * The 党员大会's vote: those entitled are counted here, never taken from the client. An invalid
   * election is kept as INVALID with its rule and must be held again; a later vote supersedes an
   * earlier one (a re-run, or 另行选举 for seats left empty).
   */
  @Transactional
  public ElectionView recordResult(
      UUID orgId, UUID electionId, RecordResult request, Caller caller, DataScope scope) {
    Org org = orgs.get(orgId, scope);
    Election election = visible(org, electionId);
    election.require(
        EnumSet.of(
            ElectionStatus.CANDIDATES_APPROVED, ElectionStatus.INVALID, ElectionStatus.HELD));
    LocalDate today = PartyCalendar.today(clock);
    if (request.heldOn().isAfter(today)) {
      throw ProblemException.businessRule("date-in-future", "member.rule.date-in-future");
    }
    if (request.heldOn().isBefore(election.getRequestedOn())) {
      throw ProblemException.businessRule(
          "election-before-request",
          "election.rule.held-before-request",
          election.getRequestedOn());
    }
    Set<UUID> candidates = new HashSet<>(election.candidates());
    Map<UUID, Integer> votes = new LinkedHashMap<>();
    election.candidates().forEach(c -> votes.put(c, 0));
    for (CandidateVotes v : request.votes()) {
      if (!candidates.contains(v.memberId())) {
        throw ProblemException.businessRule(
            "votes-for-candidates-only", "election.rule.not-a-candidate", v.memberId());
      }
      votes.put(v.memberId(), v.votes());
    }
    int entitled = electorate.entitled(org);
    ElectionRules.checkCounts(entitled, request.present(), request.ballotsCast(), votes.values());
    String invalid =
        ElectionRules.invalidity(entitled, request.present(), request.ballotsCast()).orElse(null);
    List<UUID> elected =
        invalid != null
            ? List.of()
            : ElectionRules.elected(votes, request.present(), election.getSeats());
    ElectionRound round =
        rounds.save(
            new ElectionRound(
                election.getId(),
                request.heldOn(),
                entitled,
                request.present(),
                request.ballotsCast(),
                invalid,
                votes,
                elected,
                caller.username(),
                clock.instant()));
    election.held(round, clock.instant());
    events.publish(
        EventTypes.COMMITTEE_ELECTION_HELD,
        org.getId().toString(),
        org.getPath(),
        new ElectionHeld(
            election.getId(),
            org.getId(),
            request.heldOn(),
            entitled,
            request.present(),
            election.getSeats(),
            candidates.size(),
            invalid == null,
            invalid,
            elected));
    rounds.flush();
    return views.of(election);
  }

  /**
   * The result and the officers the new committee chose, reported to the 党委 above (DZ Art 31). An
   * invalid election cannot be reported (422 naming its rule).
   */
  @Transactional
  public ElectionView reportResult(
      UUID orgId, UUID electionId, ReportResult request, Caller caller, DataScope scope) {
    Org org = orgs.get(orgId, scope);
    Election election = visible(org, electionId);
    if (election.getStatus() == ElectionStatus.INVALID) {
      throw ElectionRules.invalid(election.getInvalidRule(), round(election));
    }
    if (!(election.getStatus() == ElectionStatus.RESULT_SUBMITTED
        && endedUnapproved(election, caller, scope))) {
      election.require(EnumSet.of(ElectionStatus.HELD));
    }
    ElectionRound round = round(election);
    List<UUID> elected = round.elected();
    ElectionRules.checkOfficers(
        elected, request.secretaryMemberId(), request.deputySecretaryMemberId());
    StartTerm term = ElectionRules.newTerm(round, elected, request);
    int years = committees.checkTerm(org, term);
    election.resultSubmitted(
        request.secretaryMemberId(), request.deputySecretaryMemberId(), clock.instant());
    submit(
        election,
        org,
        ApprovalKind.ELECTION_RESULT,
        "election-result:",
        "选举结果报批："
            + org.getName()
            + "（"
            + round.getHeldOn()
            + "选举，当选"
            + elected.size()
            + "名，书记、副书记报批）",
        BASIS_RESULT,
        request.attachments(),
        new ElectionResult(
            election.getId(), round.getId(), term.startedOn(), years, term.members()),
        caller,
        scope);
    return views.of(election);
  }

  // --- effects (in the transaction of the 党委's approval)

  @Transactional(propagation = Propagation.MANDATORY)
  void authorised(ApprovedRequest approved) {
    ElectionStep step = approvals.payload(approved, ElectionStep.class);
    awaited(step.electionId(), approved).authorised(clock.instant());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void candidatesApproved(ApprovedRequest approved) {
    CandidateList step = approvals.payload(approved, CandidateList.class);
    Election election = awaited(step.electionId(), approved);
    Org org = org(election.getOrgId());
    // still eligible on the day the 党委 approves
    step.candidates().forEach(c -> electorate.checkCandidate(org, c));
    election.candidatesApproved(clock.instant());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void resultApproved(ApprovedRequest approved) {
    ElectionResult result = approvals.payload(approved, ElectionResult.class);
    Election election = awaited(result.electionId(), approved);
    ElectionRound round =
        rounds
            .findById(result.roundId())
            .orElseThrow(() -> ProblemException.notFound("election.not-found"));
    if (!round.isValid()) {
      throw ElectionRules.invalid(round.getInvalidRule(), round);
    }
    Org org = org(election.getOrgId());
    CommitteeRequests.CommitteeView view =
        committees.startTerm(
            org,
            new StartTerm(
                result.startedOn(),
                result.termYears(),
                null,
                approved.approvalId().toString(),
                result.seats()));
    election.completed(view.termId(), clock.instant());
  }

  // --- internals

  private void submit(
      Election election,
      Org org,
      ApprovalKind kind,
      String keyPrefix,
      String summary,
      String basis,
      List<UUID> attachments,
      Object payload,
      Caller caller,
      DataScope scope) {
    ApprovalView approval =
        approvals.submit(
            new NewApproval(
                kind,
                keyPrefix + election.getId(),
                null,
                org.getId(),
                org.getPath(),
                summary,
                basis,
                attachments == null ? List.of() : attachments,
                payload,
                List.of(DecidingBody.PRIMARY_COMMITTEE),
                null,
                caller.username()),
            caller,
            scope);
    election.awaiting(approval.id(), kind, clock.instant());
    elections.saveAndFlush(election);
  }

  /** The approval the election waits for ended without approval (rejected or withdrawn). */
  private boolean endedUnapproved(Election election, Caller caller, DataScope scope) {
    if (election.getCurrentApprovalId() == null) {
      return false;
    }
    ApprovalStatus status = approvals.get(election.getCurrentApprovalId(), caller, scope).status();
    return status == ApprovalStatus.REJECTED || status == ApprovalStatus.WITHDRAWN;
  }

  /** The election an approval moves on: the one waiting for exactly this approval. */
  private Election awaited(UUID electionId, ApprovedRequest approved) {
    Election election =
        elections
            .findById(electionId)
            .filter(e -> approved.approvalId().equals(e.getCurrentApprovalId()))
            .orElseThrow(
                () ->
                    ProblemException.businessRule(
                        "election-step-out-of-order",
                        "election.rule.step-out-of-order",
                        approved.kind().label()));
    return election;
  }

  private Election visible(Org org, UUID electionId) {
    return elections
        .findById(electionId)
        .filter(e -> e.getOrgId().equals(org.getId()))
        .orElseThrow(() -> ProblemException.notFound("election.not-found"));
  }

  private ElectionRound round(Election election) {
    return rounds
        .findById(election.getHeldRoundId())
        .orElseThrow(() -> ProblemException.notFound("election.not-found"));
  }

  private Org org(UUID orgId) {
    return orgRepository
        .findById(orgId)
        .orElseThrow(() -> ProblemException.notFound("org.not-found", orgId));
  }
}
