package cn.dangjian.member.mobile;

import cn.dangjian.member.org.OrgType;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import cn.dangjian.platform.problem.ProblemException;
import java.time.LocalDate;

/**
 * The rules of the 流动党员活动证 (DOMAIN.md §2.4; JG Art 25): for admitted, active members; valid for at
 * most a configurable number of months at a time; an absence of six months or more at a relatively
 * fixed place requires a transfer, so a certificate for one needs the reason the relationship
 * cannot be transferred; the report home is due yearly.
 */
public final class MobileRules {

  /** JG Art 25: away ≥ 6 months at a relatively fixed place → the relationship must move. */
  public static final int TRANSFER_REQUIRED_AFTER_MONTHS = 6;

  private MobileRules() {}

  public static void checkMember(MemberStage stage, MemberStatus status, boolean alreadyHolds) {
    if (status != MemberStatus.ACTIVE
        || (stage != MemberStage.PROBATIONARY && stage != MemberStage.FULL)) {
      throw ProblemException.businessRule(
          "mobile-only-for-admitted-active-members", "mobile.rule.only-admitted-active");
    }
    if (alreadyHolds) {
      throw ProblemException.conflict("mobile.rule.already-held");
    }
  }

  /**
   * Issued today or before, not before leaving by more than the validity, valid after issue and for
   * at most {@code maxMonths}.
   */
  public static void checkValidity(
      LocalDate awaySince,
      LocalDate issuedOn,
      LocalDate validUntil,
      int maxMonths,
      LocalDate today) {
    if (issuedOn.isAfter(today)) {
      throw ProblemException.businessRule("date-in-future", "mobile.rule.issued-in-future");
    }
    if (!validUntil.isAfter(issuedOn) || awaySince.isAfter(validUntil)) {
      throw ProblemException.businessRule(
          "mobile-validity-must-follow-issue", "mobile.rule.validity-after-issue");
    }
    if (validUntil.isAfter(issuedOn.plusMonths(maxMonths))) {
      throw ProblemException.businessRule(
          "mobile-validity-too-long", "mobile.rule.validity-too-long", maxMonths);
    }
  }

  /**
   * A planned absence of six months or more at a relatively fixed place requires a transfer (JG Art
   * 25); the certificate is the exception for when the relationship cannot be transferred, and then
   * the reason must be written down.
   */
  public static void checkTransferNotRequired(
      boolean fixedPlace, LocalDate awaySince, LocalDate validUntil, String noTransferReason) {
    if (transferRequired(fixedPlace, awaySince, validUntil)
        && (noTransferReason == null || noTransferReason.isBlank())) {
      throw ProblemException.businessRule(
          "long-absence-at-fixed-place-requires-transfer",
          "mobile.rule.long-absence-requires-transfer",
          TRANSFER_REQUIRED_AFTER_MONTHS);
    }
  }

  /** Whether, by {@code on}, the member will have been away six months at a fixed place. */
  public static boolean transferRequired(boolean fixedPlace, LocalDate awaySince, LocalDate on) {
    return fixedPlace && !on.isBefore(awaySince.plusMonths(TRANSFER_REQUIRED_AFTER_MONTHS));
  }

  /**
   * The host is a 党支部 (or a 临时党支部 of members away together) of this system other than the home
   * branch, or a named organisation outside it — one of the two.
   */
  public static void checkHost(
      boolean inSystem, OrgType hostType, boolean sameAsHome, String externalName) {
    if (inSystem == (externalName != null && !externalName.isBlank())) {
      throw ProblemException.badRequest("mobile.host-required");
    }
    if (!inSystem) {
      return;
    }
    if (sameAsHome) {
      throw ProblemException.businessRule("host-is-home", "mobile.rule.host-is-home");
    }
    if (!hostType.holdsMemberRelationships() && hostType != OrgType.TEMPORARY_BRANCH) {
      throw ProblemException.businessRule(
          "host-must-be-a-branch", "mobile.rule.host-must-be-a-branch", hostType.label());
    }
  }

  public static void checkOpen(MobileStatus status) {
    if (status != MobileStatus.ACTIVE) {
      throw ProblemException.businessRule(
          "mobile-certificate-closed", "mobile.rule.closed", status.label());
    }
  }

  /** Renewal extends the validity (from the renewal day, at most {@code maxMonths}). */
  public static void checkRenewal(
      LocalDate currentUntil, LocalDate renewedOn, LocalDate newUntil, int maxMonths) {
    if (!newUntil.isAfter(currentUntil)) {
      throw ProblemException.businessRule(
          "renewal-must-extend-validity", "mobile.rule.renewal-must-extend", currentUntil);
    }
    if (newUntil.isAfter(renewedOn.plusMonths(maxMonths))) {
      throw ProblemException.businessRule(
          "mobile-validity-too-long", "mobile.rule.validity-too-long", maxMonths);
    }
  }

  /** Reports and returns are dated between the issue and today. */
  public static void checkDatedWithin(LocalDate on, LocalDate issuedOn, LocalDate today) {
    if (on.isAfter(today)) {
      throw ProblemException.businessRule("date-in-future", "mobile.rule.date-in-future");
    }
    if (on.isBefore(issuedOn)) {
      throw ProblemException.businessRule(
          "date-before-issue", "mobile.rule.date-before-issue", issuedOn);
    }
  }

  /** The next report home is due a year after the last one (or after the issue). */
  public static LocalDate reportDueOn(LocalDate issuedOn, LocalDate lastReportedOn) {
    return (lastReportedOn == null ? issuedOn : lastReportedOn).plusYears(1);
  }
}
