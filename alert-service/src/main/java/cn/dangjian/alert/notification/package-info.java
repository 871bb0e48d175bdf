/**
 * Notifications to members (站内消息 and external sends): rules turn domain events into one inbox entry
 * per recipient, the no-noise policy decides which external sends go out and when (member
 * preferences, quiet hours, the daily digest, a daily cap, one-click unsubscribe), and a worker
 * sends them through the channels module with retries and a dead-letter state. Depends on the
 * channels module's API and on the catalogue (the required training hours); reads the recipient
 * projections (proj_member, org_state, member_state) by SQL and never writes them.
 */
@ApplicationModule(
    displayName = "Notifications",
    allowedDependencies = {"channels", "catalogue"})
package cn.dangjian.alert.notification;

import org.springframework.modulith.ApplicationModule;
