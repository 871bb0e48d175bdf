package cn.dangjian.member.community;

import cn.dangjian.member.org.OrgType;
import cn.dangjian.member.person.DuesCategory;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import cn.dangjian.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * 在职党员到社区报到: who registers (serving members — those paying dues on a salary), where (a community
 * 党组织 other than their own branch), and what a service record looks like.
 */
public final class CommunityRules {

  /** 在职: members whose dues follow a salary (DOMAIN §3.1 Arts 1–3). */
  static final Set<DuesCategory> SERVING =
      Set.of(DuesCategory.EMPLOYED, DuesCategory.ANNUAL_SALARY);

  /** One activity is at most a day's work (学时 accounting: a full day counts 8). */
  static final BigDecimal MAX_HOURS = BigDecimal.valueOf(8);

  private CommunityRules() {}

  public static void checkMember(
      MemberStage stage, MemberStatus status, DuesCategory category, boolean alreadyRegistered) {
    if (status != MemberStatus.ACTIVE
        || (stage != MemberStage.PROBATIONARY && stage != MemberStage.FULL)
        || !SERVING.contains(category)) {
      throw ProblemException.businessRule(
          "community-registration-only-for-serving-members", "community.rule.only-serving");
    }
    if (alreadyRegistered) {
      throw ProblemException.conflict("community.rule.already-registered");
    }
  }

  public static void checkCommunity(OrgType type, boolean ownBranch) {
    if (ownBranch) {
      throw ProblemException.businessRule("community-is-own-branch", "community.rule.own-branch");
    }
    if (type == OrgType.PARTY_GROUP || type == OrgType.TEMPORARY_BRANCH) {
      throw ProblemException.businessRule(
          "community-must-be-a-party-organisation",
          "community.rule.not-a-community-org",
          type.label());
    }
  }

  public static void checkService(
      LocalDate servedOn, LocalDate registeredOn, LocalDate today, BigDecimal hours) {
    if (servedOn.isAfter(today)) {
      throw ProblemException.businessRule("date-in-future", "community.rule.future");
    }
    if (servedOn.isBefore(registeredOn)) {
      throw ProblemException.businessRule(
          "service-before-registration", "community.rule.before-registration", registeredOn);
    }
    if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0 || hours.scale() > 1) {
      throw ProblemException.businessRule(
          "service-hours-out-of-range", "community.rule.hours", MAX_HOURS);
    }
  }

  public static void checkOpen(boolean active) {
    if (!active) {
      throw ProblemException.businessRule("community-registration-ended", "community.rule.ended");
    }
  }
}
