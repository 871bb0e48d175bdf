package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.events.Topics;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.testsupport.MemberEventsFeed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Through the real broker: members arrive on member.events, dues.* events leave through the outbox
 * on dues.events keyed by subject, with amounts of dues and never a base.
 */
class EventsIT extends ApiTestSupport {

  @Autowired MemberProjection projection;

  MemberEventsFeed kafkaFeed;
  KafkaConsumer<String, byte[]> consumer;
  final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

  @BeforeEach
  void broker() {
    kafkaFeed = new MemberEventsFeed(KAFKA.bootstrapServers());
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "events-it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of(Topics.DUES_EVENTS));
  }

  @AfterEach
  void close() {
    consumer.close();
    kafkaFeed.close();
  }

  private JsonNode awaitEvent(String type, String subject) {
    JsonNode[] found = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
              for (ConsumerRecord<String, byte[]> record : seen) {
                JsonNode envelope = json.readTree(record.value());
                if (envelope.get("type").asString().equals(type)
                    && envelope.get("subjectId").asString().equals(subject)
                    && subject.equals(record.key())) {
                  found[0] = envelope;
                  return true;
                }
              }
              return false;
            });
    return found[0];
  }

  @Test
  void membersFromMemberEventsAreBilledAndDuesEventsLeaveThroughTheOutbox() throws Exception {
    UUID root = kafkaFeed.orgCreated(null, "县委" + SERIAL.incrementAndGet(), "PARTY_COMMITTEE");
    UUID branch = kafkaFeed.orgCreated(root, "第三党支部", "BRANCH");
    UUID member =
        kafkaFeed.memberRegistered(
            branch, "FULL", "EMPLOYED", LocalDate.of(2018, 7, 1), LocalDate.of(2019, 7, 1));
    await().atMost(Duration.ofSeconds(30)).until(() -> projection.member(member).isPresent());

    profile(member, NOW.minusMonths(1), "EMPLOYED", 540_000L);
    run(admin, NOW.minusMonths(1), branch);
    run(admin, NOW, branch);

    JsonNode issued = awaitEvent("dues.bill.issued", branch.toString());
    assertThat(issued.get("payload").get("issued").asInt()).isEqualTo(1);
    assertThat(issued.get("payload").get("amountFen").asLong()).isEqualTo(8_100);
    JsonNode arrears = awaitEvent("dues.arrears.changed", member.toString());
    assertThat(arrears.get("payload").get("consecutiveMonths").asInt()).isEqualTo(1);
    assertThat(arrears.get("orgPath").asString()).isEqualTo(kafkaFeed.pathOf(branch));

    JsonNode payment =
        read(
            postJson(
                    secretaryOf(branch),
                    "/api/dues/payments",
                    offline(
                        member, List.of(NOW.minusMonths(1), NOW), "E-" + SERIAL.incrementAndGet()),
                    key())
                .andExpect(status().isCreated()));
    JsonNode paid = awaitEvent("dues.paid", member.toString());
    assertThat(paid.get("payload").get("totalFen").asLong()).isEqualTo(16_200);
    assertThat(paid.get("payload").get("months").toString())
        .contains(NOW.minusMonths(1).toString(), NOW.toString());
    postJson(
            secretaryOf(branch),
            "/api/dues/payments/" + payment.get("id").asString() + "/reversal",
            Map.of("reason", "重复登记"),
            key())
        .andExpect(status().isOk());
    JsonNode reversed = awaitEvent("dues.payment.reversed", member.toString());
    assertThat(reversed.get("payload").get("paymentId").asString())
        .isEqualTo(payment.get("id").asString());
    assertThat(reversed.toString()).doesNotContain("重复登记");

    for (ConsumerRecord<String, byte[]> record : seen) {
      String text = new String(record.value(), StandardCharsets.UTF_8);
      assertThat(text).as("no base or income in events").doesNotContain("540000");
    }
  }

  @Test
  void aMemberStruckOffOnMemberEventsIsNoLongerBilled() throws Exception {
    UUID root = kafkaFeed.orgCreated(null, "县委" + SERIAL.incrementAndGet(), "PARTY_COMMITTEE");
    UUID branch = kafkaFeed.orgCreated(root, "第四党支部", "BRANCH");
    UUID member =
        kafkaFeed.memberRegistered(
            branch, "FULL", "STUDENT", LocalDate.of(2018, 7, 1), LocalDate.of(2019, 7, 1));
    kafkaFeed.statusChanged(member, "STRUCK_OFF", LocalDate.now());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                projection.member(member).map(m -> m.status().equals("STRUCK_OFF")).orElse(false));
    run(admin, NOW, branch);
    assertThat(bill(member, NOW)).isNull();
  }
}
