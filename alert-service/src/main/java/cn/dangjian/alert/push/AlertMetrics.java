package cn.dangjian.alert.push;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.RuleDefinition;
import cn.dangjian.alert.catalogue.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Alerts raised and ended per rule, for the dashboards: {@code dangjian_alerts_raised_total{rule,
 * severity}}, {@code dangjian_alerts_ended_total{rule, outcome}} (CLOSED, RESOLVED, DISMISSED) and
 * {@code dangjian_alerts_escalated_total{rule}}. Every series exists from start-up (at 0), so a
 * dashboard never shows "no data" for a quiet rule; counts follow commits, not attempts.
 */
@Component
public class AlertMetrics {

  private static final List<String> OUTCOMES = List.of("CLOSED", "RESOLVED", "DISMISSED");

  private final MeterRegistry registry;

  AlertMetrics(MeterRegistry registry, RuleCatalogue catalogue) {
    this.registry = registry;
    for (RuleDefinition rule : catalogue.all()) {
      for (Severity severity : Severity.values()) {
        raisedCounter(rule.id(), severity.name());
      }
      for (String outcome : OUTCOMES) {
        endedCounter(rule.id(), outcome);
      }
      escalatedCounter(rule.id());
    }
  }

  void raised(String rule, String severity) {
    afterCommit(() -> raisedCounter(rule, severity).increment());
  }

  void ended(String rule, String outcome) {
    if (OUTCOMES.contains(outcome)) {
      afterCommit(() -> endedCounter(rule, outcome).increment());
    }
  }

  void escalated(String rule) {
    afterCommit(() -> escalatedCounter(rule).increment());
  }

  private Counter raisedCounter(String rule, String severity) {
    return Counter.builder("dangjian.alerts.raised")
        .description("Alerts raised")
        .tag("rule", rule)
        .tag("severity", severity)
        .register(registry);
  }

  private Counter endedCounter(String rule, String outcome) {
    return Counter.builder("dangjian.alerts.ended")
        .description("Alerts closed after review, resolved by themselves or dismissed")
        .tag("rule", rule)
        .tag("outcome", outcome)
        .register(registry);
  }

  private Counter escalatedCounter(String rule) {
    return Counter.builder("dangjian.alerts.escalated")
        .description("Overdue alerts escalated to the superior org")
        .tag("rule", rule)
        .register(registry);
  }

  private static void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              action.run();
            }
          });
    } else {
      action.run();
    }
  }
}
