package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each member created through the gateway reaches Kafka as exactly one member.registered. */
@Order(3)
class EventsE2EIT {

  @Test
  void memberRegisteredReachesKafkaExactlyOncePerCreatedMember() {
    Api api = E2ePlatform.api();
    String admin = E2ePlatform.token("admin");
    UUID root =
        DataScopeE2EIT.created(
            api.post(
                "/api/orgs",
                admin,
                TestData.org(null, "e2e事件党委" + UUID.randomUUID(), "PARTY_COMMITTEE")));
    UUID branch =
        DataScopeE2EIT.created(api.post("/api/orgs", admin, TestData.org(root, "事件党支部", "BRANCH")));
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      created.add(
          DataScopeE2EIT.created(api.post("/api/members", admin, TestData.member(branch, "党员" + i)))
              .toString());
    }

    Map<String, Integer> registered = new HashMap<>();
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            E2ePlatform.get().kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "e2e-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of("member.events"));
      long quietUntil = System.currentTimeMillis() + 30_000;
      boolean allSeen = false;
      while (System.currentTimeMillis() < quietUntil) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          JsonNode envelope = Api.JSON.readTree(record.value());
          if ("member.registered".equals(envelope.get("type").asString())
              && created.contains(record.key())) {
            registered.merge(record.key(), 1, Integer::sum);
            assertThat(envelope.get("subjectId").asString()).isEqualTo(record.key());
          }
        }
        if (!allSeen && registered.keySet().containsAll(created)) {
          allSeen = true;
          // keep listening a little longer so a duplicate would be caught
          quietUntil = System.currentTimeMillis() + 5_000;
        }
      }
    }
    assertThat(registered.keySet()).containsExactlyInAnyOrderElementsOf(created);
    assertThat(registered.values()).allMatch(count -> count == 1);
  }
}
