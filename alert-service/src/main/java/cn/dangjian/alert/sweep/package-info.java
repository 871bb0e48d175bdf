/** The daily sweep: every member and org evaluated as of a date, then due escalations. */
@ApplicationModule(
    displayName = "Sweep",
    allowedDependencies = {"handling", "evaluation", "rules", "state"})
package cn.dangjian.alert.sweep;

import org.springframework.modulith.ApplicationModule;
