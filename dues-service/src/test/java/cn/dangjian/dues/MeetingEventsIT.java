package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dangjian.dues.meeting.MeetingStore;
import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.orglife.MeetingRecordChanged;
import cn.dangjian.platform.persistence.UuidV7;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Meetings arrive on orglife.events through the real broker; poison goes to the DLT. */
class MeetingEventsIT extends ApiTestSupport {

  @Autowired MeetingStore meetings;

  private KafkaProducer<String, byte[]> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(props);
  }

  private byte[] envelope(String type, int version, UUID meeting, LocalDate heldOn) {
    MeetingRecordChanged payload =
        new MeetingRecordChanged(
            meeting,
            branchA,
            "BRANCH",
            "COMMITTEE_MEETING",
            "APPROVED",
            heldOn,
            heldOn.atTime(19, 0),
            heldOn.atTime(21, 0),
            version,
            5,
            5,
            List.of(),
            List.of(),
            "",
            true);
    return json.writeValueAsBytes(
        new EventEnvelope<>(
            UuidV7.next(),
            type,
            1,
            Instant.now(),
            "org-life-service",
            meeting.toString(),
            feed.pathOf(branchA),
            json.valueToTree(payload)));
  }

  @Test
  void meetingsArriveFromOrgLifeEventsAndTheNewestRecordWins() throws Exception {
    UUID meeting = UuidV7.next();
    LocalDate held = LocalDate.now().minusDays(5);
    try (KafkaProducer<String, byte[]> producer = producer()) {
      producer.send(
          new ProducerRecord<>(
              Topics.ORGLIFE_EVENTS,
              meeting.toString(),
              envelope(EventTypes.ORGLIFE_MEETING_CORRECTED, 2, meeting, held.minusDays(1))));
      producer.send(
          new ProducerRecord<>(
              Topics.ORGLIFE_EVENTS,
              meeting.toString(),
              envelope(EventTypes.ORGLIFE_MEETING_APPROVED, 0, meeting, held)));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> meetings.find(meeting).isPresent());
    await()
        .atMost(Duration.ofSeconds(10))
        .pollDelay(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(meetings.find(meeting).orElseThrow().heldOn())
                    .isEqualTo(held.minusDays(1)));
    assertThat(meetings.find(meeting).orElseThrow().orgId()).isEqualTo(branchA);
  }

  @Test
  void aRecordThatIsNoEnvelopeIsParkedOnTheDlt() throws Exception {
    String key = "poison-" + UUID.randomUUID();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      producer.send(
          new ProducerRecord<>(
              Topics.ORGLIFE_EVENTS, key, "not json".getBytes(StandardCharsets.UTF_8)));
    }
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(props)) {
      dlt.subscribe(List.of(Topics.ORGLIFE_EVENTS + ".DLT"));
      boolean[] parked = new boolean[1];
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                dlt.poll(Duration.ofMillis(300)).forEach(r -> parked[0] |= key.equals(r.key()));
                return parked[0];
              });
    }
  }
}
