package cn.dangjian.member.statistics;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read model from the topics: the listener stops, the tables and the consumer's
 * processed-event marks are emptied, and the listener starts again from the beginning of every
 * topic. Figures are incomplete until it has caught up ({@code GET /api/statistics/status}); the
 * topics must keep their events (retention.ms=-1 in the deployment) for a replay to be whole.
 */
@Component
class StatisticsRebuild {

  private static final String[] TABLES = {
    "stat_cell", "stat_member_period", "stat_org_period", "stat_flow", "stat_seen", "stat_branch"
  };

  private final KafkaListenerEndpointRegistry registry;
  private final StatisticsConsumer consumer;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  StatisticsRebuild(
      KafkaListenerEndpointRegistry registry,
      StatisticsConsumer consumer,
      JdbcTemplate jdbc,
      Clock clock) {
    this.registry = registry;
    this.consumer = consumer;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  synchronized void rebuild() {
    MessageListenerContainer container =
        registry.getListenerContainer(StatisticsConsumer.LISTENER_ID);
    if (container != null) {
      container.stop();
    }
    for (String table : TABLES) {
      jdbc.execute("TRUNCATE TABLE " + table);
    }
    jdbc.update("DELETE FROM processed_event WHERE consumer = ?", StatisticsConsumer.CONSUMER);
    jdbc.update(
        "UPDATE stat_status SET events_applied = 0, last_event_at = NULL, rebuild_started = ?"
            + " WHERE id = 1",
        Timestamp.from(clock.instant()));
    consumer.replayFromTheBeginning();
    if (container != null) {
      container.start();
    }
  }
}
