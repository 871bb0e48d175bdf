package cn.dangjian.e2e;

import java.time.Duration;
import java.util.UUID;

/**
 * A fresh committee with one branch and one member whom dues-service has already projected: what
 * the compose restart scenarios and the fault drills register their members into, so that a later
 * wait for a member is a wait for that member alone.
 *
 * @param branch the branch
 * @param member the member dues-service knows
 */
record KnownBranch(UUID branch, UUID member) {

  /** {@code label} names the committee, the branch and the member, e.g. "故障演练". */
  static KnownBranch create(Api api, String admin, String label, Duration catchUp) {
    UUID committee =
        DataScopeE2EIT.created(
            api.post(
                "/api/orgs",
                admin,
                TestData.org(null, label + "党委" + UUID.randomUUID(), "PARTY_COMMITTEE")));
    UUID branch =
        DataScopeE2EIT.created(
            api.post("/api/orgs", admin, TestData.org(committee, label + "党支部", "BRANCH")));
    UUID member =
        DataScopeE2EIT.created(
            api.post("/api/members", admin, TestData.member(branch, label + "前党员")));
    api.awaitStatus("/api/dues/profiles?memberId=" + member, admin, 200, catchUp);
    return new KnownBranch(branch, member);
  }
}
