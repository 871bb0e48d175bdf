/**
 * 计划与实际: frequency requirements and plan vs actual. Exposes the count of approved meetings (named
 * interface {@code counts}), which the meeting module changes when it approves or corrects.
 */
@ApplicationModule(
    displayName = "Compliance",
    allowedDependencies = {})
package cn.dangjian.orglife.compliance;

import org.springframework.modulith.ApplicationModule;
