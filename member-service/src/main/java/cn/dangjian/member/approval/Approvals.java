package cn.dangjian.member.approval;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.ApprovalChanged;
import cn.dangjian.member.approval.ApprovalRequests.ApprovalView;
import cn.dangjian.member.approval.ApprovalRequests.Counts;
import cn.dangjian.member.approval.ApprovalRequests.Decide;
import cn.dangjian.member.approval.ApprovalRequests.LogView;
import cn.dangjian.member.approval.ApprovalRequests.StageView;
import cn.dangjian.member.org.Org;
import cn.dangjian.member.org.OrgRepository;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.time.PartyCalendar;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Approval requests: submitted by a feature for the branch, decided stage by stage by the bodies
 * above it, the effect applied with the last approval. The one public API of the approval module.
 */
@Service
public class Approvals {

  private final ApprovalRepository approvals;
  private final ApprovalLogRepository log;
  private final OrgRepository orgs;
  private final DecidingOrgs decidingOrgs;
  private final Map<ApprovalKind, ApprovalEffect> effects;
  private final DomainEventPublisher events;
  private final JsonMapper json;

  /** Payloads are stored without nulls: an absent field reads back as absent. */
  private final JsonMapper payloadJson;

  private final ApprovalProperties properties;
  private final Clock clock;

  Approvals(
      ApprovalRepository approvals,
      ApprovalLogRepository log,
      OrgRepository orgs,
      DecidingOrgs decidingOrgs,
      List<ApprovalEffect> effects,
      DomainEventPublisher events,
      JsonMapper json,
      ApprovalProperties properties,
      Clock clock) {
    this.approvals = approvals;
    this.log = log;
    this.orgs = orgs;
    this.decidingOrgs = decidingOrgs;
    this.effects = new EnumMap<>(ApprovalKind.class);
    for (ApprovalEffect effect : effects) {
      for (ApprovalKind kind : effect.kinds()) {
        if (this.effects.put(kind, effect) != null) {
          throw new IllegalStateException("two effects for approval kind " + kind);
        }
      }
    }
    this.events = events;
    this.json = json;
    this.payloadJson =
        json.rebuild()
            .changeDefaultPropertyInclusion(
                incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    this.properties = properties;
    this.clock = clock;
  }

  /** Files a request; one open request per {@link NewApproval#openKey()} (409 otherwise). */
  @Transactional
  public ApprovalView submit(NewApproval request, Caller caller, DataScope scope) {
    if (!effects.containsKey(request.kind())) {
      throw new IllegalStateException("no effect for approval kind " + request.kind());
    }
    if (approvals.existsByOpenKey(request.openKey())) {
      throw ProblemException.conflict("approval.already-open", request.kind().label());
    }
    LocalDate today = PartyCalendar.today(clock);
    LocalDate due =
        request.dueOn() != null ? request.dueOn() : today.plusDays(properties.defaultDueDays());
    Approval approval =
        new Approval(
            request,
            payloadJson.writeValueAsString(request.payload()),
            decidingOrgs.chain(request.subjectOrgPath(), request.stages()),
            today,
            due,
            clock.instant());
    approvals.saveAndFlush(approval);
    logged(approval, request.requestedBy(), "REQUESTED", null);
    publish(approval);
    return view(approval, caller, scope);
  }

  /**
   * Refuses (403, naming the body) a caller who does not speak for every body of the chain: what a
   * higher body decides, the branch requests through an approval instead of recording it.
   */
  public void requireDecider(
      Caller caller, DataScope scope, List<DecidingBody> bodies, String subjectOrgPath) {
    for (ApprovalStage stage : decidingOrgs.chain(subjectOrgPath, bodies)) {
      if (!speaksFor(caller, scope, stage.getBody(), stage.getOrgId(), subjectOrgPath)) {
        throw decidedBy(stage, "approval.decided-by-higher-body");
      }
    }
  }

  /** The org that speaks for a body above the subject (empty: the county 组织部). */
  public Optional<UUID> decidingOrg(DecidingBody body, String subjectOrgPath) {
    return Optional.ofNullable(decidingOrgs.chain(subjectOrgPath, List.of(body)).get(0).getOrgId());
  }

  /** The payload of a request as the effect's type. */
  public <T> T payload(ApprovedRequest approved, Class<T> type) {
    return json.readValue(approved.payload(), type);
  }

  @Transactional
  public ApprovalView decide(
      UUID id, Decide decision, long expectedVersion, Caller caller, DataScope scope) {
    Approval approval = visible(id, scope);
    checkVersion(approval, expectedVersion);
    LocalDate today = PartyCalendar.today(clock);
    LocalDate on = decision.decidedOn() != null ? decision.decidedOn() : today;
    if (approval.getStatus() == ApprovalStatus.PENDING
        && !speaksFor(
            caller,
            scope,
            approval.getCurrentBody(),
            approval.getCurrentOrgId(),
            approval.getSubjectOrgPath())) {
      throw decidedBy(approval.current(), "approval.not-your-decision");
    }
    ApprovalRules.checkDecision(
        approval.getStatus(),
        decision.outcome(),
        decision.comment(),
        on,
        approval.getRequestedOn(),
        today);
    String comment = decision.comment() == null ? null : decision.comment().strip();
    int stage = approval.getCurrentStage();
    switch (decision.outcome()) {
      case APPROVE -> {
        approval.approveStage(caller.username(), on, comment, clock.instant());
        if (approval.getStatus() == ApprovalStatus.APPROVED) {
          effects
              .get(approval.getKind())
              .apply(
                  new ApprovedRequest(
                      approval.getId(),
                      approval.getKind(),
                      approval.getSubjectMemberId(),
                      approval.getSubjectOrgId(),
                      approval.getPayload(),
                      approval.attachments(),
                      approval.getRequestedBy(),
                      on,
                      caller.username()));
        }
      }
      case RETURN -> approval.returnToRequester(caller.username(), on, comment, clock.instant());
      case REJECT -> approval.reject(caller.username(), on, comment, clock.instant());
    }
    approvals.saveAndFlush(approval);
    log.save(
        new ApprovalLogEntry(
            id,
            clock.instant(),
            caller.username(),
            switch (decision.outcome()) {
              case APPROVE -> "APPROVED";
              case RETURN -> "RETURNED";
              case REJECT -> "REJECTED";
            },
            stage,
            comment));
    publish(approval);
    return view(approval, caller, scope);
  }

  @Transactional
  public ApprovalView resubmit(
      UUID id, String comment, long expectedVersion, Caller caller, DataScope scope) {
    Approval approval = visible(id, scope);
    checkVersion(approval, expectedVersion);
    ApprovalRules.checkResubmission(approval.getStatus());
    approval.resubmit(clock.instant());
    approvals.saveAndFlush(approval);
    logged(approval, caller.username(), "RESUBMITTED", comment);
    publish(approval);
    return view(approval, caller, scope);
  }

  @Transactional
  public ApprovalView withdraw(
      UUID id, String comment, long expectedVersion, Caller caller, DataScope scope) {
    Approval approval = visible(id, scope);
    checkVersion(approval, expectedVersion);
    ApprovalRules.checkWithdrawal(approval.getStatus());
    approval.withdraw(PartyCalendar.today(clock), clock.instant());
    approvals.saveAndFlush(approval);
    logged(approval, caller.username(), "WITHDRAWN", comment);
    publish(approval);
    return view(approval, caller, scope);
  }

  @Transactional(readOnly = true)
  public ApprovalView get(UUID id, Caller caller, DataScope scope) {
    return view(visible(id, scope), caller, scope);
  }

  /** The filters of the list; {@code awaitingMe} keeps what the caller may decide now. */
  public record Filter(
      ApprovalStatus status,
      ApprovalKind kind,
      UUID memberId,
      String orgPathPrefix,
      boolean awaitingMe,
      boolean overdue) {}

  @Transactional(readOnly = true)
  public Page<ApprovalView> search(
      Filter filter, Caller caller, DataScope scope, Pageable pageable) {
    if (scope.kind() == DataScope.Kind.SELF || scope.kind() == DataScope.Kind.NOTHING) {
      return Page.empty(pageable);
    }
    return approvals
        .findAll(specification(filter, caller, scope), pageable)
        .map(a -> view(a, caller, scope));
  }

  @Transactional(readOnly = true)
  public Counts counts(Caller caller, DataScope scope) {
    if (scope.kind() == DataScope.Kind.SELF || scope.kind() == DataScope.Kind.NOTHING) {
      return new Counts(0, 0, 0, 0);
    }
    return new Counts(
        approvals.count(
            specification(new Filter(null, null, null, null, true, false), caller, scope)),
        approvals.count(
            specification(new Filter(null, null, null, null, true, true), caller, scope)),
        approvals.count(
            specification(
                new Filter(ApprovalStatus.PENDING, null, null, null, false, false), caller, scope)),
        approvals.count(
            specification(
                new Filter(ApprovalStatus.RETURNED, null, null, null, false, false),
                caller,
                scope)));
  }

  // --- internals

  private Specification<Approval> specification(Filter f, Caller caller, DataScope scope) {
    return ApprovalSearch.of(
        f, caller, scope, PartyCalendar.today(clock), properties.countyDepth());
  }

  private boolean speaksFor(
      Caller caller, DataScope scope, DecidingBody body, UUID orgId, String subjectOrgPath) {
    String callerPath = scope.kind() == DataScope.Kind.SUBTREE ? scope.pathPrefix() : null;
    return ApprovalRules.speaksFor(
        caller, callerPath, body, orgId, subjectOrgPath, properties.countyDepth());
  }

  private Approval visible(UUID id, DataScope scope) {
    return approvals
        .findById(id)
        .filter(a -> scope.coversPath(a.getSubjectOrgPath()))
        .orElseThrow(() -> ProblemException.notFound("approval.not-found"));
  }

  private static void checkVersion(Approval approval, long expected) {
    if (approval.getVersion() != expected) {
      throw ProblemException.preconditionFailed();
    }
  }

  private static ProblemException decidedBy(ApprovalStage stage, String key) {
    String org = stage.getOrgName() == null ? stage.getBody().label() : stage.getOrgName();
    return new ProblemException(
        ProblemType.FORBIDDEN,
        key,
        new Object[] {stage.getBody().label(), org},
        Map.of("rule", "decided-by-higher-body", "decidingBody", stage.getBody().name()));
  }

  private void logged(Approval approval, String actor, String action, String comment) {
    log.save(
        new ApprovalLogEntry(
            approval.getId(),
            clock.instant(),
            actor,
            action,
            approval.getCurrentStage(),
            comment == null || comment.isBlank() ? null : comment.strip()));
  }

  private void publish(Approval a) {
    String decidingPath =
        a.getCurrentOrgId() == null
            ? a.getSubjectOrgPath()
            : orgs.findById(a.getCurrentOrgId()).map(Org::getPath).orElse(a.getSubjectOrgPath());
    events.publish(
        EventTypes.MEMBER_APPROVAL_CHANGED,
        a.getId().toString(),
        a.getSubjectOrgPath(),
        new ApprovalChanged(
            a.getId(),
            a.getKind().name(),
            a.getStatus().name(),
            a.getCurrentStage(),
            a.getCurrentBody().name(),
            a.getCurrentOrgId(),
            decidingPath,
            a.getSubjectMemberId(),
            a.getSubjectOrgId(),
            a.getSubjectOrgPath(),
            a.getSummary(),
            a.getRequestedOn(),
            a.getDueOn(),
            a.getDecidedOn(),
            terms(a)));
  }

  private Map<String, Object> terms(Approval a) {
    ApprovalEffect effect = effects.get(a.getKind());
    return effect == null ? null : effect.publishedTerms(a.getPayload());
  }

  private ApprovalView view(Approval a, Caller caller, DataScope scope) {
    LocalDate today = PartyCalendar.today(clock);
    boolean pending = a.getStatus() == ApprovalStatus.PENDING;
    List<StageView> stages =
        a.getStages().stream()
            .map(
                s ->
                    new StageView(
                        s.getSeq(),
                        s.getBody(),
                        s.getBody().label(),
                        s.getOrgId(),
                        s.getOrgName(),
                        s.getOutcome(),
                        s.getDecidedBy(),
                        s.getDecidedOn(),
                        s.getComment()))
            .toList();
    List<LogView> history =
        log.findByApprovalIdOrderByAtAsc(a.getId()).stream()
            .map(
                e ->
                    new LogView(
                        e.getAt(), e.getActor(), e.getAction(), e.getStage(), e.getComment()))
            .toList();
    return new ApprovalView(
        a.getId(),
        a.getKind(),
        a.getKind().label(),
        a.getStatus(),
        a.getStatus().label(),
        a.getSubjectMemberId(),
        a.getSubjectOrgId(),
        a.getSummary(),
        a.getBasis(),
        a.attachments(),
        json.readValue(a.getPayload(), new TypeReference<Map<String, Object>>() {}),
        a.getRequestedBy(),
        a.getRequestedOn(),
        a.getDueOn(),
        pending && a.getDueOn().isBefore(today),
        a.getCurrentStage(),
        a.getStatus().open() ? a.getCurrentBody() : null,
        pending
            && speaksFor(
                caller, scope, a.getCurrentBody(), a.getCurrentOrgId(), a.getSubjectOrgPath()),
        a.getDecidedOn(),
        stages,
        history,
        a.getVersion());
  }
}
