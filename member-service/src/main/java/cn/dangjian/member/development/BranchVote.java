package cn.dangjian.member.development;

import cn.dangjian.platform.problem.ProblemException;

/**
 * A branch members' meeting vote (DOMAIN.md §4.3; ZB Art 11; FZ Arts 20–21, 33). The base is the
 * members entitled to vote (formal members with voting rights, less those excluded with approval):
 * presence must be strictly more than half of it, and approvals — including absentees' written
 * opinions — strictly more than half of it, not of those present.
 *
 * @param entitled formal members with voting rights (computed by the service)
 * @param excludedWithApproval members left out of the base with higher approval (long illness,
 *     abroad ≥6 months, in prison…)
 */
public record BranchVote(
    int entitled,
    int excludedWithApproval,
    int present,
    int approve,
    int oppose,
    int abstain,
    int writtenApprovals) {

  public int base() {
    return entitled - excludedWithApproval;
  }

  /** Throws unless the counts are consistent, the meeting was quorate and the motion carried. */
  public void check() {
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
      throw ProblemException.businessRule(
          "vote-counts-inconsistent", "development.rule.vote-counts", base());
    }
    if (present * 2 <= base()) {
      throw ProblemException.businessRule(
          "meeting-needs-more-than-half-present",
          "development.rule.meeting-needs-more-than-half-present",
          present,
          base());
    }
    if ((approve + writtenApprovals) * 2 <= base()) {
      throw ProblemException.businessRule(
          "admission-vote-needs-more-than-half-of-entitled-members",
          "development.rule.vote-needs-more-than-half",
          approve + writtenApprovals,
          base());
    }
  }
}
