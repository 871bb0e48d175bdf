package cn.dangjian.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.orglife.MeetingPlanned;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumers read both shapes: records as published before the CloudEvents headers (the envelope
 * alone) and records with them; the envelope wins, the {@code ce_*} headers fill what it lacks.
 */
class EventEnvelopeReaderTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final UUID MEMBER = UUID.fromString("0193a5b2-7c1e-7b6a-9f1e-000000000010");
  private static final UUID ORG = UUID.fromString("0193a5b2-7c1e-7b6a-9f1e-000000000002");

  private final EventEnvelopeReader reader = new EventEnvelopeReader();

  private final EventEnvelope<MemberRegistered> envelope =
      new EventEnvelope<>(
          UUID.fromString("0193a5b2-7c1e-7b6a-9f1e-2a3b4c5d6e80"),
          EventTypes.MEMBER_REGISTERED,
          1,
          Instant.parse("2026-11-25T06:31:00.123Z"),
          "member-service",
          MEMBER.toString(),
          "/" + ORG + "/",
          new MemberRegistered(MEMBER, ORG, "FULL", "EMPLOYED", LocalDate.of(2019, 7, 1), null));

  @Test
  void meetingTimesReadTheSameWithTheBeijingOffsetAsWithout() {
    for (String startsAt : List.of("2026-11-20T14:30:00+08:00", "2026-11-20T14:30:00")) {
      var value = (tools.jackson.databind.node.ObjectNode) JSON.valueToTree(envelope);
      value.put("type", EventTypes.ORGLIFE_MEETING_PLANNED);
      value.set(
          "payload",
          JSON.readTree(
              "{\"meetingId\":\""
                  + MEMBER
                  + "\",\"orgId\":\""
                  + ORG
                  + "\",\"meetingType\":\"THEMED_PARTY_DAY\",\"startsAt\":\""
                  + startsAt
                  + "\",\"endsAt\":\"2026-11-20T08:00:00Z\",\"expectedMemberIds\":[]}"));
      EventEnvelope<JsonNode> read = reader.read(record(JSON.writeValueAsBytes(value), Map.of()));
      MeetingPlanned planned = reader.payload(read, MeetingPlanned.class);

      assertThat(planned.startsAt()).isEqualTo(LocalDateTime.of(2026, 11, 20, 14, 30));
      assertThat(planned.endsAt()).isEqualTo(LocalDateTime.of(2026, 11, 20, 16, 0));
    }
  }

  @Test
  void aRecordWithoutCloudEventsHeadersReadsAsBefore() {
    EventEnvelope<JsonNode> read = reader.read(record(JSON.writeValueAsBytes(envelope), Map.of()));

    assertSameEnvelope(read);
  }

  @Test
  void aRecordWithCloudEventsHeadersReadsTheSame() {
    EventEnvelope<JsonNode> read =
        reader.read(record(JSON.writeValueAsBytes(envelope), CloudEventHeaders.of(envelope)));

    assertSameEnvelope(read);
  }

  @Test
  void theEnvelopeWinsOverHeadersThatSaySomethingElse() {
    Map<String, Object> headers = new java.util.HashMap<>(CloudEventHeaders.of(envelope));
    headers.put(CloudEventHeaders.ID, bytes(UUID.randomUUID().toString()));
    headers.put(CloudEventHeaders.TYPE, bytes("member.updated"));

    assertSameEnvelope(reader.read(record(JSON.writeValueAsBytes(envelope), headers)));
  }

  @Test
  void anEnvelopeWithoutIdAndTypeTakesThemFromTheHeaders() {
    var value = (tools.jackson.databind.node.ObjectNode) JSON.valueToTree(envelope);
    value.remove("eventId");
    value.remove("type");

    assertSameEnvelope(
        reader.read(record(JSON.writeValueAsBytes(value), CloudEventHeaders.of(envelope))));
  }

  @Test
  void aBinaryModeCloudEventWhoseValueIsThePayloadReadsAsAnEnvelope() {
    EventEnvelope<JsonNode> read =
        reader.read(
            record(JSON.writeValueAsBytes(envelope.payload()), CloudEventHeaders.of(envelope)));

    assertSameEnvelope(read);
  }

  @Test
  void withoutEnvelopeOrHeadersARecordIsPoison() {
    var value = (tools.jackson.databind.node.ObjectNode) JSON.valueToTree(envelope);
    value.remove("type");

    assertThatThrownBy(() -> reader.read(record(JSON.writeValueAsBytes(value), Map.of())))
        .isInstanceOf(PoisonEventException.class);
    assertThatThrownBy(
            () -> reader.read(record(JSON.writeValueAsBytes(envelope.payload()), Map.of())))
        .isInstanceOf(PoisonEventException.class);
    assertThatThrownBy(() -> reader.read(record(bytes("[1, 2]"), CloudEventHeaders.of(envelope))))
        .isInstanceOf(PoisonEventException.class);
    assertThatThrownBy(() -> reader.read(record(bytes("{not json"), Map.of())))
        .isInstanceOf(PoisonEventException.class);
  }

  @Test
  void headersCarryTheCloudEventsAttributesAsPlainText() {
    Map<String, Object> headers = CloudEventHeaders.of(envelope);

    assertThat(headers)
        .containsEntry(CloudEventHeaders.EVENT_TYPE, "member.registered")
        .containsEntry(CloudEventHeaders.EVENT_ID, envelope.eventId().toString());
    assertThat(text(headers, "ce_specversion")).isEqualTo("1.0");
    assertThat(text(headers, "ce_id")).isEqualTo(envelope.eventId().toString());
    assertThat(text(headers, "ce_type")).isEqualTo("member.registered");
    assertThat(text(headers, "ce_source")).isEqualTo("/dangjian/member-service");
    assertThat(text(headers, "ce_time")).isEqualTo("2026-11-25T06:31:00.123Z");
    assertThat(text(headers, "ce_subject")).isEqualTo(MEMBER.toString());
    assertThat(text(headers, "ce_orgpath")).isEqualTo("/" + ORG + "/");
    assertThat(text(headers, "content-type")).isEqualTo("application/json");
  }

  private void assertSameEnvelope(EventEnvelope<JsonNode> read) {
    assertThat(read.eventId()).isEqualTo(envelope.eventId());
    assertThat(read.type()).isEqualTo(envelope.type());
    assertThat(read.version()).isEqualTo(1);
    assertThat(read.occurredAt()).isEqualTo(envelope.occurredAt());
    assertThat(read.source()).isEqualTo("member-service");
    assertThat(read.subjectId()).isEqualTo(MEMBER.toString());
    assertThat(read.orgPath()).isEqualTo(envelope.orgPath());
    assertThat(reader.payload(read, MemberRegistered.class)).isEqualTo(envelope.payload());
  }

  private static ConsumerRecord<String, byte[]> record(byte[] value, Map<String, Object> headers) {
    RecordHeaders kafkaHeaders = new RecordHeaders();
    headers.forEach(
        (name, v) -> kafkaHeaders.add(name, v instanceof byte[] b ? b : bytes(v.toString())));
    return new ConsumerRecord<>(
        "member.events",
        0,
        0L,
        0L,
        TimestampType.CREATE_TIME,
        -1,
        value.length,
        MEMBER.toString(),
        value,
        kafkaHeaders,
        java.util.Optional.empty());
  }

  private static String text(Map<String, Object> headers, String name) {
    return new String((byte[]) headers.get(name), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
