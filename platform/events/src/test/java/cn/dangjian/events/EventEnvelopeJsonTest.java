package cn.dangjian.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.member.OrgCreated;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventEnvelopeJsonTest {

  // Consumers must tolerate fields added later (schemas only grow).
  private final JsonMapper consumerMapper =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  @Test
  void memberRegisteredSurvivesAJsonRoundTrip() {
    UUID memberId = UUID.randomUUID();
    UUID orgId = UUID.randomUUID();
    var envelope =
        new EventEnvelope<>(
            UUID.randomUUID(),
            EventTypes.MEMBER_REGISTERED,
            1,
            Instant.parse("2026-11-25T06:31:00Z"),
            "member-service",
            memberId.toString(),
            "/" + orgId + "/",
            new MemberRegistered(
                memberId,
                orgId,
                "FULL",
                "EMPLOYED",
                LocalDate.of(2019, 7, 1),
                LocalDate.of(2020, 7, 1)));

    String json = consumerMapper.writeValueAsString(envelope);
    EventEnvelope<MemberRegistered> back =
        consumerMapper.readValue(json, new TypeReference<EventEnvelope<MemberRegistered>>() {});

    assertThat(back).isEqualTo(envelope);
    assertThat(json).contains("\"occurredAt\":\"2026-11-25T06:31:00Z\"");
    assertThat(json).contains("\"joinDate\":\"2019-07-01\"");
  }

  /** Optional fields added to a type after its first sample was frozen (schemas only grow). */
  private static final java.util.Map<String, java.util.List<String>> ADDED_LATER =
      java.util.Map.of(
          EventTypes.MEMBER_UPDATED,
          java.util.List.of("duesCategory", "stage"),
          EventTypes.MEMBER_DEVELOPMENT_STEP,
          java.util.List.of("joinDate", "fullMemberDate", "approvalId", "lateReason"),
          EventTypes.MEMBER_APPROVAL_CHANGED,
          java.util.List.of("terms"),
          EventTypes.ORGLIFE_MEETING_HELD,
          java.util.List.of("counted", "guestIds", "recorderId"),
          EventTypes.ORGLIFE_MEETING_SUBMITTED,
          java.util.List.of("counted", "guestIds", "recorderId"),
          EventTypes.ORGLIFE_MEETING_APPROVED,
          java.util.List.of("counted", "guestIds", "recorderId"),
          EventTypes.ORGLIFE_MEETING_RETURNED,
          java.util.List.of("counted", "guestIds", "recorderId"),
          EventTypes.ORGLIFE_MEETING_CORRECTED,
          java.util.List.of("counted", "guestIds", "recorderId"),
          EventTypes.COMMITTEE_CHANGED,
          java.util.List.of("memberIds", "secretarySince", "effectiveOn"));

  static Iterable<String> publishedTypes() {
    return EventTypes.all().keySet();
  }

  /** Every published type keeps a v1 sample; today's records must still read it. */
  @ParameterizedTest
  @MethodSource("publishedTypes")
  void everyPublishedTypeStillReadsItsFirstPublishedSample(String type) throws IOException {
    EventTypes.Definition definition = EventTypes.find(type).orElseThrow();
    String sample = sample(type + ".v1.json");

    JsonNode tree = consumerMapper.readTree(sample);
    assertThat(tree.get("type").asString()).isEqualTo(type);
    Object payload = consumerMapper.treeToValue(tree.get("payload"), definition.payloadType());
    java.util.List<String> optional = new java.util.ArrayList<>(List.of("parentId"));
    optional.addAll(ADDED_LATER.getOrDefault(type, List.of()));
    assertThat(payload).hasNoNullFieldsOrPropertiesExcept(optional.toArray(String[]::new));
    EventEnvelope<?> envelope = consumerMapper.readValue(sample, EventEnvelope.class);
    assertThat(envelope.version()).isEqualTo(1);
  }

  /** org-life publishes whether a meeting counts; events from before the field count by status. */
  @Test
  void aMeetingCountsAsOrgLifePublishedItOrByStatusInOlderEvents() {
    var approvedV1 =
        consumerMapper.treeToValue(
            consumerMapper.readTree(sample("orglife.meeting-approved.v1.json")).get("payload"),
            cn.dangjian.events.orglife.MeetingRecordChanged.class);
    var heldV1 =
        consumerMapper.treeToValue(
            consumerMapper.readTree(sample("orglife.meeting-held.v1.json")).get("payload"),
            cn.dangjian.events.orglife.MeetingRecordChanged.class);
    assertThat(approvedV1.counted()).isNull();
    assertThat(approvedV1.counts()).isTrue();
    assertThat(heldV1.counts()).isFalse();

    var withdrawn =
        new cn.dangjian.events.orglife.MeetingRecordChanged(
            approvedV1.meetingId(),
            approvedV1.orgId(),
            approvedV1.orgType(),
            approvedV1.meetingType(),
            "APPROVED",
            approvedV1.heldOn(),
            approvedV1.startsAt(),
            approvedV1.endsAt(),
            approvedV1.recordVersion(),
            approvedV1.expectedCount(),
            approvedV1.actualCount(),
            approvedV1.attendeeIds(),
            approvedV1.absentees(),
            "",
            false);
    assertThat(withdrawn.counts()).as("org-life's decision wins over the status").isFalse();
  }

  @Test
  void consumersIgnoreFieldsAddedByANewerProducer() {
    String newer =
        sample("org.created.v1.json").replace("\"orgType\"", "\"addedLater\": 42, \"orgType\"");
    EventEnvelope<OrgCreated> envelope =
        consumerMapper.readValue(newer, new TypeReference<EventEnvelope<OrgCreated>>() {});
    assertThat(envelope.payload().orgType()).isEqualTo("BRANCH");
  }

  @Test
  void anEnvelopeWithoutTypeIsRejected() {
    String broken = sample("org.created.v1.json").replace("\"type\": \"org.created\",", "");
    assertThatThrownBy(() -> consumerMapper.readValue(broken, EventEnvelope.class))
        .hasStackTraceContaining("type");
  }

  @Test
  void everyTypeIsPublishedOnAKnownTopic() {
    assertThat(EventTypes.all().values())
        .allSatisfy(
            d ->
                assertThat(d.topic())
                    .isIn(
                        Topics.MEMBER_EVENTS,
                        Topics.DUES_EVENTS,
                        Topics.ORGLIFE_EVENTS,
                        Topics.ASSESSMENT_EVENTS,
                        Topics.ALERT_EVENTS));
    assertThat(Topics.deadLetterOf(Topics.MEMBER_EVENTS)).isEqualTo("member.events.DLT");
  }

  private static String sample(String name) {
    try (InputStream in = EventEnvelopeJsonTest.class.getResourceAsStream("/samples/" + name)) {
      assertThat(in).as("sample %s exists", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
