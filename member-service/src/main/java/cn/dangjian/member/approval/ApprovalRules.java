package cn.dangjian.member.approval;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.Roles;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who decides what, and what a decision may say (DOMAIN.md §2.2–2.3; DZ Art 42). Plain rules: the
 * service passes the caller and the facts it looked up.
 */
public final class ApprovalRules {

  private ApprovalRules() {}

  /**
   * Whether the caller speaks for a deciding body: a 党委's secretary or party worker (token org =
   * that 党委) for 基层党委 and 上级党委 stages; a platform administrator (组织部) for the county 组织部; a
   * discipline-commission officer whose org covers the subject and sits at county level or above
   * for the 纪委. Nobody else — a platform administrator does not stand in for a 党委 or the 纪委.
   *
   * @param callerOrgPath the path of the caller's token org, if it resolved
   * @param countyDepth the depth (0 = the tree's root) down to which an org counts as county level
   */
  public static boolean speaksFor(
      Caller caller,
      @Nullable String callerOrgPath,
      DecidingBody body,
      @Nullable UUID decidingOrgId,
      String subjectOrgPath,
      int countyDepth) {
    return switch (body) {
      case PRIMARY_COMMITTEE, HIGHER_COMMITTEE ->
          caller.platformWide()
              || decidingOrgId != null
                  && caller.hasAnyRole(Roles.SECRETARY, Roles.PARTY_WORKER)
                  && caller.orgId().map(decidingOrgId::equals).orElse(false);
      case COUNTY_ORG_DEPARTMENT -> caller.platformWide();
      case DISCIPLINE_COMMISSION ->
          caller.hasRole(Roles.DISCIPLINE_COMMISSION)
              && callerOrgPath != null
              && subjectOrgPath.startsWith(callerOrgPath)
              && depth(callerOrgPath) <= countyDepth;
    };
  }

  /** 0 for the root ("/a/"), 1 for its children ("/a/b/")… */
  static int depth(String path) {
    int slashes = 0;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        slashes++;
      }
    }
    return Math.max(0, slashes - 2);
  }

  /** A decision on the current stage: only while pending, dated between the request and today. */
  public static void checkDecision(
      ApprovalStatus status,
      Outcome outcome,
      @Nullable String comment,
      LocalDate decidedOn,
      LocalDate requestedOn,
      LocalDate today) {
    if (status != ApprovalStatus.PENDING) {
      throw ProblemException.businessRule(
          "approval-not-pending", "approval.rule.not-pending", status.label());
    }
    if (outcome != Outcome.APPROVE && (comment == null || comment.isBlank())) {
      throw ProblemException.businessRule(
          "return-or-reject-needs-comment", "approval.rule.comment-required", outcome.label());
    }
    if (decidedOn.isAfter(today)) {
      throw ProblemException.businessRule("date-in-future", "member.rule.date-in-future");
    }
    if (decidedOn.isBefore(requestedOn)) {
      throw ProblemException.businessRule(
          "decision-before-request", "approval.rule.decision-before-request", requestedOn);
    }
  }

  public static void checkResubmission(ApprovalStatus status) {
    if (status != ApprovalStatus.RETURNED) {
      throw ProblemException.businessRule(
          "only-returned-requests-can-be-resubmitted",
          "approval.rule.only-returned-resubmitted",
          status.label());
    }
  }

  public static void checkWithdrawal(ApprovalStatus status) {
    if (!status.open()) {
      throw ProblemException.businessRule(
          "approval-already-ended", "approval.rule.already-ended", status.label());
    }
  }
}
