package cn.dangjian.member.statistics;

import java.time.Clock;
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

  private final KafkaListenerEndpointRegistry registry;
  private final StatisticsConsumer consumer;
  private final ReadModelStore store;
  private final Clock clock;

  StatisticsRebuild(
      KafkaListenerEndpointRegistry registry,
      StatisticsConsumer consumer,
      ReadModelStore store,
      Clock clock) {
    this.registry = registry;
    this.consumer = consumer;
    this.store = store;
    this.clock = clock;
  }

  synchronized void rebuild() {
    MessageListenerContainer container =
        registry.getListenerContainer(StatisticsConsumer.LISTENER_ID);
    if (container != null) {
      container.stop();
    }
    store.reset(StatisticsConsumer.CONSUMER, clock.instant());
    consumer.replayFromTheBeginning();
    if (container != null) {
      container.start();
    }
  }
}
