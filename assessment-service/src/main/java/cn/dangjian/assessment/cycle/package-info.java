/**
 * Assessment cycles: opening, automatic and manual scoring, 述职报告 and 述职评议, computed results, review
 * and publication. Scores against a published indicator version.
 */
@ApplicationModule(
    displayName = "Assessment cycles 考核周期",
    allowedDependencies = {"indicator"})
package cn.dangjian.assessment.cycle;

import org.springframework.modulith.ApplicationModule;
