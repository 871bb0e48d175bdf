/**
 * Indicator systems (指标体系): versioned trees of weighted indicators; a published version never
 * changes.
 */
@ApplicationModule(
    displayName = "Indicator systems 指标体系",
    allowedDependencies = {})
package cn.dangjian.assessment.indicator;

import org.springframework.modulith.ApplicationModule;
