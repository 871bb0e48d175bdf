/**
 * External notification channels (issue 24): WeChat subscription messages, SMS (Tencent Cloud SMS)
 * and e-mail (SMTP). The API is {@link cn.dangjian.alert.channels.ExternalChannels}: send one
 * rendered message to one member now, and learn what became of it ({@link
 * cn.dangjian.alert.channels.SendResult}). The member's address is fetched from member-service at
 * send time with the service account {@code dangjian-alert-service} and never stored or logged.
 * Depends on no other module.
 */
@ApplicationModule(
    displayName = "External channels",
    allowedDependencies = {})
package cn.dangjian.alert.channels;

import org.springframework.modulith.ApplicationModule;
