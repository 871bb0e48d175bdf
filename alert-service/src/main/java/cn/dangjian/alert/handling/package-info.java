/**
 * The alert lifecycle (预警与整改): the engine that turns findings into alerts, the rectification loop,
 * escalation and the API. Tells the push module through {@link
 * cn.dangjian.alert.handling.AlertNotifications} and {@link
 * cn.dangjian.alert.handling.AlertStreams}, which push implements.
 */
@ApplicationModule(
    displayName = "Alerts",
    allowedDependencies = {"catalogue", "rules"})
package cn.dangjian.alert.handling;

import org.springframework.modulith.ApplicationModule;
