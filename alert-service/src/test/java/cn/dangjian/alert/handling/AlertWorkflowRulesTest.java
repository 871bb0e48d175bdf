package cn.dangjian.alert.handling;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.alert.handling.AlertWorkflowRules.Action;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import org.junit.jupiter.api.Test;

class AlertWorkflowRulesTest {

  private static String rule(Runnable step) {
    try {
      step.run();
      return null;
    } catch (ProblemException e) {
      return (String) e.properties().get("rule");
    }
  }

  @Test
  void theLoopRunsAcknowledgeRectifySubmitThenAcceptOrRejectBackToRectifying() {
    AlertStatus s = AlertWorkflowRules.next(AlertStatus.OPEN, Action.ACKNOWLEDGE);
    s = AlertWorkflowRules.next(s, Action.RECTIFY);
    s = AlertWorkflowRules.next(s, Action.SUBMIT);
    assertThat(AlertWorkflowRules.next(s, Action.REJECT)).isEqualTo(AlertStatus.RECTIFYING);
    assertThat(AlertWorkflowRules.next(s, Action.ACCEPT)).isEqualTo(AlertStatus.CLOSED);
  }

  @Test
  void anAlertCannotBeSubmittedBeforeRectificationNorReviewedBeforeSubmission() {
    assertThat(rule(() -> AlertWorkflowRules.next(AlertStatus.OPEN, Action.SUBMIT)))
        .isEqualTo("alert-transition-not-allowed");
    assertThat(rule(() -> AlertWorkflowRules.next(AlertStatus.RECTIFYING, Action.ACCEPT)))
        .isEqualTo("alert-transition-not-allowed");
    assertThat(rule(() -> AlertWorkflowRules.next(AlertStatus.CLOSED, Action.DISMISS)))
        .isEqualTo("alert-transition-not-allowed");
  }

  @Test
  void onlyASuperiorOrgReviewsNobodySignsOffTheirOwnRectification() {
    String branch = "/county/town/branch/";
    assertThat(rule(() -> AlertWorkflowRules.checkSuperior(DataScope.subtree(branch), branch)))
        .isEqualTo("alert-review-needs-superior-org");
    assertThat(
            rule(
                () -> AlertWorkflowRules.checkSuperior(DataScope.subtree("/county/town/"), branch)))
        .isNull();
    assertThat(rule(() -> AlertWorkflowRules.checkSuperior(DataScope.all(), branch))).isNull();
  }

  @Test
  void rejectionAndDismissalNeedAReasonFeedbackNeedsText() {
    assertThat(rule(() -> AlertWorkflowRules.checkNote(Action.REJECT, " ")))
        .isEqualTo("alert-reject-needs-text");
    assertThat(rule(() -> AlertWorkflowRules.checkNote(Action.DISMISS, null)))
        .isEqualTo("alert-dismiss-needs-text");
    assertThat(rule(() -> AlertWorkflowRules.checkNote(Action.ACCEPT, null))).isNull();
  }

  @Test
  void escalationGoesToTheOrgAboveTheCurrentAssignee() {
    // tested through Escalations.superiorOf on a path of real ids
    java.util.UUID county = java.util.UUID.randomUUID();
    java.util.UUID town = java.util.UUID.randomUUID();
    java.util.UUID branch = java.util.UUID.randomUUID();
    Alert alert =
        new Alert(
            "R",
            cn.dangjian.alert.catalogue.SubjectType.ORG,
            branch,
            branch,
            "/" + county + "/" + town + "/" + branch + "/",
            "p",
            cn.dangjian.alert.catalogue.Severity.WARNING,
            "t",
            "s",
            "[]",
            java.time.LocalDate.now(),
            java.time.LocalDate.now(),
            java.time.Instant.now());
    assertThat(Escalations.superiorOf(alert)).isEqualTo(town);
    alert.escalate(town, java.time.LocalDate.now(), java.time.Instant.now());
    assertThat(Escalations.superiorOf(alert)).isEqualTo(county);
    alert.escalate(county, java.time.LocalDate.now(), java.time.Instant.now());
    assertThat(Escalations.superiorOf(alert)).isNull();
  }
}
