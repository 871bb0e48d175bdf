package cn.dangjian.orglife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.events.Topics;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class EventsAndInputIT extends ApiTestSupport {

  @Test
  void anApprovedMeetingReachesOrglifeEventsKeyedByTheMeetingWithAttendeesAndAbsentees()
      throws Exception {
    List<UUID> m = formalMembers(branchA, 3);
    LocalDateTime at =
        LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
            .minusDays(1)
            .withHour(10)
            .truncatedTo(ChronoUnit.HOURS);
    Planned p = plan(worker, branchA, "THEMED_PARTY_DAY", at, null);
    String etag =
        heldAndSubmitted(
            worker, p, recordBody(at, m.subList(0, 2), m.subList(2, 3), minutes("事件"), List.of()));
    step(admin, p.id(), "approve", etag, null).andExpect(status().isOk());

    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "orglife-test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    List<String> types = new ArrayList<>();
    JsonNode approved = null;
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(Topics.ORGLIFE_EVENTS));
      long end = System.currentTimeMillis() + 20_000;
      while (System.currentTimeMillis() < end && approved == null) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (!p.id().toString().equals(r.key())) {
            continue;
          }
          JsonNode envelope = json.readTree(r.value());
          types.add(envelope.get("type").asString());
          if (envelope.get("type").asString().equals("orglife.meeting-approved")) {
            approved = envelope;
          }
        }
      }
    }
    assertThat(types)
        .contains(
            "orglife.meeting-planned",
            "orglife.meeting-held",
            "orglife.meeting-submitted",
            "orglife.meeting-approved");
    JsonNode payload = approved.get("payload");
    assertThat(approved.get("orgPath").asString()).isEqualTo(FEED.pathOf(branchA));
    assertThat(payload.get("orgId").asString()).isEqualTo(branchA.toString());
    assertThat(payload.get("meetingType").asString()).isEqualTo("THEMED_PARTY_DAY");
    assertThat(payload.get("heldOn").asString()).isEqualTo(at.toLocalDate().toString());
    assertThat(payload.get("attendeeIds")).hasSize(2);
    assertThat(payload.get("absentees").get(0).get("memberId").asString())
        .isEqualTo(m.get(2).toString());
    assertThat(payload.get("absentees").get(0).get("reason").asString()).isEqualTo("ILLNESS");
    // the record's 记录人, who is told when a record is returned for correction
    assertThat(payload.get("recorderId").asString()).isEqualTo(m.get(1).toString());
    // ids only: no minutes, no place in the event
    assertThat(approved.toString()).doesNotContain("党员活动室").doesNotContain("会议由支部书记主持");
  }

  @Test
  void aRetriedPlanWithTheSameIdempotencyKeyCreatesOneMeeting() throws Exception {
    formalMembers(branchA, 2);
    LocalDateTime at =
        LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
            .plusDays(3)
            .withHour(9)
            .truncatedTo(ChronoUnit.HOURS);
    String body =
        json.writeValueAsString(
            Map.of(
                "orgId", branchA.toString(),
                "type", "BRANCH_GENERAL_MEETING",
                "title", "季度党员大会",
                "startsAt", at.toString(),
                "endsAt", at.plusHours(2).toString()));
    String key = UUID.randomUUID().toString();
    JsonNode first =
        read(
            as(
                    worker,
                    post("/api/org-life/meetings")
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated()));
    as(
            worker,
            post("/api/org-life/meetings")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isCreated())
        .andExpect(header().string("Idempotency-Replayed", "true"))
        .andExpect(jsonPath("$.id").value(first.get("id").asString()));
    as(worker, get("/api/org-life/meetings").param("orgId", branchA.toString()))
        .andExpect(jsonPath("$.total").value(1));
  }

  @Test
  void badInputIsAProblemInChineseOrEnglishAndChangesNothing() throws Exception {
    as(
            worker,
            post("/api/org-life/meetings")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"orgId\":\"" + branchA + "\",\"type\":\"COMMITTEE_MEETING\",\"bogus\":1}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            header()
                .string(
                    "Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")));
    as(
            worker,
            post("/api/org-life/meetings")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"orgId\":\"" + branchA + "\",\"type\":\"TEA_PARTY\",\"title\":\"x\"}"))
        .andExpect(status().isBadRequest());
    as(
            worker,
            get("/api/org-life/compliance/summary")
                .param("orgId", committee.toString())
                .param("period", "2026-13"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("期间格式应为 2026、2026-Q4 或 2026-11"));
    as(
            worker,
            get("/api/org-life/compliance/summary")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .param("orgId", committee.toString())
                .param("period", "last year"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("A period is 2026, 2026-Q4 or 2026-11"));
    as(worker, get("/api/org-life/meetings/not-a-uuid")).andExpect(status().isBadRequest());
    // a member cannot plan meetings, even with a valid request
    String member =
        KEYCLOAK.token().roles("member").memberId(UUID.randomUUID()).username("m").build();
    LocalDateTime at =
        LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).truncatedTo(ChronoUnit.HOURS);
    as(
            member,
            post("/api/org-life/meetings")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(
                        Map.of(
                            "orgId", branchA.toString(),
                            "type", "BRANCH_GENERAL_MEETING",
                            "title", "x",
                            "startsAt", at.toString(),
                            "endsAt", at.plusHours(1).toString()))))
        .andExpect(status().isForbidden());
    as(worker, get("/api/org-life/meetings").param("orgId", branchA.toString()))
        .andExpect(jsonPath("$.total").value(0));
  }
}
