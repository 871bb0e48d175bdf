/**
 * The rule catalogue (预警规则): each rule's id, level, texts and deadline, with configured overrides.
 * Depends on nothing.
 */
@ApplicationModule(
    displayName = "Rule catalogue",
    allowedDependencies = {})
package cn.dangjian.alert.catalogue;

import org.springframework.modulith.ApplicationModule;
