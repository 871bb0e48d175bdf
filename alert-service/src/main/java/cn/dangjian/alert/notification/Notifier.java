package cn.dangjian.alert.notification;

import cn.dangjian.alert.channels.ExternalChannel;
import cn.dangjian.alert.channels.ExternalChannels;
import cn.dangjian.alert.notification.NotificationStore.Content;
import cn.dangjian.alert.notification.NotificationStore.Personal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes notifications: the kind's active template rendered once, one inbox row per recipient (never
 * twice for a dedup key), and external deliveries per the no-noise policy on the channels the
 * channels module has configured.
 */
@Service
class Notifier {

  /** A recipient with their own variables. */
  record Recipient(UUID member, Map<String, String> variables) {}

  private final NotificationSettings settings;
  private final NotificationStore store;
  private final NotificationTemplateStore templates;
  private final ScheduleStore schedule;
  private final RecipientQueries recipients;
  private final ObjectProvider<ExternalChannels> channels;
  private final NotificationMetrics metrics;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Notifier(
      NotificationSettings settings,
      NotificationStore store,
      NotificationTemplateStore templates,
      ScheduleStore schedule,
      RecipientQueries recipients,
      ObjectProvider<ExternalChannels> channels,
      NotificationMetrics metrics,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.settings = settings;
    this.store = store;
    this.templates = templates;
    this.schedule = schedule;
    this.recipients = recipients;
    this.channels = channels;
    this.metrics = metrics;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  boolean enabled(NotificationKind kind) {
    return settings.properties().enabled() && settings.rule(kind).enabled();
  }

  /** The same notice to every member given (nulls and repeats dropped). */
  void notify(
      NotificationKind kind,
      String dedupKey,
      @Nullable UUID eventId,
      Collection<UUID> members,
      Map<String, String> variables,
      @Nullable String link) {
    List<Recipient> each = new ArrayList<>();
    new LinkedHashSet<>(members)
        .stream().filter(m -> m != null).forEach(m -> each.add(new Recipient(m, variables)));
    notifyEach(kind, dedupKey, eventId, each, link);
  }

  /** A notice per member with their own variables, under one dedup key. */
  void notifyEach(
      NotificationKind kind,
      String dedupKey,
      @Nullable UUID eventId,
      List<Recipient> each,
      @Nullable String link) {
    if (!enabled(kind) || each.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    String[] template = template(kind);
    boolean urgent = settings.rule(kind).urgent();
    List<Personal> rows = new ArrayList<>();
    for (Recipient r : each) {
      rows.add(
          new Personal(
              r.member(),
              new Content(
                  kind,
                  dedupKey,
                  eventId,
                  TemplateText.render(template[0], r.variables()),
                  TemplateText.render(template[1], r.variables()),
                  link,
                  urgent)));
    }
    store.insertEach(rows, now);
    deliveries(rows.get(0).content(), rows.stream().map(Personal::member).toList(), null, now);
  }

  /** A notice to a whole subtree's active members, worked off in chunks later. */
  void fanOut(
      NotificationKind kind,
      String dedupKey,
      String orgPath,
      Map<String, String> variables,
      @Nullable String link) {
    if (!enabled(kind)) {
      return;
    }
    String[] template = template(kind);
    schedule.fanout(
        kind,
        dedupKey,
        orgPath,
        TemplateText.render(template[0], variables),
        TemplateText.render(template[1], variables),
        link,
        clock.instant());
  }

  /** Works off pending fan-outs, one chunk of branches per transaction; answers the chunks done. */
  int workOffFanouts(int maxChunks) {
    int chunks = 0;
    for (ScheduleStore.Fanout f : schedule.pendingFanouts(10)) {
      String cursor = f.cursor();
      boolean done = false;
      while (!done && chunks < maxChunks) {
        String from = cursor;
        String next =
            transactions.execute(
                status -> {
                  Map<UUID, String> orgs =
                      recipients.orgsOfSubtree(
                          f.orgPath(), from, settings.properties().fanoutOrgsPerChunk());
                  if (orgs.isEmpty()) {
                    schedule.fanoutProgress(f.id(), from, true);
                    return null;
                  }
                  Instant now = clock.instant();
                  Content c =
                      new Content(
                          f.kind(),
                          f.dedupKey(),
                          null,
                          f.title(),
                          f.body(),
                          f.link(),
                          settings.rule(f.kind()).urgent());
                  List<UUID> orgIds = List.copyOf(orgs.keySet());
                  store.insertForOrgs(c, orgIds, now);
                  deliveries(c, null, orgIds, now);
                  String last = List.copyOf(orgs.values()).get(orgs.size() - 1);
                  schedule.fanoutProgress(f.id(), last, false);
                  return last;
                });
        chunks++;
        done = next == null;
        cursor = next;
      }
    }
    return chunks;
  }

  /** The active template: the latest admin version, else the configured default. */
  String[] template(NotificationKind kind) {
    return templates
        .active(kind)
        .map(t -> new String[] {t.title(), t.body()})
        .orElseGet(
            () -> {
              NotificationSettings.KindRule rule = settings.rule(kind);
              return new String[] {rule.title(), rule.body()};
            });
  }

  private void deliveries(
      Content c, @Nullable List<UUID> members, @Nullable List<UUID> orgIds, Instant now) {
    ExternalChannels external = channels.getIfAvailable();
    if (external == null) {
      return; // no channel configured on this installation: inbox only
    }
    NoNoiseRules.Plan plan = settings.policy().onCreate(c.urgent(), now);
    String status = plan.action() == NoNoiseRules.Action.SEND ? "QUEUED" : "DEFERRED";
    boolean forDigest = plan.action() == NoNoiseRules.Action.DIGEST;
    for (ExternalChannel channel : ExternalChannel.values()) {
      if (!external.enabled(channel)) {
        continue;
      }
      boolean onByDefault = settings.rule(c.kind()).channels().contains(channel);
      int created =
          store.createDeliveries(
              c, channel, onByDefault, status, forDigest, plan.at(), members, orgIds, now);
      metrics.count(channel, c.kind(), "queued", created);
    }
  }
}
