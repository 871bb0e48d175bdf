/** Collection reports (收缴统计): monthly by child org, yearly with extras, and their exports. */
@ApplicationModule(
    displayName = "Collection reports 收缴统计",
    allowedDependencies = {"access", "bill", "config", "export", "support"})
package cn.dangjian.dues.report;

import org.springframework.modulith.ApplicationModule;
