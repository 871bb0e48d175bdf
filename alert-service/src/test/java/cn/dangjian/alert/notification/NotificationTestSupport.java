package cn.dangjian.alert.notification;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.alert.ApiTestSupport;
import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.CommitteeChanged;
import cn.dangjian.platform.persistence.Uuids;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What the notification rule tests share: secretaries seated through member-service's events, the
 * inbox and delivery views as a member's app reads them, and waiting for the notifications
 * consumer.
 */
abstract class NotificationTestSupport extends ApiTestSupport {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final String HEX = "UNHEX(REPLACE(?, '-', ''))";

  @Autowired RecordingExternalChannels.Fake channels;
  @Autowired Notifier notifier;
  @Autowired DeliveryWorker worker;
  @Autowired NotificationJobs jobs;
  @Autowired Clock clock;

  String tokenOf(UUID member) {
    return KEYCLOAK
        .token()
        .roles("member")
        .orgId(branchA)
        .memberId(member)
        .username("m-" + member)
        .build();
  }

  /** A member of {@code homeBranch} becomes the secretary of {@code org} (committee.changed). */
  UUID seatSecretary(UUID org, UUID homeBranch) {
    UUID secretary = member(homeBranch);
    FEED.send(
        EventTypes.COMMITTEE_CHANGED,
        org.toString(),
        FEED.pathOf(org),
        // a term far from its end: no committee alert of its own gets in the way
        new CommitteeChanged(
            org,
            UUID.randomUUID(),
            LocalDate.of(2024, 7, 1),
            LocalDate.of(2029, 6, 30),
            LocalDate.of(2029, 6, 30),
            secretary,
            null,
            5));
    awaitRow(
        "SELECT COUNT(*) FROM org_state WHERE org_id = "
            + HEX
            + " AND secretary_member_id = "
            + HEX,
        org,
        secretary);
    return secretary;
  }

  int count(UUID member, NotificationKind kind) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM notification WHERE member_id = " + HEX + " AND kind = ?",
            Integer.class,
            member.toString(),
            kind.name());
    return n == null ? 0 : n;
  }

  /** The member's notifications of one kind, newest first, as their inbox shows them. */
  List<JsonNode> inbox(UUID member, NotificationKind kind) throws Exception {
    JsonNode page =
        read(
            as(
                    tokenOf(member),
                    get("/api/notifications").param("kind", kind.name()).param("size", "100"))
                .andExpect(status().isOk()));
    List<JsonNode> items = new ArrayList<>();
    page.path("items").forEach(items::add);
    return items;
  }

  /** Waits until the member has at least {@code n} of the kind; answers their inbox of it. */
  List<JsonNode> awaitInbox(UUID member, NotificationKind kind, int n) throws Exception {
    await(() -> count(member, kind) >= n ? Optional.of(true) : Optional.empty());
    return inbox(member, kind);
  }

  /** The external deliveries of one of the member's notifications and their log. */
  JsonNode deliveries(UUID member, JsonNode notification) throws Exception {
    return read(
        as(
                tokenOf(member),
                get("/api/notifications/" + notification.path("id").asString() + "/deliveries"))
            .andExpect(status().isOk()));
  }

  /** The notifications consumer has read (and committed) this event. */
  void awaitTold(EventEnvelope<?> event) {
    awaitRow(
        "SELECT COUNT(*) FROM processed_event WHERE event_id = ? AND consumer = ?",
        event.eventId(),
        NotificationEventsConsumer.CONSUMER);
  }

  static Instant beijing(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  static Instant instant(JsonNode node) {
    return Instant.parse(node.asString());
  }

  /** An urgent meeting reminder for the member, queued now (the clock's now); answers its id. */
  UUID urgentReminder(UUID member) {
    UUID meetingId = UUID.randomUUID();
    notifier.notify(
        NotificationKind.MEETING_REMINDER,
        "MEETING_REMINDER:" + meetingId,
        null,
        List.of(member),
        Map.of("meetingType", "党课", "heldOn", "2026-12-02", "startsAt", "2026年12月2日 14:00"),
        "/org-life/meetings/" + meetingId);
    return jdbc.queryForObject(
        "SELECT id FROM notification WHERE dedup_key = ?",
        (rs, i) -> Uuids.uuid(rs.getBytes(1)),
        "MEETING_REMINDER:" + meetingId);
  }

  /** The alert of a rule on a subject, as an admin lists it (null when there is none). */
  JsonNode alertOf(UUID subject, String rule) throws Exception {
    for (JsonNode item : alertsOf(admin, subject).path("items")) {
      if (rule.equals(item.path("ruleId").asString())) {
        return item;
      }
    }
    return null;
  }
}
