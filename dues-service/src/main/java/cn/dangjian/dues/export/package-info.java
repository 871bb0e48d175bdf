/** CSV and xlsx exports, capped and audited; used by the arrears list and the reports. */
@ApplicationModule(
    displayName = "Exports 导出",
    allowedDependencies = {"access", "config", "support"})
package cn.dangjian.dues.export;

import org.springframework.modulith.ApplicationModule;
