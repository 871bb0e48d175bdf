/**
 * Other services' events in: member.events (after the shared projection), dues, org-life and
 * assessment events update the facts, then the touched subjects are evaluated.
 */
@ApplicationModule(
    displayName = "Event intake",
    allowedDependencies = {"evaluation", "rules", "state"})
package cn.dangjian.alert.intake;

import org.springframework.modulith.ApplicationModule;
