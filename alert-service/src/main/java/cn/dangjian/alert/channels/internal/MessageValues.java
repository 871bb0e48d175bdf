package cn.dangjian.alert.channels.internal;

import cn.dangjian.alert.channels.OutboundMessage;

/** What a provider template's slot is filled with: a message variable, or its title or text. */
final class MessageValues {

  private MessageValues() {}

  /** {@code title} and {@code body} are the message's own; any other name is a variable. */
  static String of(OutboundMessage message, String name) {
    if ("title".equals(name)) {
      return message.title();
    }
    if ("body".equals(name)) {
      return message.body();
    }
    return message.variables().getOrDefault(name, "");
  }
}
