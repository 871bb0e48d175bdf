package cn.dangjian.alert.channels;

/** The channels module's public API: send one message now on one external channel. */
public interface ExternalChannels {

  /** Whether the channel is configured here (a disabled channel answers DISABLED to every send). */
  boolean enabled(ExternalChannel channel);

  /**
   * Sends now, fetching the member's address at send time. Never throws for provider or network
   * errors: they come back as RETRY or FAILED with the provider's code.
   */
  SendResult send(ExternalChannel channel, OutboundMessage message);
}
