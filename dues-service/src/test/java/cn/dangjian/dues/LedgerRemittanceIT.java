package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.dues.ledger.Quarter;
import cn.dangjian.events.Topics;
import cn.dangjian.platform.persistence.Uuids;
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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The quarterly remittance and the yearly publication. */
class LedgerRemittanceIT extends LedgerTestSupport {

  static final Quarter LAST_QUARTER = Quarter.before(TODAY);

  private JsonNode remit(String token, Quarter quarter, UUID org) throws Exception {
    return jobs()
        .succeeded(
            token,
            postJson(
                token,
                "/api/dues/ledgers/remittance-runs",
                Map.of("quarter", quarter.toString(), "orgId", org.toString())));
  }

  private int rows(UUID org, String kind) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM dues_ledger_entry WHERE org_id = ? AND kind = ?",
        Integer.class,
        Uuids.bytes(org),
        kind);
  }

  @Test
  void remittanceRunIsIdempotentPerQuarter() throws Exception {
    paidOn(pay(List.of(NOW.minusMonths(2)), 0), LAST_QUARTER.start().plusDays(10));
    paidOn(pay(List.of(NOW.minusMonths(1)), 900), LAST_QUARTER.start().plusDays(40));
    pay(List.of(NOW), 0); // this quarter: not in the run

    JsonNode first = remit(admin, LAST_QUARTER, committee);
    assertThat(first.get("remitted").asInt()).isEqualTo(1);
    long share = (8_100 + 9_000) * 20 / 100; // the default 20 %
    assertThat(first.get("amountFen").asLong()).isEqualTo(share);
    JsonNode again = remit(secretaryOf(committee), LAST_QUARTER, committee);
    assertThat(again.get("remitted").asInt()).isZero();
    assertThat(again.get("alreadyRemitted").asInt()).isEqualTo(1);
    assertThat(again.get("amountFen").asLong()).isZero();

    assertThat(rows(branchA, "REMITTANCE_OUT")).isEqualTo(1);
    assertThat(rows(committee, "REMITTANCE_IN")).isEqualTo(1);
    JsonNode out = entries(branchA, TODAY.getYear());
    assertThat(sum(out, "REMITTANCE_OUT")).isEqualTo(share);
    assertThat(out.toString()).contains(LAST_QUARTER.toString());
    assertThat(sum(entries(committee, TODAY.getYear()), "REMITTANCE_IN")).isEqualTo(share);
    assertThat(balance(branchA)).isEqualTo(8_100 + 9_000 + 8_100 - share);

    // a branch does not run it; a quarter still running is not remitted
    postJson(
            secretaryOf(branchA),
            "/api/dues/ledgers/remittance-runs",
            Map.of("quarter", LAST_QUARTER.toString()))
        .andExpect(status().isForbidden());
    postJson(
            admin,
            "/api/dues/ledgers/remittance-runs",
            Map.of("quarter", Quarter.of(TODAY).toString(), "orgId", committee.toString()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("remittance-quarter-not-ended"));
  }

  @Test
  void publishedLedgerTotalsEqualPayments() throws Exception {
    int lastYear = TODAY.getYear() - 1;
    JsonNode march = pay(List.of(NOW.minusMonths(2)), 0);
    paidOn(march, LocalDate.of(lastYear, 3, 15));
    paidOn(pay(List.of(NOW.minusMonths(1)), 500), LocalDate.of(lastYear, 7, 1));
    paidOn(pay(List.of(), 100_000), LocalDate.of(lastYear, 7, 1));
    reverse(march); // reversed this year: last year's figures keep it, this year has the red ink
    interest(branchA, LocalDate.of(lastYear, 12, 21), 1_234).andExpect(status().isCreated());
    UUID decided = meeting(branchA, "COMMITTEE_MEETING", LocalDate.of(lastYear, 4, 1));
    expense(
            secretaryOf(branchA),
            branchA,
            spending(LocalDate.of(lastYear, 5, 1), 5_000, "EDUCATION_MATERIALS", decided))
        .andExpect(status().isCreated());

    long payments = 8_100 + 8_600; // paid last year, Centre's 1000 元 aside
    KafkaConsumer<String, byte[]> consumer = consumer();
    JsonNode report =
        read(
            postJson(
                    secretaryOf(branchA),
                    "/api/dues/ledgers/" + branchA + "/years/" + lastYear + "/publication",
                    Map.of(),
                    key())
                .andExpect(status().isCreated()));
    assertThat(report.get("published").asBoolean()).isTrue();
    assertThat(report.get("income").get("duesFen").asLong()).isEqualTo(payments);
    assertThat(report.get("income").get("interestFen").asLong()).isEqualTo(1_234);
    assertThat(report.get("income").get("totalFen").asLong()).isEqualTo(payments + 1_234);
    assertThat(report.get("passedToCentreFen").asLong()).isEqualTo(100_000);
    assertThat(report.get("spending").get("expenseFen").asLong()).isEqualTo(5_000);
    assertThat(report.get("spending").get("expensesByPurpose").toString())
        .contains("\"EDUCATION_MATERIALS\"", "5000");
    assertThat(report.get("closingBalanceFen").asLong())
        .isEqualTo(report.get("openingBalanceFen").asLong() + payments + 1_234 - 5_000);
    long monthly = 0;
    for (JsonNode m : report.get("duesByMonth")) {
      monthly += m.get("duesFen").asLong();
    }
    assertThat(monthly).isEqualTo(payments);
    assertThat(sum(entries(branchA, lastYear), "DUES")).isEqualTo(payments);
    assertThat(sum(entries(branchA, TODAY.getYear()), "DUES")).isEqualTo(-8_100);

    JsonNode event = awaitPublished(consumer, branchA);
    assertThat(event.get("payload").get("duesFen").asLong()).isEqualTo(payments);
    assertThat(event.get("payload").get("year").asInt()).isEqualTo(lastYear);
    consumer.close();

    // members of the branch read the published year; other members and unpublished years: 404
    String url = "/api/dues/ledgers/" + branchA + "/years/" + lastYear;
    JsonNode seen = getJson(memberToken(member, branchA), url);
    assertThat(seen.get("income").get("duesFen").asLong()).isEqualTo(payments);
    UUID stranger = fullMember(branchB, "EMPLOYED");
    as(
            memberToken(stranger, branchB),
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url))
        .andExpect(status().isNotFound());
    as(
            memberToken(member, branchA),
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                "/api/dues/ledgers/" + branchA + "/years/" + TODAY.getYear()))
        .andExpect(status().isNotFound());

    // frozen: no more entries for that year, no second publication, no publishing a running year
    interest(branchA, LocalDate.of(lastYear, 12, 30), 1)
        .andExpect(jsonPath("$.rule").value("ledger-year-published"));
    postJson(secretaryOf(branchA), url + "/publication", Map.of(), key())
        .andExpect(status().isConflict());
    postJson(
            secretaryOf(branchA),
            "/api/dues/ledgers/" + branchA + "/years/" + TODAY.getYear() + "/publication",
            Map.of(),
            key())
        .andExpect(jsonPath("$.rule").value("ledger-year-not-ended"));
    assertThat(getJson(admin, "/api/dues/ledgers/" + branchA).get("lastPublishedYear").asInt())
        .isEqualTo(lastYear);
  }

  private KafkaConsumer<String, byte[]> consumer() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "ledger-it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of(Topics.DUES_EVENTS));
    return consumer;
  }

  private JsonNode awaitPublished(KafkaConsumer<String, byte[]> consumer, UUID org) {
    List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    JsonNode[] found = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
              for (ConsumerRecord<String, byte[]> record : seen) {
                JsonNode envelope = json.readTree(record.value());
                if (envelope.get("type").asString().equals("dues.ledger-published")
                    && org.toString().equals(record.key())) {
                  found[0] = envelope;
                  return true;
                }
              }
              return false;
            });
    return found[0];
  }
}
