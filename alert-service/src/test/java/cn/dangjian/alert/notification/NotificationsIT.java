package cn.dangjian.alert.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.alert.ApiTestSupport;
import cn.dangjian.alert.channels.SendResult;
import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.dues.BillsIssued;
import cn.dangjian.events.orglife.MeetingPlanned;
import cn.dangjian.testsupport.api.ResponseContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The notification rules, the no-noise delivery and the inbox API on the real DB and broker. */
class NotificationsIT extends ApiTestSupport {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String HEX = "UNHEX(REPLACE(?, '-', ''))";

  @Autowired RecordingExternalChannels.Fake channels;
  @Autowired Notifier notifier;
  @Autowired DeliveryWorker worker;
  @Autowired NotificationJobs jobs;
  @Autowired NotificationEventsConsumer consumer;
  @Autowired Clock clock;

  private String tokenOf(UUID member) {
    return KEYCLOAK
        .token()
        .roles("member")
        .orgId(branchA)
        .memberId(member)
        .username("m-" + member)
        .build();
  }

  private int count(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }

  private int notifications(UUID member, String kind) {
    return count(
        "SELECT COUNT(*) FROM notification WHERE member_id = " + HEX + " AND kind = ?",
        member.toString(),
        kind);
  }

  private EventEnvelope<MeetingPlanned> plan(
      String type, UUID meetingId, LocalDateTime startsAt, List<UUID> expected) {
    return send(
        Topics.ORGLIFE_EVENTS,
        type,
        meetingId.toString(),
        branchA,
        new MeetingPlanned(
            meetingId,
            branchA,
            "PARTY_LECTURE",
            startsAt.toLocalDate(),
            startsAt,
            startsAt.plusHours(2),
            expected));
  }

  private LocalDateTime inHours(long hours) {
    return LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(hours)), SHANGHAI)
        .withSecond(0)
        .withNano(0);
  }

  @Test
  void oneNotificationPerEventPerRecipient() throws Exception {
    UUID a = member(branchA);
    UUID b = member(branchA);
    UUID meeting = UUID.randomUUID();
    EventEnvelope<MeetingPlanned> planned =
        plan(EventTypes.ORGLIFE_MEETING_PLANNED, meeting, inHours(72), List.of(a, b, a));
    awaitRow(
        "SELECT COUNT(*) FROM notification WHERE member_id = "
            + HEX
            + " AND kind = 'MEETING_PLANNED'",
        b);
    // the same record again (a redelivery), then a marker on the same key to know it was read
    FEED.sendRaw(Topics.ORGLIFE_EVENTS, meeting.toString(), json.writeValueAsBytes(planned));
    plan(EventTypes.ORGLIFE_MEETING_CANCELLED, meeting, inHours(72), List.of(a, b));
    awaitRow(
        "SELECT COUNT(*) FROM notification_meeting WHERE meeting_id = " + HEX + " AND cancelled",
        meeting);
    // a replay after the processed-event marks are gone (rebuild, restart): the key still holds
    jdbc.update("DELETE FROM processed_event WHERE consumer = 'notifications'");
    consumer.apply(
        new EventEnvelope<>(
            planned.eventId(),
            planned.type(),
            1,
            planned.occurredAt(),
            "test",
            planned.subjectId(),
            planned.orgPath(),
            json.valueToTree(planned.payload())));
    assertThat(notifications(a, "MEETING_PLANNED")).isEqualTo(1);
    assertThat(notifications(b, "MEETING_PLANNED")).isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM notification_delivery WHERE member_id = " + HEX,
                a.toString()))
        .as("one WECHAT delivery, held for the digest")
        .isEqualTo(1);
  }

  @Test
  void billRunFansOutToTheSubtreesActiveMembers() throws Exception {
    UUID inA = member(branchA);
    UUID inB = member(branchB);
    UUID suspended = member(branchA);
    FEED.statusChanged(suspended, "SUSPENDED", LocalDate.of(2026, 11, 1));
    awaitRow(
        "SELECT COUNT(*) FROM proj_member WHERE member_id = " + HEX + " AND status = 'SUSPENDED'",
        suspended);
    UUID elsewhereCounty =
        FEED.orgCreated(null, "另一县委" + SERIAL.incrementAndGet(), "PARTY_COMMITTEE");
    UUID elsewhereBranch = FEED.orgCreated(elsewhereCounty, "外县支部", "BRANCH");
    await(() -> projection.org(elsewhereBranch));
    UUID outside = member(elsewhereBranch);
    for (int run = 0; run < 2; run++) {
      send(
          Topics.DUES_EVENTS,
          EventTypes.DUES_BILL_ISSUED,
          town.toString(),
          town,
          new BillsIssued(UUID.randomUUID(), "2026-12", town, 3, 3, 9000));
    }
    awaitRow("SELECT COUNT(*) FROM notification_fanout WHERE org_path = ?", FEED.pathOf(town));
    // both runs read before working off: the second adds nothing
    Thread.sleep(500);
    notifier.workOffFanouts(100);
    assertThat(notifications(inA, "DUES_BILL_ISSUED")).isEqualTo(1);
    assertThat(notifications(inB, "DUES_BILL_ISSUED")).isEqualTo(1);
    assertThat(notifications(suspended, "DUES_BILL_ISSUED")).isZero();
    assertThat(notifications(outside, "DUES_BILL_ISSUED")).isZero();
    JsonNode inbox =
        read(as(tokenOf(inA), get("/api/notifications").param("kind", "DUES_BILL_ISSUED")));
    assertThat(inbox.path("items").get(0).path("title").asText()).isEqualTo("2026-12 党费账单已生成");

    // non-urgent: one WECHAT message at 19:00, the day's items merged
    Instant digestTime =
        LocalDate.ofInstant(clock.instant(), SHANGHAI)
            .atTime(19, 0, 30)
            .atZone(SHANGHAI)
            .toInstant();
    worker.runOnce(digestTime);
    List<RecordingExternalChannels.Fake.Sent> sent = channels.sentTo(inA);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).message().kind()).isEqualTo("DIGEST");
    assertThat(sent.get(0).message().body()).contains("2026-12 党费账单已生成");
  }

  @Test
  void meetingReminderIsNotSentForACancelledMeeting() throws Exception {
    UUID m = member(branchA);
    UUID kept = UUID.randomUUID();
    UUID cancelled = UUID.randomUUID();
    plan(EventTypes.ORGLIFE_MEETING_PLANNED, kept, inHours(50), List.of(m));
    plan(EventTypes.ORGLIFE_MEETING_PLANNED, cancelled, inHours(50), List.of(m));
    plan(EventTypes.ORGLIFE_MEETING_CANCELLED, cancelled, inHours(50), List.of(m));
    awaitRow(
        "SELECT COUNT(*) FROM notification_meeting WHERE meeting_id = " + HEX + " AND cancelled",
        cancelled);
    awaitRow("SELECT COUNT(*) FROM notification_meeting WHERE meeting_id = " + HEX, kept);
    assertThat(jobs.reminders(clock.instant())).as("not yet: 24 h before the start").isZero();
    jobs.reminders(clock.instant().plus(Duration.ofHours(27)));
    assertThat(
            count(
                "SELECT COUNT(*) FROM notification WHERE member_id = " + HEX + " AND dedup_key = ?",
                m.toString(),
                "MEETING_REMINDER:" + kept))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM notification WHERE dedup_key = ?",
                "MEETING_REMINDER:" + cancelled))
        .isZero();
    // urgent: it goes at once
    worker.runOnce(clock.instant().plusSeconds(1));
    assertThat(channels.sentTo(m))
        .extracting(s -> s.message().kind())
        .containsExactly("MEETING_REMINDER");
  }

  /** An urgent reminder for the member, queued now; answers the notification's id. */
  private UUID urgentReminder(UUID member) {
    UUID meetingId = UUID.randomUUID();
    notifier.notify(
        NotificationKind.MEETING_REMINDER,
        "MEETING_REMINDER:" + meetingId,
        null,
        List.of(member),
        Map.of("meetingType", "党课", "heldOn", "2026-12-01", "startsAt", "2026年12月1日 14:00"),
        "/org-life/meetings/" + meetingId);
    return jdbc.queryForObject(
        "SELECT id FROM notification WHERE dedup_key = ?",
        (rs, i) -> cn.dangjian.platform.persistence.Uuids.uuid(rs.getBytes(1)),
        "MEETING_REMINDER:" + meetingId);
  }

  @Test
  void retriesWithBackoffThenDeadLetter() throws Exception {
    UUID m = member(branchA);
    channels.answer(m, SendResult.retry("45009", "调用频率超限"));
    UUID id = urgentReminder(m);
    Instant t = clock.instant().plusSeconds(1);
    long[] waits = {0, 1, 2, 4, 8};
    for (long minutes : waits) {
      t = t.plus(Duration.ofMinutes(minutes)).plusSeconds(1);
      worker.runOnce(t);
    }
    assertThat(channels.sentTo(m)).hasSize(5);
    JsonNode deliveries = read(as(tokenOf(m), get("/api/notifications/" + id + "/deliveries")));
    assertThat(deliveries.path("deliveries").get(0).path("status").asText()).isEqualTo("DEAD");
    assertThat(deliveries.path("deliveries").get(0).path("attempts").asInt()).isEqualTo(5);
    List<String> events = deliveries.path("log").findValuesAsString("event");
    assertThat(events).containsExactly("RETRY", "RETRY", "RETRY", "RETRY", "DEAD");
    assertThat(deliveries.path("log").findValuesAsString("providerCode")).containsOnly("45009");
    // a round before the backoff has passed sends nothing more
    worker.runOnce(t.plus(Duration.ofHours(2)));
    assertThat(channels.sentTo(m)).hasSize(5);
  }

  @Test
  void unsubscribeLinkTurnsTheChannelOff() throws Exception {
    UUID m = member(branchA);
    urgentReminder(m);
    worker.runOnce(clock.instant().plusSeconds(1));
    String url = channels.sentTo(m).get(0).message().unsubscribeUrl();
    String token = url.substring(url.indexOf("token=") + 6);
    for (int i = 0; i < 2; i++) { // idempotent
      mvc.perform(get("/api/notifications/unsubscribe").param("token", token))
          .andDo(ResponseContract.servedBy(mvc))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.channel").value("WECHAT"))
          .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("已退订")));
    }
    mvc.perform(get("/api/notifications/unsubscribe").param("token", token.replace('.', 'x') + "A"))
        .andDo(ResponseContract.servedBy(mvc))
        .andExpect(status().isBadRequest());
    JsonNode prefs = read(as(tokenOf(m), get("/api/notifications/preferences")));
    JsonNode reminder = null;
    for (JsonNode p : prefs) {
      if ("MEETING_REMINDER".equals(p.path("kind").asText())) {
        reminder = p;
      }
    }
    assertThat(reminder.path("channels")).isEmpty();
    assertThat(reminder.path("optedOut").get(0).asText()).isEqualTo("WECHAT");
    urgentReminder(m);
    worker.runOnce(clock.instant().plusSeconds(2));
    assertThat(channels.sentTo(m)).as("the next reminder stays in the inbox").hasSize(1);
    assertThat(notifications(m, "MEETING_REMINDER")).isEqualTo(2);
  }

  @Test
  void inboxShowsOnlyTheMembersOwnNotifications() throws Exception {
    UUID me = member(branchA);
    UUID other = member(branchA);
    UUID first = urgentReminder(me);
    urgentReminder(me);
    UUID theirs = urgentReminder(other);
    String token = tokenOf(me);
    as(token, get("/api/notifications"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(2));
    as(token, get("/api/notifications/unread-count")).andExpect(jsonPath("$.unread").value(2));
    as(token, post("/api/notifications/" + first + "/read"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.readAt").isNotEmpty());
    as(token, get("/api/notifications").param("unread", "true"))
        .andExpect(jsonPath("$.total").value(1));
    as(token, post("/api/notifications/read-all")).andExpect(jsonPath("$.updated").value(1));
    as(token, get("/api/notifications/" + first + "/deliveries"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.log[0].event").value("READ"));
    as(token, delete("/api/notifications/" + first)).andExpect(status().isNoContent());
    as(token, get("/api/notifications")).andExpect(jsonPath("$.total").value(1));
    as(token, get("/api/notifications").param("sort", "-title")).andExpect(status().isBadRequest());
    // another member's notification does not exist for me
    as(token, post("/api/notifications/" + theirs + "/read")).andExpect(status().isNotFound());
    as(token, delete("/api/notifications/" + theirs)).andExpect(status().isNotFound());
    as(token, get("/api/notifications/" + theirs + "/deliveries")).andExpect(status().isNotFound());
    assertThat(notifications(other, "MEETING_REMINDER")).isEqualTo(1);
    // a token without member_id: no inbox
    String officer = secretaryOf(branchA);
    as(officer, get("/api/notifications"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("member_id")));
  }

  @Test
  void preferencesAndTemplatesAreValidated() throws Exception {
    UUID me = member(branchA);
    String token = tokenOf(me);
    as(
            token,
            put("/api/notifications/preferences")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"preferences\":[{\"kind\":\"DUES_OVERDUE\",\"channels\":[\"SMS\"]}]}"))
        .andExpect(status().isOk());
    as(
            token,
            put("/api/notifications/preferences")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"preferences\":[{\"kind\":\"NO_SUCH_KIND\",\"channels\":[]}]}"))
        .andExpect(status().isBadRequest());
    as(
            token,
            put("/api/notifications/preferences")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"preferences\":[{\"kind\":\"DUES_OVERDUE\",\"channels\":[\"FAX\"]}]}"))
        .andExpect(status().isBadRequest());
    as(token, get("/api/notifications/templates")).andExpect(status().isForbidden());
    String body = "{\"title\":\"党费提醒\",\"body\":\"已欠 ${months} 个月\"}";
    as(
            admin,
            put("/api/notifications/templates/DUES_OVERDUE")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isPreconditionRequired());
    as(
            admin,
            post("/api/notifications/templates/DUES_OVERDUE/preview")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\":\"${nope}\"}"))
        .andExpect(status().isBadRequest());
    as(
            admin,
            post("/api/notifications/templates/DUES_OVERDUE/preview")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\":\"已欠 ${months} 个月\",\"variables\":{\"months\":\"4\"}}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.body").value("已欠 4 个月"));
  }
}
