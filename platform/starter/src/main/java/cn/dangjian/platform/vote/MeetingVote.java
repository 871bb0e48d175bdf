package cn.dangjian.platform.vote;

import cn.dangjian.platform.problem.ProblemException;

/**
 * A vote of a branch members' meeting (DOMAIN.md §4.3; ZB Art 11; FZ Arts 20–21, 33) — the one
 * implementation every service uses (admission and 转正 votes in member-service, resolutions in
 * org-life-service). The base is the members entitled to vote (formal members with voting rights,
 * computed by the service, less those excluded with higher approval): presence must be strictly
 * more than half of it, and approvals — including absentees' written opinions — strictly more than
 * half of it, not of those present.
 *
 * @param entitled members with voting rights (never taken from the client)
 * @param excludedWithApproval left out of the base with higher approval (long illness, abroad ≥6
 *     months, in prison…)
 * @param writtenApprovals absentees' written approvals handed in before the meeting
 */
public record MeetingVote(
    int entitled,
    int excludedWithApproval,
    int present,
    int approve,
    int oppose,
    int abstain,
    int writtenApprovals) {

  public static final String COUNTS_INCONSISTENT = "vote-counts-inconsistent";
  public static final String NEEDS_MORE_THAN_HALF_PRESENT = "meeting-needs-more-than-half-present";

  public int base() {
    return entitled - excludedWithApproval;
  }

  /**
   * Throws a 422 unless the counts are consistent, the meeting was quorate and the motion carried.
   *
   * @param majorityRuleId the rule id reported when approvals are not more than half of the base,
   *     e.g. {@code admission-vote-needs-more-than-half-of-entitled-members}
   */
  public void check(String majorityRuleId) {
    if (excludedWithApproval < 0
        || excludedWithApproval >= entitled
        || present < 0
        || approve < 0
        || oppose < 0
        || abstain < 0
        || writtenApprovals < 0
        || present > base()
        || approve + oppose + abstain > present
        || present + writtenApprovals > base()) {
      throw ProblemException.businessRule(COUNTS_INCONSISTENT, "vote.rule.counts", base());
    }
    if (!quorate()) {
      throw ProblemException.businessRule(
          NEEDS_MORE_THAN_HALF_PRESENT, "vote.rule.more-than-half-present", present, base());
    }
    if (!carried()) {
      throw ProblemException.businessRule(
          majorityRuleId, "vote.rule.more-than-half-approve", approve + writtenApprovals, base());
    }
  }

  /** Presence strictly more than half of the base. */
  public boolean quorate() {
    return present * 2 > base();
  }

  /** Approvals (with written ones) strictly more than half of the base, not of those present. */
  public boolean carried() {
    return (approve + writtenApprovals) * 2 > base();
  }
}
