package cn.dangjian.platform.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Idempotent consumers: records each processed event id in the same transaction as its effect, so a
 * redelivered event is recognised and skipped, and a failed effect leaves no mark.
 */
public class ProcessedEvents {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public ProcessedEvents(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Marks the event processed by this consumer.
   *
   * @return true the first time, false if it was processed before (skip the effect)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean markFirstTime(UUID eventId, String consumer, String eventType) {
    try {
      jdbc.update(
          "INSERT INTO processed_event (event_id, consumer, event_type, processed_at) VALUES (?,?,?,?)",
          eventId.toString(),
          consumer,
          eventType,
          Timestamp.from(clock.instant()));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }
}
