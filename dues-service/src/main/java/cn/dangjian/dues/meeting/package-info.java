/**
 * The meetings of org-life-service a spending decision can point to (支委会, 支部党员大会; DF Art 20), kept
 * from {@code orglife.events} in the service's own table: each event once, the newest record
 * version wins, a cancelled meeting is forgotten.
 */
@ApplicationModule(
    displayName = "Meetings 会议（集体决定）",
    allowedDependencies = {"support"})
package cn.dangjian.dues.meeting;

import org.springframework.modulith.ApplicationModule;
