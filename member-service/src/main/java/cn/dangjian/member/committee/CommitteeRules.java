package cn.dangjian.member.committee;

import cn.dangjian.member.org.OrgType;
import cn.dangjian.platform.problem.ProblemException;
import java.time.LocalDate;
import java.time.Period;

/** Terms, postponement and who may sit on a committee (DOMAIN.md §1.2–1.3). Plain rules. */
public final class CommitteeRules {

  /** ZB Art 23: a secretary generally has at least one year of 党龄. */
  public static final int SECRETARY_MIN_STANDING_YEARS = 1;

  /** XJ Art 3; RQ §2: 换届 may be postponed by at most one year. */
  public static final int MAX_POSTPONEMENT_YEARS = 1;

  /** ZB ch.6: a committee is formed from seven formal members. */
  public static final int COMMITTEE_FROM_FORMAL = 7;

  private CommitteeRules() {}

  /** RQ §1: 基层党委 five years; 党总支 and 党支部 three; village and community organisations five. */
  public static int defaultTermYears(OrgType type, boolean villageOrCommunity) {
    if (villageOrCommunity || type == OrgType.PARTY_COMMITTEE) {
      return 5;
    }
    return 3;
  }

  public static void checkTermYears(int years) {
    if (years < 3 || years > 5) {
      throw ProblemException.businessRule("term-three-to-five-years", "committee.rule.term-years");
    }
  }

  public static void checkOrgMayHaveCommittee(OrgType type) {
    if (type == OrgType.PARTY_GROUP || type == OrgType.TEMPORARY_BRANCH) {
      throw ProblemException.businessRule(
          "no-committee-for-this-org", "committee.rule.no-committee", type.label());
    }
  }

  /**
   * Who may be elected: full members (probationary ones have no right to be elected), active, not
   * under 留党察看 or suspended rights; a secretary also needs one year of party standing.
   */
  public static void checkEligible(
      CommitteeRole role,
      boolean fullMember,
      boolean active,
      boolean rightsRestricted,
      LocalDate fullMemberDate,
      LocalDate appointedOn) {
    if (!fullMember || !active || rightsRestricted) {
      throw ProblemException.businessRule(
          "only-full-members-with-rights", "committee.rule.only-full-members-with-rights");
    }
    if (role == CommitteeRole.SECRETARY
        && (fullMemberDate == null
            || Period.between(fullMemberDate, appointedOn).getYears()
                < SECRETARY_MIN_STANDING_YEARS)) {
      throw ProblemException.businessRule(
          "secretary-needs-one-year-standing",
          "committee.rule.secretary-needs-one-year-standing",
          SECRETARY_MIN_STANDING_YEARS);
    }
  }

  /** Below seven formal members a branch has a secretary (and deputy), not a full committee. */
  public static void checkRoleForSize(OrgType type, CommitteeRole role, int formalMembers) {
    boolean branch = type == OrgType.BRANCH || type == OrgType.JOINT_BRANCH;
    if (branch && formalMembers < COMMITTEE_FROM_FORMAL && !role.allowedWithoutCommittee()) {
      throw ProblemException.businessRule(
          "committee-needs-seven-formal-members",
          "committee.rule.committee-needs-seven",
          COMMITTEE_FROM_FORMAL);
    }
  }

  public static void checkPostponement(LocalDate endsOn, LocalDate until) {
    if (!until.isAfter(endsOn) || until.isAfter(endsOn.plusYears(MAX_POSTPONEMENT_YEARS))) {
      throw ProblemException.businessRule(
          "postponement-at-most-one-year", "committee.rule.postponement-at-most-one-year");
    }
  }
}
