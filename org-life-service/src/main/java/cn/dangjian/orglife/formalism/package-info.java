/**
 * 形式主义核查: checks run when a record is submitted; they flag, never block. The meeting module calls
 * them through the named interface {@code checks}.
 */
@ApplicationModule(
    displayName = "Anti-formalism checks",
    allowedDependencies = {})
package cn.dangjian.orglife.formalism;

import org.springframework.modulith.ApplicationModule;
