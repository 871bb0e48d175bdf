package cn.dangjian.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox backlog as metrics: {@code dangjian_outbox_incomplete} (publications not yet taken by
 * Kafka) and {@code dangjian_outbox_oldest_incomplete_seconds}. A growing backlog means the broker
 * is unreachable or a listener keeps failing. Read at most every 10 s, whatever the scrape rate.
 */
public class OutboxMetrics implements MeterBinder {

  private static final Duration CACHE = Duration.ofSeconds(10);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final AtomicLong incomplete = new AtomicLong();
  private final AtomicLong oldestSeconds = new AtomicLong();
  private volatile long readAt = Long.MIN_VALUE;

  public OutboxMetrics(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("dangjian.outbox.incomplete", this, m -> m.refresh().incomplete.get())
        .description("Event publications not yet delivered to Kafka")
        .register(registry);
    Gauge.builder("dangjian.outbox.oldest.incomplete", this, m -> m.refresh().oldestSeconds.get())
        .description("Age of the oldest undelivered event publication")
        .baseUnit("seconds")
        .register(registry);
  }

  private synchronized OutboxMetrics refresh() {
    long now = clock.millis();
    if (now - readAt < CACHE.toMillis()) {
      return this;
    }
    readAt = now;
    try {
      jdbc.query(
          "SELECT COUNT(*), MIN(publication_date) FROM event_publication WHERE completion_date IS NULL",
          rs -> {
            incomplete.set(rs.getLong(1));
            java.sql.Timestamp oldest = rs.getTimestamp(2);
            oldestSeconds.set(oldest == null ? 0 : Math.max(0, (now - oldest.getTime()) / 1000));
          });
    } catch (RuntimeException e) {
      // the database is down: health says so; keep the last values
    }
    return this;
  }
}
