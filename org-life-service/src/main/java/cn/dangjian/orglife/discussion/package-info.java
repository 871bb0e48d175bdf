/** 党员议事厅: a branch's online topics with posts, a vote and a conclusion. Uses no other module. */
@ApplicationModule(
    displayName = "Discussion",
    allowedDependencies = {})
package cn.dangjian.orglife.discussion;

import org.springframework.modulith.ApplicationModule;
