package cn.dangjian.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** When the outbox's resubmitter believes the broker is back. */
class BrokerProbeTest {

  // nothing listens on port 9 here: asking the cluster fails
  private final Map<String, Object> nobody =
      Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void aSendAcknowledgedInTheLastFiveSecondsMeansTheBrokerAnswersWithoutAsking() {
    try (var probe = new Closing(new BrokerProbe(nobody, Duration.ofMillis(200), now::get))) {
      probe.it().sendAcknowledged();
      now.addAndGet(Duration.ofSeconds(4).toNanos());

      assertThat(probe.it().acknowledgedRecently()).isTrue();
      assertThat(probe.it().getAsBoolean()).isTrue();
    }
  }

  @Test
  void withoutARecentAcknowledgementTheClusterIsAskedAndAnUnreachableOneDoesNotAnswer() {
    try (var probe = new Closing(new BrokerProbe(nobody, Duration.ofMillis(200), now::get))) {
      assertThat(probe.it().getAsBoolean()).isFalse();

      probe.it().sendAcknowledged();
      now.addAndGet(Duration.ofSeconds(6).toNanos());

      assertThat(probe.it().acknowledgedRecently()).isFalse();
      assertThat(probe.it().getAsBoolean()).isFalse();
    }
  }

  private record Closing(BrokerProbe it) implements AutoCloseable {
    @Override
    public void close() {
      it.destroy();
    }
  }
}
