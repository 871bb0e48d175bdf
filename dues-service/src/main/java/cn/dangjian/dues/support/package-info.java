/** Small helpers every feature uses: months, UTC timestamps, money in 元. */
@ApplicationModule(
    displayName = "Support 工具",
    allowedDependencies = {})
package cn.dangjian.dues.support;

import org.springframework.modulith.ApplicationModule;
