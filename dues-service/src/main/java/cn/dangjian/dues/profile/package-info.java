/**
 * Dues assessments (党费核定): category, base and rate, hardship reductions and waivers. A change is
 * announced as {@link cn.dangjian.dues.profile.AssessmentChanged}; bills follow it.
 */
@ApplicationModule(
    displayName = "Dues assessments 党费核定",
    allowedDependencies = {"access", "audit", "config", "support"})
package cn.dangjian.dues.profile;

import org.springframework.modulith.ApplicationModule;
