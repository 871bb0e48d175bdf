/**
 * The rules as plain functions of a member's or an org's facts (no Spring), their findings and the
 * text templates. Uses only the catalogue.
 */
@ApplicationModule(
    displayName = "Rules",
    allowedDependencies = {"catalogue"})
package cn.dangjian.alert.rules;

import org.springframework.modulith.ApplicationModule;
