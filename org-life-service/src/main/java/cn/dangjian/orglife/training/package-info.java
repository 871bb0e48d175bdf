/**
 * 党员教育培训: courses, micro-lessons and studies, and members' yearly hours against the requirement.
 * Exposes the {@code ledger} the meeting module credits 党课 hours to.
 */
@ApplicationModule(
    displayName = "Training",
    allowedDependencies = {"directory::committees"})
package cn.dangjian.orglife.training;

import org.springframework.modulith.ApplicationModule;
