/**
 * The facts the rules read: member and org state projected from other services' events (SQL in
 * StateStore).
 */
@ApplicationModule(
    displayName = "Facts",
    allowedDependencies = {"rules"})
package cn.dangjian.alert.state;

import org.springframework.modulith.ApplicationModule;
