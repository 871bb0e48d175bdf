/**
 * The service's settings ({@code dangjian.dues.*}) and calendar; the features build their rule
 * objects from them.
 */
@ApplicationModule(
    displayName = "Settings 配置",
    allowedDependencies = {})
package cn.dangjian.dues.config;

import org.springframework.modulith.ApplicationModule;
