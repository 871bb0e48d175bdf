/**
 * Source facts: the other services' events automatic indicators are computed from, and the member
 * points they earn.
 */
@ApplicationModule(
    displayName = "Source facts 数据来源",
    allowedDependencies = {"points"})
package cn.dangjian.assessment.source;

import org.springframework.modulith.ApplicationModule;
