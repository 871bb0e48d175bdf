package cn.dangjian.alert.handling;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;

/**
 * Who may move an alert on, and from where (the rectification loop). The org's own secretary or
 * party worker acknowledges, rectifies and submits; only a superior (an org above the alert's own,
 * or the 组织部) reviews and dismisses — nobody signs off their own rectification.
 */
public final class AlertWorkflowRules {

  /** The steps of the loop. */
  public enum Action {
    ACKNOWLEDGE,
    RECTIFY,
    SUBMIT,
    ACCEPT,
    REJECT,
    DISMISS
  }

  private AlertWorkflowRules() {}

  /** The status the action leads to, or a 422 when the alert is not where the action starts. */
  public static AlertStatus next(AlertStatus from, Action action) {
    AlertStatus to =
        switch (action) {
          case ACKNOWLEDGE -> from == AlertStatus.OPEN ? AlertStatus.ACKNOWLEDGED : null;
          case RECTIFY ->
              from == AlertStatus.OPEN
                      || from == AlertStatus.ACKNOWLEDGED
                      || from == AlertStatus.RECTIFYING
                  ? AlertStatus.RECTIFYING
                  : null;
          case SUBMIT -> from == AlertStatus.RECTIFYING ? AlertStatus.SUBMITTED : null;
          case ACCEPT -> from == AlertStatus.SUBMITTED ? AlertStatus.CLOSED : null;
          case REJECT -> from == AlertStatus.SUBMITTED ? AlertStatus.RECTIFYING : null;
          case DISMISS -> from.active() ? AlertStatus.DISMISSED : null;
        };
    if (to == null) {
      throw ProblemException.businessRule(
          "alert-transition-not-allowed", "alert.rule.transition", from.label(), action.name());
    }
    return to;
  }

  /** Reviewing and dismissing are for a superior of the alert's org (or platform-wide roles). */
  public static void checkSuperior(DataScope scope, String alertOrgPath) {
    boolean superior =
        scope.kind() == DataScope.Kind.ALL
            || scope.kind() == DataScope.Kind.SUBTREE
                && alertOrgPath.startsWith(scope.pathPrefix())
                && !alertOrgPath.equals(scope.pathPrefix());
    if (!superior) {
      throw ProblemException.businessRule(
          "alert-review-needs-superior-org", "alert.rule.review-needs-superior");
    }
  }

  /** Feedback, reasons: required text for the steps that carry one. */
  public static void checkNote(Action action, String note) {
    boolean needed = action != Action.ACKNOWLEDGE && action != Action.ACCEPT;
    if (needed && (note == null || note.isBlank())) {
      throw ProblemException.businessRule(
          "alert-" + action.name().toLowerCase() + "-needs-text", "alert.rule.note-required");
    }
  }
}
