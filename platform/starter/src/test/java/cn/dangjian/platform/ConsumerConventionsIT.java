package cn.dangjian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.events.Topics;
import cn.dangjian.platform.testapp.TestConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Consumers process each event once, retry transient failures and park poison on the DLT. */
class ConsumerConventionsIT extends StarterIntegrationTest {

  @Autowired JdbcTemplate jdbc;

  private static String envelope(UUID eventId) {
    return """
        {"eventId":"%s","type":"dues.bill-issued","version":1,"occurredAt":"2026-11-25T06:00:00Z",
         "source":"dues-service","subjectId":"m-1","orgPath":"/o/","payload":{"amount":"15.00"}}"""
        .formatted(eventId);
  }

  @Test
  void redeliveredEventTakesEffectOnlyOnce() {
    UUID eventId = UUID.randomUUID();
    send("m-1", envelope(eventId));
    send("m-1", envelope(eventId));
    send("m-1", envelope(eventId));

    awaitEffects(eventId, 1);
    sleep(2_000);
    assertThat(effects(eventId)).isEqualTo(1);
  }

  @Test
  void transientFailureIsRetriedWithBackoffAndThenTakesEffect() {
    TestConsumer.TRANSIENT_FAILURES.set(2);
    UUID eventId = UUID.randomUUID();
    send("m-2", envelope(eventId));
    awaitEffects(eventId, 1);
    assertThat(TestConsumer.TRANSIENT_FAILURES.get()).isZero();
  }

  @Test
  void recordFailingWhileTheDatabaseIsAwayWaitsForItInsteadOfTheDeadLetterTopic() {
    // seven failures: more than the retries after which any other failure is parked
    TestConsumer.DATABASE_AWAY.set(7);
    UUID eventId = UUID.randomUUID();
    String key = "db-away-" + eventId;
    send(key, envelope(eventId));

    awaitEffects(eventId, 1);
    assertThat(TestConsumer.DATABASE_AWAY.get()).isZero();
    assertThat(readDeadLetter(key, Duration.ofSeconds(3))).as("parked on the DLT").isNull();
  }

  @Test
  void poisonRecordLandsOnTheDeadLetterTopicWithTheReasonAndDoesNotBlockTheNext() {
    String key = "poison-" + UUID.randomUUID();
    send(key, "this is not an envelope");
    UUID next = UUID.randomUUID();
    send("m-3", envelope(next));

    ConsumerRecord<String, String> dead = readDeadLetter(key, Duration.ofSeconds(30));
    assertThat(dead).as("poison record on %s", Topics.deadLetterOf(Topics.DUES_EVENTS)).isNotNull();
    assertThat(dead.value()).isEqualTo("this is not an envelope");
    String reason =
        new String(
            dead.headers().lastHeader(DangjianEventsAutoConfiguration.DLT_REASON_HEADER).value(),
            StandardCharsets.UTF_8);
    assertThat(reason).contains("not an event envelope");
    awaitEffects(next, 1);
  }

  private void send(String key, String value) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>(Topics.DUES_EVENTS, key, value));
      producer.flush();
    }
  }

  private int effects(UUID eventId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM consumed_effect WHERE event_id = ?",
        Integer.class,
        eventId.toString());
  }

  private void awaitEffects(UUID eventId, int expected) {
    long deadline = System.currentTimeMillis() + 30_000;
    while (effects(eventId) < expected && System.currentTimeMillis() < deadline) {
      sleep(200);
    }
    assertThat(effects(eventId)).isEqualTo(expected);
  }

  private ConsumerRecord<String, String> readDeadLetter(String key, Duration timeout) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KAFKA.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "dlt-reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(Topics.deadLetterOf(Topics.DUES_EVENTS)));
      long deadline = System.currentTimeMillis() + timeout.toMillis();
      while (System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
          if (key.equals(record.key())) {
            return record;
          }
        }
      }
    }
    return null;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
