package cn.dangjian.alert.handling;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.RuleDefinition;
import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.alert.rules.Finding;
import cn.dangjian.alert.rules.Outcome;
import cn.dangjian.alert.rules.Templates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns rule outcomes into alerts: one alert per rule, subject and period; the severity follows the
 * facts in place; an alert whose condition cleared resolves itself and says so; an alert that was
 * closed or dismissed for a period is never raised again for it.
 */
@Service
public class AlertEngine {

  /** What reconciling one outcome did. */
  public enum Change {
    NONE,
    RAISED,
    SEVERITY_CHANGED,
    UPDATED,
    RESOLVED
  }

  private final AlertRepository alerts;
  private final AlertHistoryRepository history;
  private final RuleCatalogue catalogue;
  private final AlertNotifications notifier;
  private final AlertQueries queries;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  AlertEngine(
      AlertRepository alerts,
      AlertHistoryRepository history,
      RuleCatalogue catalogue,
      AlertNotifications notifier,
      AlertQueries queries,
      Clock clock) {
    this.alerts = alerts;
    this.history = history;
    this.catalogue = catalogue;
    this.notifier = notifier;
    this.queries = queries;
    this.clock = clock;
  }

  /**
   * One occurrence at a time: a finding raises or refreshes the alert of its period and supersedes
   * active alerts of the rule for other periods; no finding resolves the active ones.
   */
  @Transactional
  public Change reconcile(Subject subject, Outcome outcome, LocalDate asOf) {
    RuleDefinition rule = catalogue.get(outcome.ruleId());
    List<Alert> active =
        alerts.findByRuleIdAndSubjectIdAndStatusIn(rule.id(), subject.id(), AlertStatus.ACTIVE);
    if (outcome.finding().isEmpty()) {
      Change change = Change.NONE;
      for (Alert alert : active) {
        resolve(alert, Templates.fill(rule.resolvedTemplate(), outcome.clearFacts()));
        change = Change.RESOLVED;
      }
      return change;
    }
    Finding finding = outcome.finding().get();
    for (Alert alert : active) {
      if (!alert.getPeriodKey().equals(finding.periodKey())) {
        resolve(alert, "情况已变化，由新的预警取代。");
      }
    }
    return upsert(rule, subject, finding, asOf);
  }

  /**
   * Several occurrences at once (e.g. each structural warning): the findings are exactly the ones
   * that hold; active alerts of the rule for other periods resolve.
   */
  @Transactional
  public List<Change> reconcileSet(
      Subject subject,
      String ruleId,
      List<Finding> findings,
      Map<String, String> clearFacts,
      LocalDate asOf) {
    RuleDefinition rule = catalogue.get(ruleId);
    List<String> periods = findings.stream().map(Finding::periodKey).toList();
    List<Change> changes = new java.util.ArrayList<>();
    for (Alert alert :
        alerts.findByRuleIdAndSubjectIdAndStatusIn(rule.id(), subject.id(), AlertStatus.ACTIVE)) {
      if (!periods.contains(alert.getPeriodKey())) {
        resolve(alert, Templates.fill(rule.resolvedTemplate(), clearFacts));
        changes.add(Change.RESOLVED);
      }
    }
    for (Finding finding : findings) {
      changes.add(upsert(rule, subject, finding, asOf));
    }
    return changes;
  }

  /**
   * The common case of an evaluation in bulk: a finding for a rule and subject that has no active
   * alert (the caller knows from its preloaded active alerts). A plain lookup instead of the JPA
   * queries of {@link #reconcile}, so that nothing is flushed before it and the chunk's inserts go
   * out in JDBC batches. Only for callers that evaluate each subject once per transaction: a second
   * raise of the same period before the flush would meet the unique key and fail the transaction
   * (which is then retried), never create a duplicate.
   */
  @Transactional
  public Change raiseWithoutActive(Subject subject, Finding finding, LocalDate asOf) {
    RuleDefinition rule = catalogue.get(finding.ruleId());
    boolean periodKnown = queries.periodKnown(rule.id(), subject.id(), finding.periodKey());
    return periodKnown
        ? upsert(rule, subject, finding, asOf)
        : insert(rule, subject, finding, asOf);
  }

  /** An event that is itself the occurrence (a flagged record, an accountability trigger). */
  @Transactional
  public Change raise(Subject subject, Finding finding, LocalDate asOf) {
    return upsert(catalogue.get(finding.ruleId()), subject, finding, asOf);
  }

  private Change upsert(RuleDefinition rule, Subject subject, Finding finding, LocalDate asOf) {
    Optional<Alert> existing =
        alerts.findByRuleIdAndSubjectIdAndPeriodKey(rule.id(), subject.id(), finding.periodKey());
    if (existing.isPresent()) {
      return refresh(rule, existing.get(), finding);
    }
    return insert(rule, subject, finding, asOf);
  }

  private Change insert(RuleDefinition rule, Subject subject, Finding finding, LocalDate asOf) {
    if (rule.evaluation() == cn.dangjian.alert.catalogue.Evaluation.BLOCKING) {
      // enforced where the action happens; an alert of it would be a bug here
      throw new IllegalStateException(rule.id() + " is refused by " + rule.enforcement().service());
    }
    LocalDate deadline =
        finding.deadline() != null && !finding.deadline().isBefore(asOf)
            ? finding.deadline()
            : asOf.plusDays(rule.deadlineDays());
    Map<String, String> facts = withDeadline(finding, deadline);
    Alert alert =
        alerts.save(
            new Alert(
                rule.id(),
                subject.type(),
                subject.id(),
                subject.orgId(),
                subject.orgPath(),
                finding.periodKey(),
                finding.severity(),
                Templates.fill(rule.titleTemplate(), facts),
                Templates.fill(rule.suggestionTemplate(), facts),
                json.writeValueAsString(finding.evidence()),
                deadline,
                asOf,
                clock.instant()));
    history.save(
        new AlertHistory(alert, "system", "RAISED", null, rule.name(), null, clock.instant()));
    notifier.raised(alert);
    return Change.RAISED;
  }

  /** The suggestion a finding would have on an alert with this deadline. */
  public String suggestionOf(Finding finding, LocalDate deadline) {
    return Templates.fill(
        catalogue.get(finding.ruleId()).suggestionTemplate(), withDeadline(finding, deadline));
  }

  /** The title a finding would have on an alert with this deadline (to skip unchanged ones). */
  public String titleOf(Finding finding, LocalDate deadline) {
    return Templates.fill(
        catalogue.get(finding.ruleId()).titleTemplate(), withDeadline(finding, deadline));
  }

  private Change refresh(RuleDefinition rule, Alert alert, Finding finding) {
    if (!alert.getStatus().active()) {
      return Change.NONE;
    }
    Severity before = alert.getSeverity();
    Map<String, String> facts = withDeadline(finding, alert.getDeadline());
    boolean changed =
        alert.refresh(
            finding.severity(),
            Templates.fill(rule.titleTemplate(), facts),
            Templates.fill(rule.suggestionTemplate(), facts),
            json.writeValueAsString(finding.evidence()),
            clock.instant());
    if (before != finding.severity()) {
      history.save(
          new AlertHistory(
              alert,
              "system",
              "SEVERITY_CHANGED",
              alert.getStatus(),
              before.label() + " → " + finding.severity().label(),
              null,
              clock.instant()));
      notifier.changed(alert, "SEVERITY_CHANGED");
      return Change.SEVERITY_CHANGED;
    }
    return changed ? Change.UPDATED : Change.NONE;
  }

  void resolve(Alert alert, String why) {
    AlertStatus from = alert.getStatus();
    alert.end(AlertStatus.RESOLVED, why, clock.instant());
    history.save(new AlertHistory(alert, "system", "RESOLVED", from, why, null, clock.instant()));
    notifier.resolved(alert);
  }

  private static Map<String, String> withDeadline(Finding finding, LocalDate deadline) {
    Map<String, String> facts = new HashMap<>(finding.facts());
    facts.put("deadline", deadline.toString());
    return facts;
  }
}
