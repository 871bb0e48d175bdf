package cn.dangjian.alert.notification;

import cn.dangjian.alert.channels.ExternalChannel;
import cn.dangjian.alert.channels.ExternalChannels;
import cn.dangjian.alert.channels.OutboundMessage;
import cn.dangjian.alert.channels.SendResult;
import cn.dangjian.alert.notification.NotificationDeliveryStore.Due;
import cn.dangjian.alert.notification.NotificationDeliveryStore.Held;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries: digests first (held items of a member and channel merged into one DIGEST
 * message), then each due delivery claimed with a lease, checked against quiet hours, the member's
 * current choice and the daily cap, and sent; RETRY backs off exponentially per channel until the
 * last attempt, which makes it DEAD. Each step commits on its own: a send is never inside a lock.
 */
@Component
class DeliveryWorker {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

  private final NotificationSettings settings;
  private final NotificationDeliveryStore deliveries;
  private final NotificationPreferenceStore preferences;
  private final ObjectProvider<ExternalChannels> channels;
  private final UnsubscribeTokens tokens;
  private final NotificationMetrics metrics;
  private final TransactionTemplate transactions;
  private final java.util.function.Function<NotificationKind, String[]> templates;

  DeliveryWorker(
      Notifier notifier,
      NotificationSettings settings,
      NotificationDeliveryStore deliveries,
      NotificationPreferenceStore preferences,
      ObjectProvider<ExternalChannels> channels,
      UnsubscribeTokens tokens,
      NotificationMetrics metrics,
      PlatformTransactionManager transactionManager) {
    this.settings = settings;
    this.deliveries = deliveries;
    this.preferences = preferences;
    this.channels = channels;
    this.tokens = tokens;
    this.metrics = metrics;
    this.transactions = new TransactionTemplate(transactionManager);
    this.templates = notifier::template;
  }

  /** One round as of {@code now}; answers the deliveries handled. */
  int runOnce(Instant now) {
    ExternalChannels external = channels.getIfAvailable();
    if (external == null) {
      return 0;
    }
    mergeDigests(now);
    NotificationProperties.Delivery config = settings.properties().delivery();
    int handled = 0;
    List<UUID> claimed;
    do {
      claimed =
          transactions.execute(
              s -> deliveries.claim(now, now.plus(config.lease()), config.batchSize()));
      for (UUID id : claimed) {
        try {
          deliveries.due(id).ifPresent(d -> handle(external, d, now));
        } catch (RuntimeException e) {
          // the lease brings it back later; one bad row must not stop the round
          log.warn("notification delivery {} failed in the worker: {}", id, e.toString());
        }
        handled++;
      }
    } while (claimed.size() == config.batchSize() && handled < 10 * config.batchSize());
    return handled;
  }

  private void handle(ExternalChannels external, Due d, Instant now) {
    NoNoiseRules policy = settings.policy();
    boolean digest = d.kind() == NotificationKind.DIGEST;
    if (!wanted(d)) {
      skip(d, "OPTED_OUT", "成员已关闭该渠道", now);
      return;
    }
    LocalDate day = policy.dayOf(now);
    NoNoiseRules.Plan plan =
        policy.beforeSend(d.urgent(), digest, deliveries.sentOn(d.memberId(), day), now);
    if (plan.action() == NoNoiseRules.Action.SEND
        && !digest
        && !deliveries.takeSlot(d.memberId(), day, policy.dailyCap())) {
      plan = policy.beforeSend(d.urgent(), false, Integer.MAX_VALUE, now);
    }
    switch (plan.action()) {
      case DEFER ->
          deliveries.update(
              d, "DEFERRED", false, d.attempts(), plan.at(), "DEFERRED", null, plan.reason(), now);
      case DIGEST ->
          deliveries.update(
              d, "DEFERRED", true, d.attempts(), plan.at(), "DEFERRED", null, plan.reason(), now);
      case SKIP -> skip(d, plan.reason(), "超过每日外部消息上限，仅站内可见", now);
      case SEND -> send(external, d, day, now);
    }
  }

  private void send(ExternalChannels external, Due d, LocalDate day, Instant now) {
    SendResult result;
    try {
      result = external.send(d.channel(), message(d));
    } catch (RuntimeException e) {
      result = SendResult.retry(null, "渠道异常：" + e.getClass().getSimpleName());
    }
    int attempts = d.attempts() + 1;
    boolean digest = d.kind() == NotificationKind.DIGEST;
    if (result.outcome() != SendResult.Outcome.SENT && !digest) {
      deliveries.returnSlot(d.memberId(), day);
    }
    String code = result.providerCode();
    switch (result.outcome()) {
      case SENT -> {
        deliveries.update(d, "SENT", false, attempts, null, "SENT", code, result.detail(), now);
        metrics.count(d.channel(), d.kind(), "sent", 1);
      }
      case RETRY -> {
        NotificationSettings.RetryPolicy retry = settings.retry(d.channel());
        Duration wait =
            NoNoiseRules.retryAfter(
                attempts, retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff());
        if (wait == null) {
          deliveries.update(d, "DEAD", false, attempts, null, "DEAD", code, result.detail(), now);
          metrics.count(d.channel(), d.kind(), "dead", 1);
        } else {
          deliveries.update(
              d, "QUEUED", false, attempts, now.plus(wait), "RETRY", code, result.detail(), now);
        }
      }
      case FAILED -> {
        deliveries.update(d, "FAILED", false, attempts, null, "FAILED", code, result.detail(), now);
        metrics.count(d.channel(), d.kind(), "failed", 1);
      }
      case NO_ADDRESS, DISABLED ->
          deliveries.update(
              d,
              "SKIPPED",
              false,
              attempts,
              null,
              "SKIPPED",
              code != null ? code : result.outcome().name(),
              result.detail(),
              now);
    }
  }

  private void skip(Due d, String code, String detail, Instant now) {
    deliveries.update(d, "SKIPPED", false, d.attempts(), null, "SKIPPED", code, detail, now);
  }

  /** The member's choice as it stands now (they may have unsubscribed since it was queued). */
  private boolean wanted(Due d) {
    NotificationPreferenceStore.Stored stored = preferences.of(d.memberId()).get(d.kind());
    if (stored == null) {
      return true; // created from the defaults, nothing changed since
    }
    Set<ExternalChannel> now =
        NoNoiseRules.channels(EnumSet.of(d.channel()), stored.chosen(), stored.optedOut());
    return now.contains(d.channel());
  }

  private OutboundMessage message(Due d) {
    String unsubscribe =
        settings.properties().unsubscribe().baseUrl()
            + "/api/notifications/unsubscribe?token="
            + tokens.token(d.memberId(), d.kind(), d.channel());
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("title", d.title());
    variables.put("body", d.body());
    return new OutboundMessage(
        d.id(),
        d.memberId(),
        d.kind().name(),
        d.title(),
        d.body(),
        variables,
        d.link(),
        unsubscribe);
  }

  /** Each member's and channel's held items whose digest time came, merged into one message. */
  void mergeDigests(Instant now) {
    for (Object[] due : deliveries.digestsDue(now, 500)) {
      UUID member = (UUID) due[0];
      ExternalChannel channel = (ExternalChannel) due[1];
      transactions.executeWithoutResult(
          s -> {
            List<Held> items = deliveries.held(member, channel, now);
            if (items.isEmpty()) {
              return;
            }
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < items.size(); i++) {
              body.append(i + 1).append(". ").append(items.get(i).title()).append('\n');
            }
            Map<String, String> vars =
                Map.of("count", Integer.toString(items.size()), "items", body.toString().strip());
            String[] template = templates.apply(NotificationKind.DIGEST);
            UUID digest =
                deliveries.insertDigest(
                    member,
                    channel,
                    TemplateText.render(template[0], vars),
                    TemplateText.render(template[1], vars),
                    now);
            deliveries.merged(items, digest, now);
            for (Held h : items) {
              deliveries.log(
                  h.notificationId(), h.id(), channel, "MERGED", 0, null, "每日汇总 " + digest, now);
            }
            metrics.count(channel, NotificationKind.DIGEST, "queued", 1);
          });
    }
  }
}
