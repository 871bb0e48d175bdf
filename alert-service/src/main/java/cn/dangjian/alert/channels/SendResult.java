package cn.dangjian.alert.channels;

import org.jspecify.annotations.Nullable;

/**
 * What a channel made of one send. Provider errors are results, not exceptions.
 *
 * @param outcome what happened
 * @param providerCode the provider's own code (WeChat errcode, SMS Code, SMTP reply), or null
 * @param detail a short explanation for the delivery log (never the address)
 */
public record SendResult(Outcome outcome, @Nullable String providerCode, @Nullable String detail) {

  public enum Outcome {
    /** The provider accepted the message. */
    SENT,
    /** Worth trying again later (rate limit, provider busy, network). */
    RETRY,
    /** Will never succeed as it is (refused by the user, bad address, template rejected). */
    FAILED,
    /** The member has no address on this channel (no openid, phone or e-mail on record). */
    NO_ADDRESS,
    /** The channel is not configured on this installation. */
    DISABLED
  }

  public static SendResult sent(@Nullable String providerCode) {
    return new SendResult(Outcome.SENT, providerCode, null);
  }

  public static SendResult retry(@Nullable String providerCode, String detail) {
    return new SendResult(Outcome.RETRY, providerCode, detail);
  }

  public static SendResult failed(@Nullable String providerCode, String detail) {
    return new SendResult(Outcome.FAILED, providerCode, detail);
  }
}
