/**
 * Member points (党员积分): the rule table, daily caps, the yearly ledger and the per-org switch for
 * points and rankings.
 */
@ApplicationModule(
    displayName = "Member points 党员积分",
    allowedDependencies = {})
package cn.dangjian.assessment.points;

import org.springframework.modulith.ApplicationModule;
