package cn.dangjian.alert.channels.internal;

import cn.dangjian.alert.channels.ExternalChannel;
import cn.dangjian.alert.channels.ExternalChannels;
import cn.dangjian.alert.channels.OutboundMessage;
import cn.dangjian.alert.channels.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link ExternalChannels}: checks the channel is configured, fetches the member's address
 * for this send only, hands it to the channel and turns whatever goes wrong into a result. Logs
 * name the delivery, member, channel and outcome — never the address.
 */
class DefaultExternalChannels implements ExternalChannels {

  private static final Logger log = LoggerFactory.getLogger(DefaultExternalChannels.class);

  private final MemberContacts contacts;
  private final WechatChannel wechat;
  private final SmsChannel sms;
  private final EmailChannel email;

  DefaultExternalChannels(
      MemberContacts contacts, WechatChannel wechat, SmsChannel sms, EmailChannel email) {
    this.contacts = contacts;
    this.wechat = wechat;
    this.sms = sms;
    this.email = email;
  }

  @Override
  public boolean enabled(ExternalChannel channel) {
    if (!contacts.configured()) {
      return false;
    }
    switch (channel) {
      case WECHAT:
        return wechat.configured();
      case SMS:
        return sms.configured();
      default:
        return email.configured();
    }
  }

  @Override
  public SendResult send(ExternalChannel channel, OutboundMessage message) {
    if (!enabled(channel)) {
      return new SendResult(SendResult.Outcome.DISABLED, null, channel + " 渠道未配置 (not configured)");
    }
    SendResult result;
    try {
      MemberContacts.Lookup lookup =
          contacts.address(channel, message.memberId(), message.deliveryId());
      if (lookup.problem() != null) {
        result =
            lookup.retry()
                ? SendResult.retry(null, lookup.problem())
                : SendResult.failed(null, lookup.problem());
      } else if (lookup.address() == null || lookup.address().isBlank()) {
        result = new SendResult(SendResult.Outcome.NO_ADDRESS, null, null);
      } else {
        result = deliver(channel, message, lookup.address());
      }
    } catch (RuntimeException e) {
      // a bug or an SDK surprise must not become the caller's exception: it is a result
      result = SendResult.retry(null, "渠道内部错误 (" + e.getClass().getSimpleName() + ")");
    }
    log.info(
        "notification {} to member {} on {}: {} {}",
        message.deliveryId(),
        message.memberId(),
        channel,
        result.outcome(),
        result.providerCode() == null ? "" : result.providerCode());
    return result;
  }

  private SendResult deliver(ExternalChannel channel, OutboundMessage message, String address) {
    switch (channel) {
      case WECHAT:
        return wechat.send(message, address);
      case SMS:
        return sms.send(message, address);
      default:
        return email.send(message, address);
    }
  }
}
