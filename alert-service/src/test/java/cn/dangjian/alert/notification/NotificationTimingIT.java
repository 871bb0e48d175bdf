package cn.dangjian.alert.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.alert.channels.ExternalChannels;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * When external sends go, on the real tables: the daily cap counts Beijing calendar days, quiet
 * hours hold non-urgent items until 08:00. Items are created at the instant a test needs by a
 * notifier on a fixed clock over the service's own stores (and, for the digest-off policy, its own
 * settings), so the shared context stays as it is.
 */
class NotificationTimingIT extends NotificationTestSupport {

  @Autowired NotificationSettings settings;
  @Autowired NotificationStore store;
  @Autowired NotificationTemplateStore templates;
  @Autowired ScheduleStore schedule;
  @Autowired RecipientQueries recipients;
  @Autowired ObjectProvider<ExternalChannels> external;
  @Autowired NotificationMetrics metrics;
  @Autowired PlatformTransactionManager transactions;
  @Autowired NotificationDeliveryStore deliveryStore;
  @Autowired NotificationPreferenceStore preferences;
  @Autowired UnsubscribeTokens tokens;

  private Notifier notifierAt(NotificationSettings with, Instant now) {
    return new Notifier(
        with,
        store,
        templates,
        schedule,
        recipients,
        external,
        metrics,
        transactions,
        Clock.fixed(now, SHANGHAI));
  }

  private DeliveryWorker workerWith(NotificationSettings with, Notifier notifier) {
    return new DeliveryWorker(
        notifier, with, deliveryStore, preferences, external, tokens, metrics, transactions);
  }

  /** The service's settings with the daily digest turned off. */
  private NotificationSettings digestOff() {
    NotificationProperties p = settings.properties();
    return new NotificationSettings(
        new NotificationProperties(
            p.enabled(),
            p.rules(),
            p.quietHours(),
            new NotificationProperties.Digest(false, p.digest().at()),
            p.dailyCap(),
            p.reminderBefore(),
            p.delivery(),
            p.unsubscribe(),
            p.dailyCron(),
            p.scheduled(),
            p.fanoutOrgsPerChunk()));
  }

  private void duesOverdue(Notifier by, UUID member) {
    by.notify(
        NotificationKind.DUES_OVERDUE,
        "DUES_OVERDUE:" + member + ":2026-10:1",
        null,
        List.of(member),
        Map.of("months", "1", "sinceMonth", "2026-10", "outstandingYuan", "30.00"),
        "/dues/bills");
  }

  private JsonNode onlyDelivery(UUID member) throws Exception {
    JsonNode found = deliveries(member, inbox(member, NotificationKind.DUES_OVERDUE).get(0));
    assertThat(found.path("deliveries")).hasSize(1);
    return found.path("deliveries").get(0);
  }

  @Test
  void quietHoursDeferNonUrgentDeliveriesUntilEight() throws Exception {
    Instant elevenPm = beijing("2026-11-30T23:00:00");

    // the digest off: a non-urgent item made at 23:00 waits until 08:00, then goes
    NotificationSettings off = digestOff();
    Notifier late = notifierAt(off, elevenPm);
    DeliveryWorker offWorker = workerWith(off, late);
    UUID m = member(branchA);
    duesOverdue(late, m);
    JsonNode held = onlyDelivery(m);
    assertThat(held.path("status").asString()).isEqualTo("DEFERRED");
    assertThat(instant(held.path("nextAttemptAt"))).isEqualTo(beijing("2026-12-01T08:00:00"));
    offWorker.runOnce(beijing("2026-12-01T07:59:00"));
    assertThat(channels.sentTo(m)).isEmpty();
    offWorker.runOnce(beijing("2026-12-01T08:00:30"));
    assertThat(channels.sentTo(m))
        .extracting(s -> s.message().body())
        .containsExactly("您自 2026-10 起已连续 1 个月未交纳党费，共 30.00 元，请尽快交纳。");
    assertThat(onlyDelivery(m).path("status").asString()).isEqualTo("SENT");

    // the digest on: the day's digest whose round only comes at 23:00 waits until 08:00 too
    UUID n = member(branchA);
    duesOverdue(notifier, n); // now (noon): held for today's 19:00 digest
    worker.runOnce(elevenPm);
    assertThat(channels.sentTo(n)).isEmpty();
    Map<String, Object> digest =
        jdbc.queryForMap(
            "SELECT status, next_attempt_at, last_detail FROM notification_delivery"
                + " WHERE member_id = "
                + HEX
                + " AND kind = 'DIGEST'",
            n.toString());
    assertThat(digest.get("status")).isEqualTo("DEFERRED");
    assertThat(((Timestamp) digest.get("next_attempt_at")).toInstant())
        .isEqualTo(beijing("2026-12-01T08:00:00"));
    assertThat(digest.get("last_detail")).isEqualTo("QUIET_HOURS");
    worker.runOnce(beijing("2026-12-01T07:59:00"));
    assertThat(channels.sentTo(n)).isEmpty();
    worker.runOnce(beijing("2026-12-01T08:00:30"));
    assertThat(channels.sentTo(n)).hasSize(1);
    assertThat(channels.sentTo(n).get(0).message().kind()).isEqualTo("DIGEST");
    assertThat(channels.sentTo(n).get(0).message().body()).contains("党费交纳提醒");

    // the digest on, made at 23:00: it waits for the next day's digest, not for 08:00
    UUID o = member(branchA);
    duesOverdue(notifierAt(settings, elevenPm), o);
    JsonNode forDigest = onlyDelivery(o);
    assertThat(forDigest.path("status").asString()).isEqualTo("DEFERRED");
    assertThat(instant(forDigest.path("nextAttemptAt"))).isEqualTo(beijing("2026-12-01T19:00:00"));
  }

  @Test
  void dailyCapCountsSendsPerBeijingDayAcrossMidnight() throws Exception {
    UUID m = member(branchA);
    for (int i = 0; i < 3; i++) {
      urgentReminder(m);
    }
    // urgent: quiet hours do not hold them
    worker.runOnce(beijing("2026-11-30T23:50:00"));
    assertThat(channels.sentTo(m)).hasSize(3);
    urgentReminder(m);
    // 00:05 in Beijing is still 30 November in UTC: a new day for the cap all the same
    worker.runOnce(beijing("2026-12-01T00:05:00"));
    assertThat(channels.sentTo(m)).hasSize(4);
    for (int i = 0; i < 3; i++) {
      urgentReminder(m);
    }
    worker.runOnce(beijing("2026-12-01T00:10:00"));
    assertThat(channels.sentTo(m)).as("two more, the third over the cap").hasSize(6);
    assertThat(
            jdbc.queryForList(
                "SELECT CONCAT(day, '=', sent) FROM notification_send_count WHERE member_id = "
                    + HEX
                    + " ORDER BY day",
                String.class,
                m.toString()))
        .containsExactly("2026-11-30=3", "2026-12-01=3");
    Map<String, Object> held =
        jdbc.queryForMap(
            "SELECT next_attempt_at, last_detail FROM notification_delivery WHERE member_id = "
                + HEX
                + " AND status = 'DEFERRED' AND for_digest",
            m.toString());
    assertThat(((Timestamp) held.get("next_attempt_at")).toInstant())
        .isEqualTo(beijing("2026-12-01T19:00:00"));
    assertThat(held.get("last_detail")).isEqualTo("DAILY_CAP");

    // the held one reaches the member in that evening's digest (a digest is never capped)
    worker.runOnce(beijing("2026-12-01T19:00:30"));
    List<RecordingExternalChannels.Fake.Sent> sent = channels.sentTo(m);
    assertThat(sent).hasSize(7);
    assertThat(sent.get(6).message().kind()).isEqualTo("DIGEST");
    assertThat(sent.get(6).message().body()).contains("会议提醒：党课");
  }
}
