package cn.dangjian.alert.notification;

import cn.dangjian.alert.channels.ExternalChannel;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The configured rules resolved against the kinds' defaults, and the no-noise policy. */
@Component
class NotificationSettings {

  /** One kind's rule as it applies. */
  record KindRule(
      NotificationKind kind,
      boolean enabled,
      boolean urgent,
      Set<ExternalChannel> channels,
      String title,
      String body) {}

  record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {}

  private final NotificationProperties properties;
  private final NoNoiseRules policy;

  NotificationSettings(NotificationProperties properties) {
    this.properties = properties;
    this.policy =
        new NoNoiseRules(
            properties.quietHours().start(),
            properties.quietHours().end(),
            properties.digest().enabled(),
            properties.digest().at(),
            properties.dailyCap(),
            ZoneId.of(properties.quietHours().zone()));
    for (NotificationKind kind : NotificationKind.values()) {
      KindRule rule = rule(kind);
      Set<String> unknown = TemplateText.unknown(rule.title() + rule.body(), kind.variables());
      if (!unknown.isEmpty()) {
        throw new IllegalStateException(
            "dangjian.notifications.rules." + kind + " uses unknown variables " + unknown);
      }
    }
  }

  NotificationProperties properties() {
    return properties;
  }

  NoNoiseRules policy() {
    return policy;
  }

  KindRule rule(NotificationKind kind) {
    Map<NotificationKind, NotificationProperties.Rule> rules = properties.rules();
    NotificationProperties.Rule r = rules == null ? null : rules.get(kind);
    if (r == null) {
      r = new NotificationProperties.Rule(null, null, null, null, null);
    }
    Set<ExternalChannel> channels = EnumSet.noneOf(ExternalChannel.class);
    channels.addAll(r.channels() != null ? r.channels() : kind.defaultChannels());
    return new KindRule(
        kind,
        r.enabled() == null || r.enabled(),
        r.urgent() != null ? r.urgent() : kind.urgentByDefault(),
        channels,
        r.title() != null ? r.title() : kind.defaultTitle(),
        r.body() != null ? r.body() : kind.defaultBody());
  }

  RetryPolicy retry(ExternalChannel channel) {
    NotificationProperties.Delivery d = properties.delivery();
    NotificationProperties.Retry r = d.channels() == null ? null : d.channels().get(channel);
    return new RetryPolicy(
        r != null && r.maxAttempts() != null ? r.maxAttempts() : d.maxAttempts(),
        r != null && r.initialBackoff() != null ? r.initialBackoff() : d.initialBackoff(),
        r != null && r.maxBackoff() != null ? r.maxBackoff() : d.maxBackoff());
  }
}
