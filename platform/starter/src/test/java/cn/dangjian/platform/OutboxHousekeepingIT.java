package cn.dangjian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.platform.events.OutboxHousekeeping;
import cn.dangjian.testsupport.Replicas;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Delivered outbox entries, expired idempotency keys and old processed-event marks go; nothing
 * undelivered ever does; with several replicas, each round of the outbox's chores runs on one.
 */
class OutboxHousekeepingIT extends StarterIntegrationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired OutboxHousekeeping housekeeping;
  @Autowired DataSource dataSource;

  @Autowired
  @Qualifier("outboxHousekeepingTask")
  RecurringTask<?> housekeepingTask;

  @Autowired
  @Qualifier("outboxResubmitterTask")
  RecurringTask<?> resubmitterTask;

  @Test
  void outboxChoresRunOncePerRoundAcrossReplicas() {
    assertThat(Replicas.runsOfOneRound(dataSource, housekeepingTask)).isEqualTo(1);
    assertThat(Replicas.runsOfOneRound(dataSource, resubmitterTask)).isEqualTo(1);
  }

  private UUID publication(Instant published, Instant completed) {
    UUID id = UUID.randomUUID();
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    jdbc.update(
        "INSERT INTO event_publication (id, listener_id, event_type, serialized_event,"
            + " publication_date, completion_date, status) VALUES (?,?,?,?,?,?,?)",
        bytes.array(),
        "housekeeping-test",
        "cn.dangjian.events.EventEnvelope",
        "{}",
        Timestamp.from(published),
        completed == null ? null : Timestamp.from(completed),
        completed == null ? "PUBLISHED" : "COMPLETED");
    return id;
  }

  private boolean exists(UUID id) {
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    return jdbc.queryForObject(
            "SELECT COUNT(*) FROM event_publication WHERE id = ?", Integer.class, bytes.array())
        == 1;
  }

  @Test
  void deliveredEntriesPastTheRetentionAreDeletedAndUndeliveredOnesStayWhateverTheirAge() {
    Instant now = Instant.now();
    UUID oldDelivered = publication(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
    UUID recentDelivered =
        publication(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
    UUID oldUndelivered = publication(now.minus(Duration.ofDays(30)), null);
    String oldKey = "old-" + UUID.randomUUID();
    String freshKey = "fresh-" + UUID.randomUUID();
    for (String key : new String[] {oldKey, freshKey}) {
      jdbc.update(
          "INSERT INTO idempotency_key (principal, idem_key, request_hash, created_at)"
              + " VALUES (?,?,?,?)",
          "housekeeping",
          key,
          "hash",
          Timestamp.from(key.equals(oldKey) ? now.minus(Duration.ofHours(30)) : now));
    }

    try {
      assertThat(housekeeping.cleanUpNow()).isGreaterThanOrEqualTo(2);

      assertThat(exists(oldDelivered)).isFalse();
      assertThat(exists(recentDelivered)).isTrue();
      assertThat(exists(oldUndelivered)).as("never delete what was not delivered").isTrue();
      assertThat(
              jdbc.queryForList(
                  "SELECT idem_key FROM idempotency_key WHERE principal = 'housekeeping'",
                  String.class))
          .containsExactly(freshKey);
    } finally {
      // the fake undelivered entry would otherwise be resubmitted by the other tests' outbox
      jdbc.update("DELETE FROM event_publication WHERE listener_id = 'housekeeping-test'");
    }
  }

  @Test
  void processedEventMarksOlderThanThirtyDaysAreForgottenYoungerOnesStillDeduplicate() {
    Instant now = Instant.now();
    String old = UUID.randomUUID().toString();
    String recent = UUID.randomUUID().toString();
    for (String id : new String[] {old, recent}) {
      jdbc.update(
          "INSERT INTO processed_event (event_id, consumer, event_type, processed_at)"
              + " VALUES (?,?,?,?)",
          id,
          "housekeeping-test",
          "member.registered",
          Timestamp.from(
              id.equals(old) ? now.minus(Duration.ofDays(31)) : now.minus(Duration.ofDays(29))));
    }
    try {
      housekeeping.cleanUpNow();

      assertThat(
              jdbc.queryForList(
                  "SELECT event_id FROM processed_event WHERE consumer = 'housekeeping-test'",
                  String.class))
          .containsExactly(recent);
    } finally {
      jdbc.update("DELETE FROM processed_event WHERE consumer = 'housekeeping-test'");
    }
  }
}
