package cn.dangjian.platform.events;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox table read as plain rows: the resubmitter checks each incomplete entry here before
 * Modulith loads them all (Modulith maps {@code event_type} to a class while loading, so one entry
 * whose class is gone fails the whole load).
 */
class OutboxQueries {

  /** An incomplete outbox entry as stored. */
  record Entry(UUID id, String eventType, String serializedEvent) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  OutboxQueries(JdbcTemplate jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /**
   * Incomplete entries whose send failed, and those whose send (or last resend) started before
   * {@code staleBefore} and never finished: the replica sending them died.
   */
  List<Entry> failedOrStaleBefore(Instant staleBefore, int limit) {
    return jdbc.query(
        "SELECT id, event_type, serialized_event FROM event_publication"
            + " WHERE completion_date IS NULL AND (status = 'FAILED'"
            + " OR COALESCE(last_resubmission_date, publication_date) < ?)"
            + " ORDER BY publication_date LIMIT ?",
        (rs, row) -> new Entry(uuid(rs.getBytes(1)), rs.getString(2), rs.getString(3)),
        utc(staleBefore),
        limit);
  }

  /**
   * Moves the entry to {@code event_publication_unreadable}.
   *
   * @return false if another instance moved it first
   */
  boolean park(UUID id, String reason, Instant now) {
    Boolean moved =
        transactions.execute(
            status -> {
              int copied =
                  jdbc.update(
                      "INSERT IGNORE INTO event_publication_unreadable (id, listener_id,"
                          + " event_type, serialized_event, publication_date, parked_at, reason)"
                          + " SELECT id, listener_id, event_type, serialized_event,"
                          + " publication_date, ?, ? FROM event_publication"
                          + " WHERE id = ? AND completion_date IS NULL",
                      utc(now),
                      reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                      bytes(id));
              jdbc.update(
                  "DELETE FROM event_publication WHERE id = ? AND completion_date IS NULL",
                  bytes(id));
              return copied == 1;
            });
    return Boolean.TRUE.equals(moved);
  }

  /** The outbox's timestamps are Hibernate's, written as UTC (hibernate.jdbc.time_zone). */
  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
