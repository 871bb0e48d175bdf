/**
 * 支部委员会: branch secretaries and committee seats as member-service reports them, and committee
 * members from the 支委会 rosters (named interface {@code committees}).
 */
@ApplicationModule(
    displayName = "Committee directory",
    allowedDependencies = {})
package cn.dangjian.orglife.directory;

import org.springframework.modulith.ApplicationModule;
