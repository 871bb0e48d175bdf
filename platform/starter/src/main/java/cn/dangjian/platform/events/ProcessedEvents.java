package cn.dangjian.platform.events;

import cn.dangjian.events.EventEnvelope;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

  /**
   * A whole poll at once (two statements instead of one per event): marks the events of the list
   * this consumer has not processed before.
   *
   * @return those events, in their order (an id twice in the list counts once)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public <P> List<EventEnvelope<P>> markFirstTime(List<EventEnvelope<P>> events, String consumer) {
    if (events.isEmpty()) {
      return List.of();
    }
    Set<String> seen = new HashSet<>();
    new NamedParameterJdbcTemplate(jdbc)
        .query(
            "SELECT event_id FROM processed_event WHERE consumer = :consumer AND event_id IN (:ids)",
            new MapSqlParameterSource()
                .addValue("consumer", consumer)
                .addValue("ids", events.stream().map(e -> e.eventId().toString()).toList()),
            rs -> {
              seen.add(rs.getString(1));
            });
    List<EventEnvelope<P>> first = new ArrayList<>();
    for (EventEnvelope<P> event : events) {
      if (seen.add(event.eventId().toString())) {
        first.add(event);
      }
    }
    Timestamp now = Timestamp.from(clock.instant());
    // a concurrent duplicate (another instance during a rebalance) fails the insert and with it
    // the caller's transaction: the poll is then retried and finds the event processed
    // one multi-row statement per 500 marks: a JDBC batch is a round trip per row unless the
    // driver rewrites it, and a busy consumer marks a whole poll at once
    for (int from = 0; from < first.size(); from += 500) {
      List<EventEnvelope<P>> part = first.subList(from, Math.min(first.size(), from + 500));
      List<Object> args = new ArrayList<>(part.size() * 4);
      StringBuilder sql =
          new StringBuilder(
              "INSERT INTO processed_event (event_id, consumer, event_type, processed_at) VALUES ");
      for (int i = 0; i < part.size(); i++) {
        sql.append(i == 0 ? "(?,?,?,?)" : ",(?,?,?,?)");
        EventEnvelope<P> e = part.get(i);
        args.add(e.eventId().toString());
        args.add(consumer);
        args.add(e.type());
        args.add(now);
      }
      jdbc.update(sql.toString(), args.toArray());
    }
    return first;
  }
}
