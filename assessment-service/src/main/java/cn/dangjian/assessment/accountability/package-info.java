/**
 * Accountability (问责): cases for orgs in the bottom band of consecutive annual cycles, opened when
 * a cycle's results are published.
 */
@ApplicationModule(
    displayName = "Accountability 问责",
    allowedDependencies = {"cycle"})
package cn.dangjian.assessment.accountability;

import org.springframework.modulith.ApplicationModule;
