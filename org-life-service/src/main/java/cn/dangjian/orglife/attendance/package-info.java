/**
 * 参加组织生活情况: a member's organisational life over time, read from the meetings' attendance rows (by
 * SQL; the meeting module owns them). Shares the meeting module's absence reasons and its statuses
 * (which of them count).
 */
@ApplicationModule(
    displayName = "Attendance",
    allowedDependencies = {"meeting::absence-reasons", "meeting::lookup"})
package cn.dangjian.orglife.attendance;

import org.springframework.modulith.ApplicationModule;
