/**
 * Alerts pushed out: alert.events, SSE streams, webhooks signed by Standard Webhooks, and metrics.
 * Implements the alert module's notification and stream ports.
 *
 * <p>Public API for other features: {@link cn.dangjian.alert.push.AlertStream#pushToUser(String,
 * String, Object)} sends an event (e.g. {@code job}, data {@code AlertViews.JobProgress}) to every
 * stream one user holds, on any instance, with an id a reconnecting client resumes from.
 */
@ApplicationModule(
    displayName = "Push",
    allowedDependencies = {"handling", "catalogue"})
package cn.dangjian.alert.push;

import org.springframework.modulith.ApplicationModule;
