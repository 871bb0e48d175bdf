package cn.dangjian.member.committee;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.CommitteeChanged;
import cn.dangjian.member.approval.ApprovalEffect;
import cn.dangjian.member.approval.ApprovalKind;
import cn.dangjian.member.approval.ApprovalRequests.ApprovalView;
import cn.dangjian.member.approval.Approvals;
import cn.dangjian.member.approval.ApprovedRequest;
import cn.dangjian.member.approval.DecidingBody;
import cn.dangjian.member.approval.NewApproval;
import cn.dangjian.member.committee.CommitteeRequests.Appoint;
import cn.dangjian.member.committee.CommitteeRequests.CommitteeView;
import cn.dangjian.member.committee.CommitteeRequests.Leave;
import cn.dangjian.member.committee.CommitteeRequests.Postpone;
import cn.dangjian.member.committee.CommitteeRequests.Seat;
import cn.dangjian.member.committee.CommitteeRequests.SeatView;
import cn.dangjian.member.committee.CommitteeRequests.StartTerm;
import cn.dangjian.member.committee.ElectionRequests.RequestPostponement;
import cn.dangjian.member.discipline.Sanctions;
import cn.dangjian.member.org.Org;
import cn.dangjian.member.org.OrgRepository;
import cn.dangjian.member.org.OrgService;
import cn.dangjian.member.person.Member;
import cn.dangjian.member.person.MemberFlagRepository;
import cn.dangjian.member.person.MemberRepository;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import cn.dangjian.member.structure.OrgStructureService;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Committee terms (换届), seats, postponement and secretary vacancy. */
@Service
public class CommitteeService {

  /** ZB ch.6: a committee has 3–5 members, generally no more than 7. */
  static final int USUAL_MAX_SEATS = 7;

  private final OrgService orgs;
  private final MemberRepository members;
  private final MemberFlagRepository flags;
  private final CommitteeTermRepository terms;
  private final CommitteeSeatRepository seats;
  private final OrgStructureService structure;
  private final DomainEventPublisher events;
  private final Sanctions sanctions;
  private final Approvals approvals;
  private final OrgRepository orgRepository;
  private final Clock clock;

  CommitteeService(
      OrgService orgs,
      MemberRepository members,
      MemberFlagRepository flags,
      CommitteeTermRepository terms,
      CommitteeSeatRepository seats,
      OrgStructureService structure,
      DomainEventPublisher events,
      Sanctions sanctions,
      Approvals approvals,
      OrgRepository orgRepository,
      Clock clock) {
    this.orgs = orgs;
    this.members = members;
    this.flags = flags;
    this.terms = terms;
    this.seats = seats;
    this.structure = structure;
    this.events = events;
    this.sanctions = sanctions;
    this.approvals = approvals;
    this.orgRepository = orgRepository;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public CommitteeView current(UUID orgId, DataScope scope) {
    Org org = orgs.get(orgId, scope);
    CommitteeTerm term =
        terms
            .findByOrgIdAndStatus(org.getId(), CommitteeTerm.CURRENT)
            .orElseThrow(() -> ProblemException.notFound("committee.none", org.getName()));
    return view(term);
  }

  /**
   * Records a new term directly — only for callers who speak for the 党委 above the org (a data
   * migration of existing committees): a branch's new term comes from an approved election.
   */
  @Transactional
  public CommitteeView startTerm(UUID orgId, StartTerm request, Caller caller, DataScope scope) {
    Org org = orgs.get(orgId, scope);
    approvals.requireDecider(caller, scope, List.of(DecidingBody.PRIMARY_COMMITTEE), org.getPath());
    return startTerm(org, request);
  }

  /** The current term ends and the elected members form the new one (checked first). */
  CommitteeView startTerm(Org org, StartTerm request) {
    int years = checkTerm(org, request);
    terms.findByOrgIdAndStatus(org.getId(), CommitteeTerm.CURRENT).ifPresent(CommitteeTerm::end);
    terms.flush();
    CommitteeTerm term =
        terms.save(
            new CommitteeTerm(
                org.getId(), request.startedOn(), years, request.approvalRef(), clock.instant()));
    for (Seat seat : request.members()) {
      seats.save(
          new CommitteeSeat(term.getId(), seat.memberId(), seat.role(), request.startedOn()));
    }
    return changed(org, term);
  }

  /** Whether the org may have this committee: term, one secretary, eligible seats; the years. */
  int checkTerm(Org org, StartTerm request) {
    CommitteeRules.checkOrgMayHaveCommittee(org.getOrgType());
    int years =
        request.termYears() != null
            ? request.termYears()
            : CommitteeRules.defaultTermYears(
                org.getOrgType(), Boolean.TRUE.equals(request.villageOrCommunity()));
    CommitteeRules.checkTermYears(years);
    Set<UUID> distinct = new HashSet<>();
    long secretaries =
        request.members().stream().filter(s -> s.role() == CommitteeRole.SECRETARY).count();
    if (secretaries > 1) {
      throw ProblemException.businessRule("one-secretary", "committee.rule.one-secretary");
    }
    int formal = structure.current(org).formalMembers();
    for (Seat seat : request.members()) {
      if (!distinct.add(seat.memberId())) {
        throw ProblemException.businessRule(
            "one-seat-per-member", "committee.rule.one-seat-per-member");
      }
      checkSeat(org, seat.memberId(), seat.role(), request.startedOn(), formal);
    }
    return years;
  }

  @Transactional
  public CommitteeView appoint(UUID orgId, Appoint request, DataScope scope) {
    Org org = orgs.get(orgId, scope);
    CommitteeTerm term = currentTerm(org);
    List<CommitteeSeat> held = held(term);
    if (held.stream().anyMatch(s -> s.getMemberId().equals(request.memberId()))) {
      throw ProblemException.businessRule(
          "one-seat-per-member", "committee.rule.one-seat-per-member");
    }
    if (request.role() == CommitteeRole.SECRETARY
        && held.stream().anyMatch(s -> s.getRole() == CommitteeRole.SECRETARY)) {
      throw ProblemException.businessRule("one-secretary", "committee.rule.one-secretary");
    }
    checkSeat(
        org,
        request.memberId(),
        request.role(),
        request.appointedOn(),
        structure.current(org).formalMembers());
    seats.save(
        new CommitteeSeat(term.getId(), request.memberId(), request.role(), request.appointedOn()));
    return changed(org, term);
  }

  @Transactional
  public CommitteeView leave(UUID orgId, UUID memberId, Leave request, DataScope scope) {
    Org org = orgs.get(orgId, scope);
    CommitteeTerm term = currentTerm(org);
    CommitteeSeat seat =
        held(term).stream()
            .filter(s -> s.getMemberId().equals(memberId))
            .findFirst()
            .orElseThrow(() -> ProblemException.notFound("committee.not-a-member", memberId));
    seat.leave(request.leftOn(), request.reason().strip());
    return changed(org, term);
  }

  /**
   * Records an approved postponement directly — only for callers who speak for the 党委 above the
   * org; the branch requests it with {@link #requestPostponement}.
   */
  @Transactional
  public CommitteeView postpone(UUID orgId, Postpone request, Caller caller, DataScope scope) {
    Org org = orgs.get(orgId, scope);
    approvals.requireDecider(caller, scope, List.of(DecidingBody.PRIMARY_COMMITTEE), org.getPath());
    CommitteeTerm term = currentTerm(org);
    CommitteeRules.checkPostponement(term.getEndsOn(), request.until());
    term.postpone(request.until(), request.approvalRef().strip());
    return changed(org, term);
  }

  /**
   * 延期换届 needs the 党委 above (XJ; at most one year): filed as an approval, applied when approved.
   */
  @Transactional
  public ApprovalView requestPostponement(
      UUID orgId, RequestPostponement request, Caller caller, DataScope scope) {
    Org org = orgs.get(orgId, scope);
    CommitteeTerm term = currentTerm(org);
    CommitteeRules.checkPostponement(term.getEndsOn(), request.until());
    return approvals.submit(
        new NewApproval(
            ApprovalKind.TERM_POSTPONEMENT,
            "term-postponement:" + org.getId(),
            null,
            org.getId(),
            org.getPath(),
            "延期换届：" + org.getName() + "（任期" + term.getEndsOn() + "届满，拟推迟至" + request.until() + "）",
            POSTPONEMENT_BASIS,
            request.attachments() == null ? List.of() : request.attachments(),
            new Postponement(term.getId(), request.until(), request.reason().strip()),
            List.of(DecidingBody.PRIMARY_COMMITTEE),
            null,
            caller.username()),
        caller,
        scope);
  }

  static final String POSTPONEMENT_BASIS =
      "《中国共产党基层组织选举工作条例》：任期届满应按期换届，确需延期或提前换届的，须报上级党组织批准，延长或提前期限一般不超过1年";

  /** What a postponement approval carries. */
  record Postponement(UUID termId, LocalDate until, String reason) {}

  @Transactional(propagation = Propagation.MANDATORY)
  void applyPostponement(ApprovedRequest approved) {
    Postponement payload = approvals.payload(approved, Postponement.class);
    CommitteeTerm term =
        terms
            .findById(payload.termId())
            .filter(t -> CommitteeTerm.CURRENT.equals(t.getStatus()))
            .orElseThrow(
                () -> ProblemException.notFound("committee.none", approved.subjectOrgId()));
    CommitteeRules.checkPostponement(term.getEndsOn(), payload.until());
    term.postpone(payload.until(), approved.approvalId().toString());
    Org org =
        orgRepository
            .findById(term.getOrgId())
            .orElseThrow(() -> ProblemException.notFound("org.not-found", term.getOrgId()));
    changed(org, term);
  }

  @Component
  static class PostponementEffect implements ApprovalEffect {
    private final CommitteeService service;

    PostponementEffect(@Lazy CommitteeService service) {
      this.service = service;
    }

    @Override
    public java.util.Set<ApprovalKind> kinds() {
      return java.util.Set.of(ApprovalKind.TERM_POSTPONEMENT);
    }

    @Override
    public void apply(ApprovedRequest approved) {
      service.applyPostponement(approved);
    }
  }

  /** The current term of an org, if any (the due date an election request is timed against). */
  java.util.Optional<CommitteeTerm> currentTerm(UUID orgId) {
    return terms.findByOrgIdAndStatus(orgId, CommitteeTerm.CURRENT);
  }

  void checkSeat(Org org, UUID memberId, CommitteeRole role, LocalDate on, int formal) {
    Member member =
        members
            .findById(memberId)
            .filter(m -> m.getOrgPath().startsWith(org.getPath()))
            .orElseThrow(
                () ->
                    ProblemException.businessRule(
                        "member-not-in-org", "committee.rule.member-not-in-org", memberId));
    boolean restricted =
        flags.findByMemberIdAndClearedOnIsNull(memberId).stream()
            .anyMatch(f -> f.getFlag().removesVotingRights());
    CommitteeRules.checkEligible(
        role,
        member.getStage() == MemberStage.FULL,
        member.getStatus() == MemberStatus.ACTIVE,
        restricted,
        member.getFullMemberDate(),
        on);
    CommitteeRules.checkRoleForSize(org.getOrgType(), role, formal);
    sanctions.checkMayTakePost(memberId, on); // 422 sanction-bars-promotion (discipline module)
  }

  private CommitteeTerm currentTerm(Org org) {
    return terms
        .findByOrgIdAndStatus(org.getId(), CommitteeTerm.CURRENT)
        .orElseThrow(() -> ProblemException.notFound("committee.none", org.getName()));
  }

  private List<CommitteeSeat> held(CommitteeTerm term) {
    return seats.findByTermIdOrderByAppointedOnAsc(term.getId()).stream()
        .filter(CommitteeSeat::isHeld)
        .toList();
  }

  private CommitteeView changed(Org org, CommitteeTerm term) {
    seats.flush();
    CommitteeView view = view(term);
    UUID secretary =
        view.members().stream()
            .filter(s -> s.role() == CommitteeRole.SECRETARY)
            .map(SeatView::memberId)
            .findFirst()
            .orElse(null);
    events.publish(
        EventTypes.COMMITTEE_CHANGED,
        org.getId().toString(),
        org.getPath(),
        new CommitteeChanged(
            org.getId(),
            term.getId(),
            term.getStartedOn(),
            term.getEndsOn(),
            term.dueOn(),
            secretary,
            view.secretaryVacantSince(),
            view.members().size(),
            view.members().stream().map(SeatView::memberId).toList(),
            secretary == null ? null : secretarySince(org, term, secretary),
            effectiveOn(term)));
    structure.recheck(org.getId());
    return view;
  }

  /**
   * The day the secretary took office: back through the org's earlier terms as long as the same
   * member held the post to the end of each (re-elected secretaries are not new ones).
   */
  private LocalDate secretarySince(Org org, CommitteeTerm current, UUID secretary) {
    LocalDate since = null;
    for (CommitteeTerm t : terms.findByOrgIdOrderByStartedOnDesc(org.getId())) {
      if (t.getStartedOn().isAfter(current.getStartedOn())) {
        continue;
      }
      CommitteeSeat seat =
          seats.findByTermIdOrderByAppointedOnAsc(t.getId()).stream()
              .filter(s -> s.getRole() == CommitteeRole.SECRETARY)
              .filter(s -> s.getMemberId().equals(secretary) && s.isHeld())
              .findFirst()
              .orElse(null);
      if (seat == null) {
        break;
      }
      since = seat.getAppointedOn();
      if (seat.getAppointedOn().isAfter(t.getStartedOn())) {
        break; // appointed during that term: not secretary before it
      }
    }
    return since;
  }

  /** The latest of the term's start and any appointment or departure in it. */
  private LocalDate effectiveOn(CommitteeTerm term) {
    LocalDate on = term.getStartedOn();
    for (CommitteeSeat s : seats.findByTermIdOrderByAppointedOnAsc(term.getId())) {
      for (LocalDate d : new LocalDate[] {s.getAppointedOn(), s.getLeftOn()}) {
        if (d != null && d.isAfter(on)) {
          on = d;
        }
      }
    }
    return on;
  }

  private CommitteeView view(CommitteeTerm term) {
    List<CommitteeSeat> all = seats.findByTermIdOrderByAppointedOnAsc(term.getId());
    List<SeatView> held =
        all.stream()
            .filter(CommitteeSeat::isHeld)
            .map(
                s ->
                    new SeatView(
                        s.getMemberId(),
                        s.getRole(),
                        s.getRole().label(),
                        s.getAppointedOn(),
                        null))
            .toList();
    LocalDate vacantSince = null;
    if (held.stream().noneMatch(s -> s.role() == CommitteeRole.SECRETARY)) {
      vacantSince =
          all.stream()
              .filter(s -> s.getRole() == CommitteeRole.SECRETARY && s.getLeftOn() != null)
              .map(CommitteeSeat::getLeftOn)
              .max(Comparator.naturalOrder())
              .orElse(term.getStartedOn());
    }
    List<String> warnings = new ArrayList<>();
    if (held.size() > USUAL_MAX_SEATS) {
      warnings.add("committee-larger-than-seven");
    }
    if (vacantSince != null) {
      warnings.add("secretary-vacant");
    }
    if (!term.dueOn().isAfter(cn.dangjian.platform.time.PartyCalendar.today(clock))) {
      warnings.add("re-election-overdue");
    }
    return new CommitteeView(
        term.getOrgId(),
        term.getId(),
        term.getStartedOn(),
        term.getTermYears(),
        term.getEndsOn(),
        term.getPostponedUntil(),
        term.dueOn(),
        vacantSince,
        held,
        warnings,
        term.getVersion());
  }
}
