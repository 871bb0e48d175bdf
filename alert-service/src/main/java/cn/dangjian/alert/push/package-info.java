/**
 * Alerts pushed out: alert.events, SSE streams, signed webhooks and metrics. Implements the alert
 * module's notification and stream ports.
 */
@ApplicationModule(
    displayName = "Push",
    allowedDependencies = {"handling", "catalogue"})
package cn.dangjian.alert.push;

import org.springframework.modulith.ApplicationModule;
