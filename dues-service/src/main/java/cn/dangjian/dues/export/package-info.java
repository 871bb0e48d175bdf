/**
 * Exports are capped and audited here; the arrears list and the reports write their files through
 * the platform's table writer ({@code cn.dangjian.platform.export}).
 */
@ApplicationModule(
    displayName = "Exports 导出",
    allowedDependencies = {"access", "config", "support"})
package cn.dangjian.dues.export;

import org.springframework.modulith.ApplicationModule;
