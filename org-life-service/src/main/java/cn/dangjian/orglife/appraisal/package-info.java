/** 民主评议: the yearly grades, with the one-third limit on 优秀 per branch. Uses no other module. */
@ApplicationModule(
    displayName = "Appraisal",
    allowedDependencies = {})
package cn.dangjian.orglife.appraisal;

import org.springframework.modulith.ApplicationModule;
