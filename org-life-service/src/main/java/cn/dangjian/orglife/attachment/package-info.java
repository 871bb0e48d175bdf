/**
 * 会议附件: files attached to a meeting (photos, sign-in sheets). Finds the meeting, in the caller's
 * scope, through the meeting module's lookup.
 */
@ApplicationModule(
    displayName = "Attachments",
    allowedDependencies = {"meeting::lookup"})
package cn.dangjian.orglife.attachment;

import org.springframework.modulith.ApplicationModule;
