package cn.dangjian.alert.channels;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One rendered message to one member on one external channel. The member's address (openid, phone,
 * e-mail) is not here: the channel fetches it at send time, so it is never stored or logged.
 *
 * @param deliveryId the delivery this send belongs to (providers that take an idempotency key get it)
 * @param memberId the recipient
 * @param kind the notification kind's name (e.g. MEETING_PLANNED, DIGEST): selects the provider's
 *     own template (WeChat template id, SMS template code)
 * @param title short title (e-mail subject)
 * @param body the rendered Chinese text
 * @param variables the template's variables, for providers that fill their own templates
 * @param link the console / mini-program page the message opens, or null
 * @param unsubscribeUrl absolute one-click unsubscribe URL for this member, kind and channel
 */
public record OutboundMessage(
    UUID deliveryId,
    UUID memberId,
    String kind,
    String title,
    String body,
    Map<String, String> variables,
    @Nullable String link,
    String unsubscribeUrl) {}
