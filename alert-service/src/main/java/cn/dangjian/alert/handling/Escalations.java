package cn.dangjian.alert.handling;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An alert not rectified by its deadline goes up one level: it is assigned to the superior org (the
 * next one up from whoever holds it now) with a fresh deadline, and says so in its history. Alerts
 * waiting for review are the superior's to act on already and do not escalate.
 */
@Service
public class Escalations {

  private static final EnumSet<AlertStatus> ESCALATING =
      EnumSet.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED, AlertStatus.RECTIFYING);

  private final AlertRepository alerts;
  private final AlertHistoryRepository history;
  private final RuleCatalogue catalogue;
  private final AlertNotifications notifier;
  private final Clock clock;

  Escalations(
      AlertRepository alerts,
      AlertHistoryRepository history,
      RuleCatalogue catalogue,
      AlertNotifications notifier,
      Clock clock) {
    this.alerts = alerts;
    this.history = history;
    this.catalogue = catalogue;
    this.notifier = notifier;
    this.clock = clock;
  }

  @Transactional
  public int escalateOverdue(LocalDate asOf) {
    int escalated = 0;
    for (Alert alert : alerts.findOverdue(ESCALATING, asOf)) {
      UUID superior = superiorOf(alert);
      if (superior == null) {
        continue; // the root has no one above it: stays overdue
      }
      LocalDate deadline = asOf.plusDays(catalogue.get(alert.getRuleId()).deadlineDays());
      alert.escalate(superior, deadline, clock.instant());
      history.save(
          new AlertHistory(
              alert,
              "system",
              "ESCALATED",
              alert.getStatus(),
              "逾期未整改，已上报上级党组织督办，新期限 " + deadline,
              null,
              clock.instant()));
      notifier.changed(alert, "ESCALATED");
      escalated++;
    }
    return escalated;
  }

  /** The org above the current assignee on the alert's path, or null at the root. */
  static UUID superiorOf(Alert alert) {
    List<String> ids =
        List.of(alert.getOrgPath().substring(1, alert.getOrgPath().length() - 1).split("/"));
    int index = ids.indexOf(alert.assigneeOrgId().toString());
    return index <= 0 ? null : UUID.fromString(ids.get(index - 1));
  }
}
