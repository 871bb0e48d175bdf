package cn.dangjian.devstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An in-process Kafka broker (KRaft, one combined broker/controller) from spring-kafka-test, on a
 * fixed port, with the platform's topics and their {@code .DLT} topics.
 *
 * <p>{@code EmbeddedKafkaKraftBroker} ignores {@code kafkaPorts(...)} (its test kit pre-binds
 * random ports for its own {@code EXTERNAL} and {@code CONTROLLER} listeners), so the fixed port is
 * an extra listener {@code DEVSTACK://127.0.0.1:<port>}; clients that bootstrap there are told to
 * stay on it. Data lives in a temporary directory that is deleted on stop.
 */
public final class KafkaLauncher implements AutoCloseable {

  /** The topics each service publishes to (see platform/events {@code Topics}). */
  public static final List<String> TOPICS =
      List.of(
          "member.events", "dues.events", "orglife.events", "assessment.events", "alert.events");

  public static final String DLT_SUFFIX = ".DLT";

  /**
   * Partitions per topic. A {@code .DLT} topic has as many partitions as its source, because
   * Spring's dead-letter recoverer publishes to the same partition number by default.
   */
  public static final int PARTITIONS = 3;

  private static final String LISTENER = "DEVSTACK";

  private final int port;
  private EmbeddedKafkaKraftBroker broker;
  private Duration startDuration;

  public KafkaLauncher(int port) {
    this.port = port;
  }

  /** The platform topics followed by their dead-letter topics. */
  public static List<String> allTopics() {
    List<String> all = new ArrayList<>(TOPICS);
    TOPICS.forEach(topic -> all.add(topic + DLT_SUFFIX));
    return List.copyOf(all);
  }

  /** Starts the broker and creates the topics; fails clearly if the port is taken. */
  public synchronized KafkaLauncher start() {
    if (broker != null) {
      throw new IllegalStateException("Kafka already started on port " + port);
    }
    PortCheck.requireFree(port, "Kafka", Settings.howToSet("kafka.port"));
    Instant started = Instant.now();
    EmbeddedKafkaKraftBroker candidate =
        new EmbeddedKafkaKraftBroker(1, PARTITIONS, allTopics().toArray(String[]::new));
    // by default it would set spring.kafka.bootstrap-servers (to its random EXTERNAL port) in this
    // JVM
    candidate.brokerListProperty("dangjian.devstack.kafka.embedded-brokers");
    candidate.brokerProperty(
        "listeners",
        "EXTERNAL://localhost:0,CONTROLLER://localhost:0," + LISTENER + "://127.0.0.1:" + port);
    candidate.brokerProperty(
        "listener.security.protocol.map",
        "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + LISTENER + ":PLAINTEXT");
    candidate.brokerProperty("auto.create.topics.enable", "true");
    candidate.brokerProperty("transaction.state.log.replication.factor", "1");
    candidate.brokerProperty("transaction.state.log.min.isr", "1");
    try {
      candidate.afterPropertiesSet();
    } catch (RuntimeException e) {
      try {
        candidate.destroy();
      } catch (RuntimeException ignored) {
        // nothing more to clean up
      }
      throw new IllegalStateException(
          "Cannot start the embedded Kafka broker on port " + port + ": " + e.getMessage(), e);
    }
    broker = candidate;
    startDuration = Duration.between(started, Instant.now());
    return this;
  }

  /** {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public synchronized boolean isRunning() {
    return broker != null;
  }

  public Optional<Duration> startDuration() {
    return Optional.ofNullable(startDuration);
  }

  /** Stops the broker (idempotent). Kafka logs some shutdown noise; it is harmless. */
  public synchronized void stop() {
    if (broker == null) {
      return;
    }
    try {
      broker.destroy();
    } finally {
      broker = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
