/** 谈心谈话: talks and the year's coverage of the committee and the members. */
@ApplicationModule(
    displayName = "Talks",
    allowedDependencies = {"directory::committees"})
package cn.dangjian.orglife.talk;

import org.springframework.modulith.ApplicationModule;
