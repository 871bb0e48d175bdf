package cn.dangjian.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class KafkaLauncherIT {

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void brokerOnAFixedPortHasThePlatformTopicsAndRoundTripsARecord() throws Exception {
    int port = PortCheck.freePort();
    KafkaLauncher kafka = new KafkaLauncher(port);
    try {
      kafka.start();
      assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      assertThat(PortCheck.isFree(port)).isFalse();
      assertThatThrownBy(() -> new KafkaLauncher(port).start())
          .isInstanceOf(PortCheck.PortInUseException.class)
          .hasMessageContaining("Port " + port)
          .hasMessageContaining("DANGJIAN_KAFKA_PORT");

      try (AdminClient admin =
          AdminClient.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        Set<String> topics = admin.listTopics().names().get(20, TimeUnit.SECONDS);
        assertThat(topics)
            .contains(
                "member.events",
                "dues.events",
                "orglife.events",
                "assessment.events",
                "alert.events",
                "member.events.DLT",
                "alert.events.DLT");
      }

      String key = UUID.randomUUID().toString();
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                  ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                  ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
        producer
            .send(new ProducerRecord<>("member.events", key, "{\"type\":\"member.registered\"}"))
            .get(20, TimeUnit.SECONDS);
      }

      try (KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  kafka.bootstrapServers(),
                  ConsumerConfig.GROUP_ID_CONFIG,
                  "devstack-it-" + key,
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                  "earliest",
                  ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                  StringDeserializer.class,
                  ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                  StringDeserializer.class))) {
        consumer.subscribe(List.of("member.events"));
        ConsumerRecord<String, String> received = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received == null && System.nanoTime() < deadline) {
          ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
          for (ConsumerRecord<String, String> record : records) {
            if (key.equals(record.key())) {
              received = record;
            }
          }
        }
        assertThat(received).as("record read back").isNotNull();
        assertThat(received.value()).isEqualTo("{\"type\":\"member.registered\"}");
      }
    } finally {
      kafka.stop();
    }
    assertThat(kafka.isRunning()).isFalse();
    assertThat(PortCheck.isFree(port)).as("port released after stop").isTrue();
  }
}
