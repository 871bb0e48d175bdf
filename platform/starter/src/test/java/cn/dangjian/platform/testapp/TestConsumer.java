package cn.dangjian.platform.testapp;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.Topics;
import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.events.ProcessedEvents;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** A consumer written the way services write them: read the envelope, process each id once. */
@Component
public class TestConsumer {

  /** Failures to simulate before succeeding, to exercise retry with backoff. */
  public static final AtomicInteger TRANSIENT_FAILURES = new AtomicInteger();

  /** Times the database is "unreachable" before it is back (more than the retries before DLT). */
  public static final AtomicInteger DATABASE_AWAY = new AtomicInteger();

  private final EventEnvelopeReader reader;
  private final ProcessedEvents processed;
  private final JdbcTemplate jdbc;

  TestConsumer(EventEnvelopeReader reader, ProcessedEvents processed, JdbcTemplate jdbc) {
    this.reader = reader;
    this.processed = processed;
    this.jdbc = jdbc;
  }

  @KafkaListener(topics = Topics.DUES_EVENTS, groupId = "starter-test-consumer")
  @Transactional
  public void on(ConsumerRecord<String, byte[]> record) {
    EventEnvelope<JsonNode> envelope = reader.read(record);
    if (!processed.markFirstTime(envelope.eventId(), "starter-test-consumer", envelope.type())) {
      return;
    }
    if (DATABASE_AWAY.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new CannotGetJdbcConnectionException(
          "simulated: database restarting", new SQLTransientConnectionException("refused"));
    }
    if (TRANSIENT_FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("simulated transient failure");
    }
    jdbc.update("INSERT INTO consumed_effect (event_id) VALUES (?)", envelope.eventId().toString());
  }
}
