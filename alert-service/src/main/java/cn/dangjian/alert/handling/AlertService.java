package cn.dangjian.alert.handling;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.alert.handling.AlertRequests.Attachment;
import cn.dangjian.alert.handling.AlertViews.RuleCount;
import cn.dangjian.alert.handling.AlertViews.Statistics;
import cn.dangjian.alert.handling.AlertWorkflowRules.Action;
import cn.dangjian.alert.rules.Calendar;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Reading alerts within the caller's subtree, and moving them through the rectification loop. */
@Service
public class AlertService {

  /** List filters (all optional). */
  public record Filter(
      List<AlertStatus> statuses,
      Severity severity,
      String ruleId,
      UUID orgId,
      UUID subjectId,
      LocalDate raisedFrom,
      LocalDate raisedTo,
      Boolean overdue) {}

  private final AlertRepository alerts;
  private final AlertHistoryRepository history;
  private final AlertNotifications notifier;
  private final MemberProjection projection;
  private final RuleCatalogue catalogue;
  private final AlertQueries queries;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  AlertService(
      AlertRepository alerts,
      AlertHistoryRepository history,
      AlertNotifications notifier,
      MemberProjection projection,
      RuleCatalogue catalogue,
      AlertQueries queries,
      Clock clock) {
    this.alerts = alerts;
    this.history = history;
    this.notifier = notifier;
    this.projection = projection;
    this.catalogue = catalogue;
    this.queries = queries;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  /** The org's path when it lies in the caller's scope; 404 otherwise. */
  public String orgPathInScope(UUID orgId, DataScope scope) {
    return projection
        .org(orgId)
        .map(ProjectedOrg::path)
        .filter(scope::coversPath)
        .orElseThrow(() -> ProblemException.notFound("org.not-found", orgId));
  }

  public Page<Alert> search(DataScope scope, Filter filter, Pageable pageable) {
    if (scope.kind() == DataScope.Kind.NOTHING || scope.kind() == DataScope.Kind.SELF) {
      return Page.empty(pageable);
    }
    String pathPrefix = scope.pathFilter().orElse(null);
    if (filter.orgId() != null) {
      String orgPath =
          projection
              .org(filter.orgId())
              .map(ProjectedOrg::path)
              .filter(scope::coversPath)
              .orElseThrow(() -> ProblemException.notFound("org.not-found", filter.orgId()));
      pathPrefix = orgPath;
    }
    if (filter.ruleId() != null && catalogue.find(filter.ruleId()).isEmpty()) {
      throw ProblemException.badRequest("alert.unknown-rule", filter.ruleId());
    }
    return alerts.findAll(specification(pathPrefix, filter), pageable);
  }

  private Specification<Alert> specification(String pathPrefix, Filter f) {
    LocalDate today = Calendar.today(clock);
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (pathPrefix != null) {
        where.add(cb.like(root.get("orgPath"), pathPrefix + "%"));
      }
      if (f.statuses() != null && !f.statuses().isEmpty()) {
        where.add(root.get("status").in(f.statuses()));
      }
      if (f.severity() != null) {
        where.add(cb.equal(root.get("severity"), f.severity()));
      }
      if (f.ruleId() != null) {
        where.add(cb.equal(root.get("ruleId"), f.ruleId()));
      }
      if (f.subjectId() != null) {
        where.add(cb.equal(root.get("subjectId"), f.subjectId()));
      }
      if (f.raisedFrom() != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("raisedOn"), f.raisedFrom()));
      }
      if (f.raisedTo() != null) {
        where.add(cb.lessThanOrEqualTo(root.get("raisedOn"), f.raisedTo()));
      }
      if (Boolean.TRUE.equals(f.overdue())) {
        where.add(root.get("status").in(AlertStatus.ACTIVE));
        where.add(cb.lessThan(root.get("deadline"), today));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }

  /** Another subtree's alert answers 404 exactly like a missing one. */
  @Transactional(readOnly = true)
  public Alert get(UUID id, DataScope scope) {
    return alerts
        .findById(id)
        .filter(alert -> scope.coversPath(alert.getOrgPath()))
        .orElseThrow(() -> ProblemException.notFound("alert.not-found", id));
  }

  @Transactional(readOnly = true)
  public List<AlertHistory> history(UUID id, DataScope scope) {
    get(id, scope);
    return history.findByAlertIdOrderByAtAscIdAsc(id);
  }

  /** One step of the loop, by the caller, with its note and attachments. */
  @Transactional
  public Alert act(
      UUID id,
      Action action,
      String note,
      List<Attachment> attachments,
      DataScope scope,
      String actor,
      long expectedVersion) {
    Alert alert = get(id, scope);
    if (alert.getVersion() != expectedVersion) {
      throw ProblemException.preconditionFailed();
    }
    if (action == Action.ACCEPT || action == Action.REJECT || action == Action.DISMISS) {
      AlertWorkflowRules.checkSuperior(scope, alert.getOrgPath());
    }
    AlertWorkflowRules.checkNote(action, note);
    AlertStatus from = alert.getStatus();
    AlertStatus to = AlertWorkflowRules.next(from, action);
    if (to.active()) {
      alert.moveTo(to, clock.instant());
    } else {
      alert.end(to, note, clock.instant());
    }
    history.save(
        new AlertHistory(
            alert,
            actor,
            action.name(),
            from,
            note,
            attachments == null || attachments.isEmpty()
                ? null
                : json.writeValueAsString(attachments),
            clock.instant()));
    notifier.changed(alert, changeName(action));
    return alert;
  }

  private static String changeName(Action action) {
    return switch (action) {
      case ACKNOWLEDGE -> "ACKNOWLEDGED";
      case RECTIFY -> "RECTIFYING";
      case SUBMIT -> "SUBMITTED";
      case ACCEPT -> "ACCEPTED";
      case REJECT -> "REJECTED";
      case DISMISS -> "DISMISSED";
    };
  }

  /** Open alerts by rule and severity, overdue, and how fast alerts end, for an org's subtree. */
  @Transactional(readOnly = true)
  public Statistics statistics(UUID orgId, DataScope scope) {
    String path = orgPathInScope(orgId, scope);
    String like = path + "%";
    Map<String, long[]> byRule = queries.activeByRule(like);
    Long overdue = queries.overdue(like, Calendar.today(clock));
    Map<String, Object> ended =
        queries.endedSince(like, clock.instant().minus(365, ChronoUnit.DAYS));
    long open = byRule.values().stream().mapToLong(c -> c[0] + c[1] + c[2]).sum();
    List<RuleCount> rules =
        byRule.entrySet().stream()
            .map(
                e ->
                    new RuleCount(
                        e.getKey(),
                        catalogue.find(e.getKey()).map(r -> r.name()).orElse(e.getKey()),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2]))
            .toList();
    Number mean = (Number) ended.get("mean_days");
    return new Statistics(
        orgId,
        open,
        overdue == null ? 0 : overdue,
        number(ended.get("closed")),
        number(ended.get("resolved")),
        mean == null ? null : Math.round(mean.doubleValue() * 10) / 10.0,
        rules);
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
