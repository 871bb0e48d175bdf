package cn.dangjian.orglife.appraisal;

import cn.dangjian.platform.problem.ProblemException;

/** Rules of the democratic appraisal (DOMAIN.md §4.2). */
public final class AppraisalRules {

  private AppraisalRules() {}

  /** At most a third of the branch's full members are graded 优秀. */
  public static int maxExcellent(int fullMembers) {
    return fullMembers / 3;
  }

  public static void checkExcellentShare(int fullMembers, int excellentAfter) {
    if (excellentAfter * 3 > fullMembers) {
      throw ProblemException.businessRule(
          "excellent-at-most-one-third",
          "appraisal.rule.excellent-share",
          fullMembers,
          maxExcellent(fullMembers),
          excellentAfter);
    }
  }
}
