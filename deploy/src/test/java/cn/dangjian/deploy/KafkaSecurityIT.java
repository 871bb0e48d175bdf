package cn.dangjian.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's Kafka security as compose runs it, on a real broker: deploy/kafka/start.sh and
 * setup.sh run unchanged, with $KAFKA_HOME/bin shims that call the broker, storage tool and admin
 * CLI classes of the Maven Central artifacts (the same programs the Kafka distribution's scripts
 * start). Then each service's SCRAM user is tried over TLS against the ACLs of clients.csv.
 */
class KafkaSecurityIT {

  private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
  private static final String TLS_PASSWORD = "tls-" + UUID.randomUUID();
  private static final Map<String, String> PASSWORDS = new HashMap<>();

  @TempDir static Path work;
  private static Process broker;
  private static int port;
  private static Path certs;
  private static Path log;

  @BeforeAll
  static void startTheBrokerAsComposeDoes() throws Exception {
    Path root = Repo.root();
    Path kafkaHome = work.resolve("kafka-home");
    Path bin = kafkaHome.resolve("bin");
    Files.createDirectories(bin);
    shim(bin, "kafka-storage.sh", "kafka.tools.StorageTool");
    shim(bin, "kafka-server-start.sh", "kafka.Kafka");
    shim(bin, "kafka-topics.sh", "org.apache.kafka.tools.TopicCommand");
    shim(bin, "kafka-configs.sh", "kafka.admin.ConfigCommand");
    shim(bin, "kafka-acls.sh", "org.apache.kafka.tools.AclCommand");

    port = freePort();
    certs = work.resolve("certs");
    log = work.resolve("kafka.log");
    ProcessBuilder builder =
        new ProcessBuilder("bash", root.resolve("deploy/kafka/start.sh").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("KAFKA_HOME", kafkaHome.toString());
    env.put("KAFKA_DATA", work.resolve("data").toString());
    env.put("KAFKA_CERTS", certs.toString());
    env.put("KAFKA_ADVERTISED_HOST", "localhost");
    env.put("KAFKA_PORT", String.valueOf(port));
    env.put("KAFKA_CONTROLLER_PORT", String.valueOf(freePort()));
    env.put("KAFKA_CLUSTER_ID", "dGVzdC1jbHVzdGVyLWlkMQ");
    env.put("KAFKA_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("KAFKA_TLS_PASSWORD", TLS_PASSWORD);
    Path done = work.resolve("setup-done");
    env.put("KAFKA_SETUP_MARKER", done.toString());
    env.put("KAFKA_CONFIG", work.resolve("server.properties").toString());
    env.put("KAFKA_ADMIN_CONFIG", work.resolve("admin.properties").toString());
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + env.get("PATH"));
    env.put("CLASSPATH_FOR_SHIMS", System.getProperty("java.class.path"));
    env.put("JAVA_FOR_SHIMS", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String service : services(root)) {
      String password = service + "-" + UUID.randomUUID();
      PASSWORDS.put(service, password);
      env.put("KAFKA_PASSWORD_" + service.toUpperCase().replace('-', '_'), password);
    }
    broker = builder.start();
    // start.sh touches the marker once setup.sh created the topics, users and ACLs
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (!Files.exists(done)) {
      if (!broker.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "start.sh did not finish its setup; its output:\n" + Files.readString(log));
      }
      Thread.sleep(500);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (broker != null) {
      broker.descendants().forEach(ProcessHandle::destroy);
      broker.destroy();
      broker.waitFor(30, TimeUnit.SECONDS);
      broker.descendants().forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static List<String> services(Path root) throws IOException {
    return Files.readAllLines(root.resolve("deploy/kafka/clients.csv")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split(";", -1)[0])
        .toList();
  }

  private static void shim(Path bin, String script, String mainClass) throws IOException {
    Path file = bin.resolve(script);
    Files.writeString(
        file,
        "#!/bin/bash\nexec \"$JAVA_FOR_SHIMS\" -Xshare:auto -XX:TieredStopAtLevel=1 -Xmx256m"
            + " -cp \"$CLASSPATH_FOR_SHIMS\" "
            + mainClass
            + " \"$@\"\n");
    file.toFile().setExecutable(true);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Properties client(String user, String password) {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port);
    p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
    p.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
    p.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + user
            + "\" password=\""
            + password
            + "\";");
    p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
    p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, certs.resolve("truststore.p12").toString());
    p.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, TLS_PASSWORD);
    return p;
  }

  private static void send(String service, String topic) throws Exception {
    Properties p = client(service, PASSWORDS.get(service));
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      producer.send(new ProducerRecord<>(topic, "k", "{\"from\":\"" + service + "\"}")).get();
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  private static int receive(String service, String group, String topic) {
    Properties p = client(service, PASSWORDS.get(service));
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of(topic));
      int count = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (count == 0 && System.nanoTime() < deadline) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        count += records.count();
      }
      return count;
    }
  }

  @Test
  void eachServiceWritesItsOwnTopicAndTheDeadLettersOfWhatItConsumes() throws Exception {
    send("member-service", "member.events");
    send("dues-service", "dues.events");
    send("dues-service", "member.events.DLT");
    send("alert-service", "alert.events");
  }

  @Test
  void aServiceCannotWriteAnotherServicesTopic() {
    // the projections decide data scope: a forged member.events record would re-scope a branch
    assertThatThrownBy(() -> send("dues-service", "member.events"))
        .isInstanceOf(TopicAuthorizationException.class);
    assertThatThrownBy(() -> send("alert-service", "dues.events"))
        .isInstanceOf(TopicAuthorizationException.class);
    assertThatThrownBy(() -> send("member-service", "alert.events"))
        .isInstanceOf(TopicAuthorizationException.class);
  }

  @Test
  void aServiceReadsWhatItConsumesInItsOwnConsumerGroupsOnly() throws Exception {
    send("member-service", "member.events");
    assertThat(receive("dues-service", "dues-service-member-projection", "member.events"))
        .isPositive();
    assertThatThrownBy(
            () -> receive("dues-service", "alert-service-domain-events", "member.events"))
        .isInstanceOf(GroupAuthorizationException.class);
    // org-life-service consumes member.events only (member-service now reads every domain topic)
    assertThatThrownBy(() -> receive("org-life-service", "org-life-service-x", "dues.events"))
        .isInstanceOf(TopicAuthorizationException.class);
  }

  @Test
  void aWrongPasswordOrNoCredentialsIsRefused() {
    Properties wrong = client("member-service", "not-the-password");
    wrong.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    wrong.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    wrong.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    assertThatThrownBy(
            () -> {
              try (KafkaProducer<String, String> producer = new KafkaProducer<>(wrong)) {
                producer.send(new ProducerRecord<>("member.events", "k", "v")).get();
              }
            })
        .hasRootCauseInstanceOf(SaslAuthenticationException.class);

    Properties plaintext = new Properties();
    plaintext.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port);
    plaintext.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    plaintext.put("default.api.timeout.ms", "8000");
    try (Admin admin = Admin.create(plaintext)) {
      assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
          .as("a plaintext client gets nothing from the SASL_SSL listener")
          .isNotNull();
    }
  }
}
