/**
 * Responsibility lists (目标/任务/责任清单): goals, tasks with an owner and a deadline, progress and
 * overdue announcements.
 */
@ApplicationModule(
    displayName = "Responsibility lists 责任清单",
    allowedDependencies = {})
package cn.dangjian.assessment.responsibility;

import org.springframework.modulith.ApplicationModule;
