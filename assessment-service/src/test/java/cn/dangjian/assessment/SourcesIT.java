package cn.dangjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.alert.AlertChanged;
import cn.dangjian.events.member.DevelopmentStepRecorded;
import cn.dangjian.events.orglife.TrainingCredited;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The automatic indicators computed from member.events, alert.events and orglife.events. */
class SourcesIT extends ApiTestSupport {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private void step(
      UUID member, UUID org, int number, String step, LocalDate on, String next, LocalDate due) {
    FEED.send(
        EventTypes.MEMBER_DEVELOPMENT_STEP,
        member.toString(),
        FEED.pathOf(org),
        new DevelopmentStepRecorded(
            member, org, step, number, on, "APPLICANT", next, due, null, null, null, null));
  }

  private EventEnvelope<Object> alert(
      UUID alert, UUID org, LocalDate deadline, String status, LocalDate on) {
    EventEnvelope<Object> envelope =
        new EventEnvelope<>(
            UUID.randomUUID(),
            status.equals("OPEN") ? EventTypes.ALERT_RAISED : EventTypes.ALERT_CHANGED,
            1,
            on.atTime(10, 0).atZone(ZONE).toInstant(),
            "alert-service",
            alert.toString(),
            FEED.pathOf(org),
            new AlertChanged(
                alert,
                "NO_COMMITTEE_MEETING",
                "ORG",
                org,
                org,
                "WARNING",
                status,
                status.equals("OPEN") ? "RAISED" : "ACCEPTED",
                "本月未召开支委会",
                deadline,
                org,
                0));
    FEED.sendRaw(Topics.ALERT_EVENTS, alert.toString(), json.writeValueAsBytes(envelope));
    return envelope;
  }

  @Test
  void developmentRectificationAndTrainingTimelinessComeFromTheEventsReceived() throws Exception {
    // A: an applicant's talk on time, the next step late
    UUID applicant = FEED.memberRegistered(branchA, "APPLICANT", "EMPLOYED", null, null);
    awaitMember(applicant);
    step(
        applicant,
        branchA,
        1,
        "APPLICATION",
        LocalDate.of(2026, 1, 5),
        "TALK",
        LocalDate.of(2026, 2, 5));
    step(
        applicant,
        branchA,
        2,
        "TALK",
        LocalDate.of(2026, 1, 20),
        "ACTIVIST",
        LocalDate.of(2026, 3, 1));
    step(applicant, branchA, 3, "ACTIVIST", LocalDate.of(2026, 3, 10), null, null);
    // B: one alert closed after its deadline, one before
    UUID late = UUID.randomUUID();
    UUID early = UUID.randomUUID();
    alert(late, branchB, LocalDate.of(2026, 2, 1), "OPEN", LocalDate.of(2026, 1, 2));
    alert(late, branchB, LocalDate.of(2026, 2, 1), "CLOSED", LocalDate.of(2026, 2, 10));
    alert(early, branchB, LocalDate.of(2026, 3, 1), "OPEN", LocalDate.of(2026, 2, 2));
    EventEnvelope<Object> last =
        alert(early, branchB, LocalDate.of(2026, 3, 1), "CLOSED", LocalDate.of(2026, 2, 20));
    // C: two members, one has the pro-rated hours (32 × 3 / 12 = 8 by the end of March)
    List<UUID> c = formalMembers(branchC, 2);
    EventEnvelope<Object> trained = training(c.get(0), 10);
    EventEnvelope<Object> short_ = training(c.get(1), 5);
    awaitProcessed(last);
    awaitProcessed(trained);
    awaitProcessed(short_);
    cn.dangjian.testsupport.Eventually.await(
        () -> {
          Integer n =
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM src_dev_step WHERE member_id = ?",
                  Integer.class,
                  cn.dangjian.platform.persistence.Uuids.bytes(applicant));
          return n != null && n == 3 ? java.util.Optional.of(n) : java.util.Optional.empty();
        },
        Duration.ofSeconds(20));

    JsonNode version =
        publishedVersion(
            List.of(
                leaf("dev", "发展党员及时", "BASE", 30, "AUTOMATIC", "DEVELOPMENT_TIMELINESS"),
                leaf("rect", "预警整改及时", "BASE", 30, "AUTOMATIC", "RECTIFICATION_TIMELINESS"),
                leaf("train", "学时达标", "BASE", 40, "AUTOMATIC", "TRAINING_COMPLETION")),
            2026);
    String cycle = openAnnual(version, 2026).get("id").asString();
    automaticScores(admin, cycle, "2026-04-01");
    stepDone(admin, cycle, "compute");

    JsonNode a =
        read(getUrl(admin, "/api/assessments/cycles/" + cycle + "/orgs/" + branchA + "/result"));
    JsonNode b =
        read(getUrl(admin, "/api/assessments/cycles/" + cycle + "/orgs/" + branchB + "/result"));
    JsonNode cr =
        read(getUrl(admin, "/api/assessments/cycles/" + cycle + "/orgs/" + branchC + "/result"));
    // A: 1 of 2 steps with a deadline on time → 15; no alerts → 30; no admitted member → 40
    assertThat(a.get("scores").get(0).get("points").asDouble()).isEqualTo(15.0);
    assertThat(a.get("scores").get(0).get("evidence").asString()).contains("按期完成 1/2");
    assertThat(a.get("result").get("combined").asDouble()).isEqualTo(85.0);
    // B: 1 of 2 alerts closed by its deadline → 15
    assertThat(b.get("scores").get(1).get("points").asDouble()).isEqualTo(15.0);
    assertThat(b.get("result").get("combined").asDouble()).isEqualTo(85.0);
    // C: 1 of 2 members reached 8 hours → 20
    assertThat(cr.get("scores").get(2).get("points").asDouble()).isEqualTo(20.0);
    assertThat(cr.get("scores").get(2).get("evidence").asString()).contains("学时达标 1/2", "8.0 学时");
    assertThat(cr.get("result").get("combined").asDouble()).isEqualTo(80.0);
  }

  @Test
  void communityServiceCountsServingMembersWhoseCommunityRecordedAService() throws Exception {
    // branch A: two serving members, one served in the community; a retiree does not count
    List<UUID> serving = formalMembers(branchA, 2);
    UUID retired =
        FEED.memberRegistered(branchA, "FULL", "RETIRED", LocalDate.of(2000, 7, 1), null);
    awaitMember(retired);
    UUID community = branchB;
    EventEnvelope<Object> served =
        sendEvent(
            Topics.MEMBER_EVENTS,
            EventTypes.MEMBER_COMMUNITY_SERVICE_RECORDED,
            "member-service",
            serving.get(0).toString(),
            branchA,
            new cn.dangjian.events.member.CommunityServiceRecorded(
                UUID.randomUUID(),
                UUID.randomUUID(),
                serving.get(0),
                branchA,
                community,
                LocalDate.of(2026, 2, 14),
                new BigDecimal("2.5")));
    awaitProcessed(served);

    JsonNode version =
        publishedVersion(
            List.of(leaf("comm", "到社区报到服务", "BASE", 100, "AUTOMATIC", "COMMUNITY_SERVICE")), 2026);
    String cycle = openAnnual(version, 2026).get("id").asString();
    automaticScores(admin, cycle, "2026-04-01");
    stepDone(admin, cycle, "compute");
    JsonNode a =
        read(getUrl(admin, "/api/assessments/cycles/" + cycle + "/orgs/" + branchA + "/result"));
    JsonNode score = a.get("scores").get(0);
    assertThat(score.get("points").asDouble()).isEqualTo(50.0);
    assertThat(score.get("evidence").asString()).contains("到社区报到参加服务 1/2 名在职党员");
  }

  private EventEnvelope<Object> training(UUID member, int yearHours) {
    return sendEvent(
        Topics.ORGLIFE_EVENTS,
        EventTypes.ORGLIFE_TRAINING_CREDITED,
        "org-life-service",
        member.toString(),
        branchC,
        new TrainingCredited(
            UUID.randomUUID(),
            member,
            branchC,
            "PARTY_LECTURE",
            UUID.randomUUID(),
            LocalDate.of(2026, 3, 15),
            BigDecimal.valueOf(yearHours),
            BigDecimal.valueOf(yearHours)));
  }

  @Test
  void aPoisonRecordIsParkedOnTheDeadLetterTopicWithItsReasonAndTheNextEventStillCounts()
      throws Exception {
    String key = "poison-" + UUID.randomUUID();
    FEED.sendRaw(Topics.DUES_EVENTS, key, "not an envelope".getBytes(StandardCharsets.UTF_8));
    UUID member = formalMembers(branchA, 1).get(0);
    awaitProcessed(
        approvedMeeting(
            branchA, "COMMITTEE_MEETING", LocalDate.of(2026, 5, 8), List.of(member), List.of()));

    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    String reason = null;
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(Topics.deadLetterOf(Topics.DUES_EVENTS)));
      long end = System.currentTimeMillis() + 20_000;
      while (System.currentTimeMillis() < end && reason == null) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          Header h = r.headers().lastHeader("dangjian-dlt-reason");
          if (key.equals(r.key()) && h != null) {
            reason = new String(h.value(), StandardCharsets.UTF_8);
          }
        }
      }
    }
    assertThat(reason).contains("not an event envelope");
    assertThat(Instant.now()).isNotNull();
  }
}
