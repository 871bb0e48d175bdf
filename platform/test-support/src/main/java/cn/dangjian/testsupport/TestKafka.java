package cn.dangjian.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node KRaft broker on a fixed port that a test can stop and start again, to prove
 * that the outbox holds events while Kafka is gone. One shared instance per test JVM.
 */
public final class TestKafka {

  private static TestKafka shared;

  private final int port;
  private final String[] topics;
  private EmbeddedKafkaKraftBroker broker;

  private TestKafka(int port, String... topics) {
    this.port = port;
    this.topics = topics.clone();
  }

  /** The JVM-wide broker, started on first use and stopped when the JVM exits. */
  public static synchronized TestKafka shared(String... topics) {
    if (shared == null) {
      shared = new TestKafka(freePort(), topics);
      shared.start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "test-kafka-stop"));
    }
    return shared;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public synchronized boolean isRunning() {
    return broker != null;
  }

  public synchronized void start() {
    if (broker != null) {
      return;
    }
    // kafkaPorts(...) is ignored by the KRaft test kit: add our own fixed-port listener instead.
    // Clients that bootstrap on it are handed the same listener, so they stay on the fixed port.
    // Topics are created below, not by the kit: after a restart a client's metadata request may
    // auto-create one first, and the kit then fails the start with TopicExistsException.
    EmbeddedKafkaKraftBroker next = new EmbeddedKafkaKraftBroker(1, 1);
    next.brokerProperty(
        "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,FIXED://127.0.0.1:" + port);
    next.brokerProperty(
        "listener.security.protocol.map",
        "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,FIXED:PLAINTEXT");
    next.brokerProperty("auto.create.topics.enable", "true");
    next.afterPropertiesSet();
    broker = next;
    createMissingTopics();
  }

  private void createMissingTopics() {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      for (String topic : topics) {
        try {
          admin
              .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
              .all()
              .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + topic, e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("broker did not create the topics in 30 s", e);
    }
  }

  public synchronized void stop() {
    if (broker != null) {
      broker.destroy();
      broker = null;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
