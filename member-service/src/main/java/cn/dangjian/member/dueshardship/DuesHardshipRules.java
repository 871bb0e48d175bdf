package cn.dangjian.member.dueshardship;

import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import cn.dangjian.platform.problem.ProblemException;
import java.time.LocalDate;

/**
 * 困难党员减交、免交党费 (中组部《关于中国共产党党费收缴、使用和管理的规定》第七条): 生活困难的党员，经支部党员大会讨论、报上一级党委批准， 可以少交或免交党费. Plain rules,
 * no Spring. The amount against the member's standard dues is dues-service's rule, checked again
 * when it applies the approval.
 */
public final class DuesHardshipRules {

  static final String BASIS = "中组部《关于中国共产党党费收缴、使用和管理的规定》第七条";

  private DuesHardshipRules() {}

  /**
   * A reduction names the amount still paid (more than 0: paying nothing is a waiver); a waiver
   * names none; either ends after the day it is decided (a reduction that already ended changes no
   * bill).
   */
  public static void checkTerms(
      DuesHardshipKind kind, Long reducedFen, LocalDate until, LocalDate decidedOn) {
    if (kind == DuesHardshipKind.REDUCED && (reducedFen == null || reducedFen <= 0)) {
      throw ProblemException.businessRule(
          "reduction-names-the-amount-paid", "dueshardship.rule.reduction-names-the-amount-paid");
    }
    if (kind == DuesHardshipKind.WAIVED && reducedFen != null && reducedFen != 0) {
      throw ProblemException.businessRule("waiver-is-zero", "dueshardship.rule.waiver-is-zero");
    }
    if (!until.isAfter(decidedOn)) {
      throw ProblemException.businessRule(
          "hardship-ends-after-its-approval",
          "dueshardship.rule.hardship-ends-after-its-approval",
          decidedOn);
    }
  }

  /** Only admitted members whose membership is in order pay dues, so only they are relieved. */
  public static void checkMember(MemberStage stage, MemberStatus status) {
    if (!stage.admitted() || status != MemberStatus.ACTIVE) {
      throw ProblemException.businessRule(
          "hardship-only-for-active-party-members",
          "dueshardship.rule.hardship-only-for-active-party-members");
    }
  }
}
