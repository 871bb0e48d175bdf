package cn.dangjian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.events.Topics;
import cn.dangjian.platform.events.BrokerProbe;
import cn.dangjian.platform.events.IncompletePublicationResubmitter;
import cn.dangjian.platform.persistence.Uuids;
import cn.dangjian.platform.testapp.Note;
import cn.dangjian.platform.testapp.NoteService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactional outbox (ARCHITECTURE.md, Events): published only after commit, never for a
 * rollback, and kept until delivered when Kafka is gone at commit time (Modulith issue #395 once
 * marked such sends completed — this test guards against that).
 */
class OutboxIT extends StarterIntegrationTest {

  @Autowired NoteService notes;
  @Autowired JdbcTemplate jdbc;
  @Autowired IncompletePublicationResubmitter resubmitter;
  @Autowired BrokerProbe brokerProbe;

  @Test
  void committedChangeIsPublishedOnceKeyedBySubjectWithTheEnvelope() {
    Note note = notes.create("组织生活记录", 3, false);

    List<ConsumerRecord<String, String>> records =
        recordsFor(note.getId(), Duration.ofSeconds(20), 1);

    assertThat(records).hasSize(1);
    ConsumerRecord<String, String> record = records.get(0);
    assertThat(record.key()).isEqualTo(note.getId().toString());
    assertThat(record.value())
        .contains("\"type\":\"org.created\"")
        .contains("\"source\":\"starter-test\"")
        .contains("\"version\":1")
        .contains("\"subjectId\":\"" + note.getId() + "\"");
    // CloudEvents binary mode alongside the envelope and the dangjian-event-* headers
    assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
    assertThat(record.value()).contains("\"eventId\":\"" + header(record, "ce_id") + "\"");
    assertThat(header(record, "ce_type")).isEqualTo("org.created");
    assertThat(header(record, "ce_source")).isEqualTo("/dangjian/starter-test");
    assertThat(header(record, "ce_subject")).isEqualTo(note.getId().toString());
    assertThat(Instant.parse(header(record, "ce_time"))).isBeforeOrEqualTo(Instant.now());
    assertThat(header(record, "content-type")).isEqualTo("application/json");
    assertThat(header(record, "dangjian-event-type")).isEqualTo("org.created");
    assertThat(header(record, "dangjian-event-id")).isEqualTo(header(record, "ce_id"));
    awaitCompleted(note.getId());
    // the acknowledged send tells the outbox's resubmitter that the broker is back
    assertThat(brokerProbe.acknowledgedRecently()).isTrue();
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    assertThat(header).as("header %s", name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  @Test
  void rolledBackChangePublishesNothing() {
    long before = publications();
    assertThatThrownBy(() -> notes.create("回滚", 1, true)).isInstanceOf(IllegalStateException.class);
    assertThat(publications()).isEqualTo(before);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM note WHERE title='回滚'", Integer.class))
        .isZero();
  }

  @Test
  void eventCommittedWhileKafkaIsDownStaysIncompleteAndIsDeliveredWhenKafkaIsBack()
      throws InterruptedException {
    KAFKA.stop();
    Note note;
    try {
      note = notes.create("断网期间", 1, false);
      // The send fails after delivery.timeout.ms (15 s); the publication must stay incomplete.
      awaitStatus(note.getId(), "FAILED", Duration.ofSeconds(60));
      assertThat(incomplete(note.getId())).as("publication stays incomplete").isEqualTo(1);
    } finally {
      KAFKA.start();
    }
    // the resubmitter resends nothing until the broker answers its probe again, and a round every
    // 500 ms does not resend the send still in flight (resubmit-after, 1 m: at 0 s it did, twice)
    long deadline = System.currentTimeMillis() + 15_000;
    while (incomplete(note.getId()) > 0 && System.currentTimeMillis() < deadline) {
      resubmitter.resubmitNow();
      sleep(500);
    }

    List<ConsumerRecord<String, String>> records =
        recordsFor(note.getId(), Duration.ofSeconds(30), 1);
    assertThat(records).hasSize(1);
    awaitCompleted(note.getId());
  }

  @Test
  void oneUnreadableOutboxRowDoesNotStopTheOthers() {
    Note note = notes.create("坏记录之后", 1, false);
    awaitCompleted(note.getId());
    // an undelivered copy of the delivered entry (as if Kafka had been down), behind two entries
    // nobody can read any more: one whose event class was removed, one whose JSON is corrupt
    UUID gone = UUID.randomUUID();
    UUID corrupt = UUID.randomUUID();
    UUID undelivered = UUID.randomUUID();
    copyAsUndelivered(note.getId(), gone, 12);
    jdbc.update(
        "UPDATE event_publication SET event_type = 'cn.dangjian.events.RemovedLongAgo'"
            + " WHERE id = ?",
        Uuids.bytes(gone));
    copyAsUndelivered(note.getId(), corrupt, 11);
    jdbc.update(
        "UPDATE event_publication SET serialized_event = '{\"type\":' WHERE id = ?",
        Uuids.bytes(corrupt));
    copyAsUndelivered(note.getId(), undelivered, 10);

    // (other tests of this context may have left unreadable entries too)
    assertThat(resubmitter.resubmitNow()).as("entries moved aside").isGreaterThanOrEqualTo(2);

    long deadline = System.currentTimeMillis() + 10_000;
    while (!completed(undelivered) && System.currentTimeMillis() < deadline) {
      sleep(200);
    }
    assertThat(completed(undelivered)).as("the readable entry is delivered").isTrue();
    assertThat(
            jdbc.queryForList(
                "SELECT event_type FROM event_publication_unreadable WHERE id IN (?,?)",
                String.class,
                Uuids.bytes(gone),
                Uuids.bytes(corrupt)))
        .containsExactlyInAnyOrder(
            "cn.dangjian.events.RemovedLongAgo", "cn.dangjian.events.EventEnvelope");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM event_publication WHERE id IN (?,?)",
                Integer.class,
                Uuids.bytes(gone),
                Uuids.bytes(corrupt)))
        .as("unreadable entries no longer block the outbox")
        .isZero();
    assertThat(resubmitter.resubmitNow()).as("reported once, not every round").isZero();
  }

  /** A copy of the subject's delivered entry, undelivered and published minutes earlier. */
  private void copyAsUndelivered(UUID subject, UUID id, int minutesEarlier) {
    jdbc.update(
        "INSERT INTO event_publication (id, listener_id, event_type, serialized_event,"
            + " publication_date, completion_date, status, completion_attempts)"
            + " SELECT ?, listener_id, event_type, serialized_event,"
            + " publication_date - INTERVAL ? MINUTE, NULL, 'FAILED', 1"
            + " FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS NOT NULL"
            + " LIMIT 1",
        Uuids.bytes(id),
        minutesEarlier,
        "%" + subject + "%");
  }

  private boolean completed(UUID id) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "SELECT completion_date IS NOT NULL FROM event_publication WHERE id = ?",
            Boolean.class,
            Uuids.bytes(id)));
  }

  private long publications() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM event_publication", Long.class);
  }

  private int incomplete(UUID subject) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?",
        Integer.class,
        "%" + subject + "%");
  }

  private void awaitStatus(UUID subject, String status, Duration timeout) {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    String current = null;
    while (System.currentTimeMillis() < deadline) {
      current =
          jdbc.queryForObject(
              "SELECT status FROM event_publication WHERE serialized_event LIKE ?",
              String.class,
              "%" + subject + "%");
      if (status.equals(current)) {
        return;
      }
      sleep(250);
    }
    assertThat(current).as("publication status").isEqualTo(status);
  }

  private void awaitCompleted(UUID subject) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (incomplete(subject) > 0 && System.currentTimeMillis() < deadline) {
      sleep(200);
    }
    assertThat(incomplete(subject)).as("publication completed").isZero();
  }

  private List<ConsumerRecord<String, String>> recordsFor(
      UUID subject, Duration timeout, int expected) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KAFKA.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "outbox-it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(Topics.MEMBER_EVENTS));
      long deadline = System.currentTimeMillis() + timeout.toMillis();
      while (System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
          if (subject.toString().equals(record.key())) {
            found.add(record);
          }
        }
        if (found.size() >= expected) {
          // Keep polling a little to catch a duplicate.
          for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(2))) {
            if (subject.toString().equals(record.key())) {
              found.add(record);
            }
          }
          break;
        }
      }
    }
    return found;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
