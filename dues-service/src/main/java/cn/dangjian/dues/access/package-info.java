/**
 * Who may see and do what: the caller's scope from the member projection, the one place a list
 * filter or a single row meets it (anything outside is a 404).
 */
@ApplicationModule(
    displayName = "Data scope 数据范围",
    allowedDependencies = {})
package cn.dangjian.dues.access;

import org.springframework.modulith.ApplicationModule;
