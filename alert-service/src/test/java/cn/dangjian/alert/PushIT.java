package cn.dangjian.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.alert.push.WebhookSecrets;
import cn.dangjian.alert.push.WebhookSigner;
import cn.dangjian.alert.sweep.SweepService;
import cn.dangjian.events.Topics;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** SSE within the subtree, signed webhooks with retries, alert.events, sweeps on two instances. */
class PushIT extends ApiTestSupport {

  private static final WireMockServer RECEIVER =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    RECEIVER.start();
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.stop();
  }

  @Autowired SweepService sweeps;
  @Autowired WebhookSecrets secrets;

  /** The receiver by its address: 127.0.0.1 is on the test allow-list ("localhost" may be ::1). */
  private static String receiver() {
    return "http://127.0.0.1:" + RECEIVER.port();
  }

  private ResultActions subscribe(String token, UUID orgId, String url, String secret, String key)
      throws Exception {
    Map<String, String> body = new java.util.LinkedHashMap<>();
    body.put("orgId", orgId.toString());
    body.put("url", url);
    if (secret != null) {
      body.put("secret", secret);
    }
    MockHttpServletRequestBuilder request =
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/api/alerts/webhooks")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return as(token, request);
  }

  @Test
  void subscribingToLoopbackPrivateOrCloudMetadataAddressesIsRefused() throws Exception {
    for (String url :
        List.of(
            "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "https://169.254.169.254/latest/meta-data/",
            "https://127.0.0.2/",
            "http://127.0.0.2:" + RECEIVER.port() + "/ok",
            "https://10.0.0.1/hook",
            "https://172.16.5.4/hook",
            "https://192.168.1.1/hook",
            "https://100.64.0.1/hook",
            "https://0.0.0.0/hook",
            "https://224.0.0.1/hook",
            "https://[::1]/hook",
            "https://[fd00::1]/hook",
            "https://[fe80::1]/hook",
            "https://[::ffff:169.254.169.254]/hook",
            "https://[::ffff:a9fe:a9fe]/hook")) {
      subscribe(admin, branchA, url, null, null)
          .andExpect(status().isBadRequest())
          .andExpect(
              org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                  .string("Content-Type", "application/problem+json"))
          .andExpect(jsonPath("$.errors[0].field").value("url"))
          .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("公网地址")));
    }
    Integer stored =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM webhook_subscription WHERE org_id = UNHEX(REPLACE(?, '-', ''))",
            Integer.class,
            branchA.toString());
    assertThat(stored).isZero();
  }

  @Test
  void aHostRebindingToAPrivateAddressAfterSubscribingIsNotDeliveredTo() throws Exception {
    RECEIVER.stubFor(post(urlEqualTo("/rebound")).willReturn(aResponse().withStatus(204)));
    // what a subscription to a host that resolved publicly then and to 127.0.0.2 now looks like
    UUID id = UUID.randomUUID();
    byte[] idBytes = cn.dangjian.platform.persistence.Uuids.bytes(id);
    jdbc.update(
        "INSERT INTO webhook_subscription (id, org_id, org_path, url, secret, min_severity, status,"
            + " consecutive_failures, created_by, created_at) VALUES (?,?,?,?,?,'NOTICE','ACTIVE',0,"
            + " 'test', NOW(6))",
        idBytes,
        cn.dangjian.platform.persistence.Uuids.bytes(branchA),
        FEED.pathOf(branchA),
        "http://127.0.0.2:" + RECEIVER.port() + "/rebound",
        secrets.seal("a-shared-secret-of-the-receiver", id));
    Thread.sleep(5_500); // the outbox reads subscriptions every 5 s
    UUID m = member(branchA);
    arrears(m, branchA, 3, "2026-08", 4500);
    JsonNode log =
        await(
            () -> {
              JsonNode entries = deliveries(id.toString());
              return entries.size() > 0 && entries.get(0).get("attempts").asInt() > 0
                  ? Optional.of(entries)
                  : Optional.empty();
            });
    assertThat(log.get(0).get("lastError").asString()).isEqualTo("投递失败：目标地址不允许");
    assertThat(RECEIVER.findAll(postRequestedFor(urlEqualTo("/rebound")))).isEmpty();
  }

  @Test
  void deliveryErrorsRevealNeitherHostNorPortNorExceptionAndRedirectsAreNotFollowed()
      throws Exception {
    RECEIVER.stubFor(
        post(urlEqualTo("/redirect"))
            .willReturn(
                aResponse().withStatus(307).withHeader("Location", receiver() + "/redirected")));
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String refused =
        read(subscribe(
                    admin,
                    branchA,
                    "http://127.0.0.1:" + closedPort + "/internal-admin",
                    null,
                    null)
                .andExpect(status().isCreated()))
            .get("id")
            .asString();
    String redirect =
        read(subscribe(admin, branchA, receiver() + "/redirect", null, null)
                .andExpect(status().isCreated()))
            .get("id")
            .asString();
    UUID m = member(branchA);
    arrears(m, branchA, 3, "2026-08", 4500);
    JsonNode refusedLog = awaitAttempt(refused);
    String error = refusedLog.get(0).get("lastError").asString();
    assertThat(error)
        .isEqualTo("投递失败：连接被拒绝")
        .doesNotContain("127.0.0.1")
        .doesNotContain(Integer.toString(closedPort))
        .doesNotContain("Exception");
    JsonNode redirectLog = awaitAttempt(redirect);
    assertThat(redirectLog.get(0).get("lastStatus").asInt()).isEqualTo(307);
    assertThat(redirectLog.get(0).get("lastError").asString()).isEqualTo("投递失败：HTTP 307");
    assertThat(RECEIVER.findAll(postRequestedFor(urlEqualTo("/redirected")))).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM webhook_delivery WHERE last_error LIKE '%127.0.0.1%'"
                    + " OR last_error LIKE '%Exception%'",
                Integer.class))
        .isZero();
  }

  private JsonNode awaitAttempt(String subscription) {
    return await(
        () -> {
          JsonNode entries = deliveries(subscription);
          return entries.size() > 0 && entries.get(0).get("attempts").asInt() > 0
              ? Optional.of(entries)
              : Optional.empty();
        });
  }

  @Test
  void webhookSecretsAreEncryptedAtRestAndAnIdempotentReplayDoesNotStoreOrReturnThem()
      throws Exception {
    String secret = WebhookSigner.newSecret();
    String key = "k-" + UUID.randomUUID();
    JsonNode created =
        read(
            subscribe(secretaryOf(branchA), branchA, receiver() + "/ok", secret, key)
                .andExpect(status().isCreated()));
    assertThat(created.get("secret").asString()).isEqualTo(secret);
    JsonNode generated =
        read(
            subscribe(admin, branchB, receiver() + "/ok", null, "k-" + UUID.randomUUID())
                .andExpect(status().isCreated()));
    String generatedSecret = generated.get("secret").asString();
    // Standard Webhooks form: whsec_ and the Base64 of 32 random bytes
    assertThat(generatedSecret).startsWith("whsec_");
    assertThat(java.util.Base64.getDecoder().decode(generatedSecret.substring(6))).hasSize(32);

    List<String> atRest =
        jdbc.queryForList("SELECT secret FROM webhook_subscription", String.class);
    assertThat(atRest).allMatch(s -> s.startsWith("v2:default:"));
    assertThat(String.join("\n", atRest)).doesNotContain(secret).doesNotContain(generatedSecret);
    List<String> stored = jdbc.queryForList("SELECT body FROM idempotency_key", String.class);
    assertThat(String.join("\n", stored.stream().map(String::valueOf).toList()))
        .doesNotContain(secret)
        .doesNotContain(generatedSecret);

    JsonNode replayed =
        read(
            subscribe(secretaryOf(branchA), branchA, receiver() + "/ok", secret, key)
                .andExpect(status().isCreated())
                .andExpect(
                    org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Idempotency-Replayed", "true")));
    assertThat(replayed.get("id")).isEqualTo(created.get("id"));
    assertThat(replayed.get("secret").isNull()).isTrue();
  }

  @Test
  void theStreamCarriesNewAlertsOfMySubtreeAndNothingOfAnotherBranch() throws Exception {
    MvcResult mine =
        as(secretaryOf(branchA), get("/api/alerts/stream"))
            .andExpect(request().asyncStarted())
            .andReturn();
    MvcResult other =
        as(secretaryOf(branchB), get("/api/alerts/stream"))
            .andExpect(request().asyncStarted())
            .andReturn();
    Thread.sleep(1500); // the stream's consumer starts at the newest offset: let it join first
    UUID m = member(branchA);
    arrears(m, branchA, 5, "2026-07", 7500);
    MockHttpServletResponse response = mine.getResponse();
    String body =
        await(
            () -> {
              try {
                String text = response.getContentAsString(StandardCharsets.UTF_8);
                return text.contains("alert.raised") ? Optional.of(text) : Optional.empty();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(body)
        .contains("event:alert.raised")
        .contains("\"ruleId\":\"DUES_ARREARS\"")
        .contains("\"severity\":\"WARNING\"")
        .contains("党员已连续5个月未交纳党费")
        .contains(m.toString());
    assertThat(other.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain("alert.raised");
  }

  @Test
  void webhookDeliveriesAreSignedRetriedWithBackoffAndAFailingEndpointIsDisabled()
      throws Exception {
    RECEIVER.stubFor(post(urlEqualTo("/ok")).willReturn(aResponse().withStatus(204)));
    RECEIVER.stubFor(post(urlEqualTo("/down")).willReturn(aResponse().withStatus(503)));
    String secret = WebhookSigner.newSecret();
    JsonNode ok =
        read(
            as(
                    secretaryOf(branchA),
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                            "/api/alerts/webhooks")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            json.writeValueAsString(
                                Map.of(
                                    "orgId",
                                    branchA.toString(),
                                    "url",
                                    receiver() + "/ok",
                                    "secret",
                                    secret))))
                .andExpect(status().isCreated()));
    assertThat(ok.get("secret").asString()).isEqualTo(secret);
    JsonNode down =
        read(
            as(
                    admin,
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                            "/api/alerts/webhooks")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            json.writeValueAsString(
                                Map.of("orgId", town.toString(), "url", receiver() + "/down"))))
                .andExpect(status().isCreated()));
    as(
            secretaryOf(branchB),
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/alerts/webhooks")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(
                        Map.of("orgId", branchA.toString(), "url", "https://x.example.cn/h"))))
        .andExpect(status().isNotFound());
    as(
            secretaryOf(branchA),
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/alerts/webhooks")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(Map.of("orgId", branchA.toString(), "url", "ftp://x"))))
        .andExpect(status().isBadRequest());

    UUID m = member(branchA);
    arrears(m, branchA, 3, "2026-08", 4500);
    LoggedRequest delivered =
        await(
            () ->
                RECEIVER.findAll(postRequestedFor(urlEqualTo("/ok"))).stream()
                    .filter(r -> r.getBodyAsString().contains(m.toString()))
                    .findFirst());
    // Standard Webhooks, checked by its reference library (npm standardwebhooks), not by ours
    assertThat(delivered.getHeader("webhook-id")).startsWith("msg_");
    assertThat(Long.parseLong(delivered.getHeader("webhook-timestamp")))
        .isCloseTo(
            java.time.Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(120L));
    assertThat(delivered.getHeader("webhook-signature")).matches("v1,[A-Za-z0-9+/]{43}=");
    assertThat(StandardWebhooksVerifier.verify(secret, delivered, delivered.getBodyAsString()))
        .isEqualTo("verified alert.raised");
    assertThat(
            StandardWebhooksVerifier.verify(secret, delivered, delivered.getBodyAsString() + " "))
        .startsWith("refused");
    assertThat(
            StandardWebhooksVerifier.verify(
                WebhookSigner.newSecret(), delivered, delivered.getBodyAsString()))
        .startsWith("refused");
    assertThat(delivered.getHeader("X-Dangjian-Event")).isEqualTo("alert.raised");
    assertThat(json.readTree(delivered.getBodyAsString()).get("payload").get("ruleId").asString())
        .isEqualTo("DUES_ARREARS");

    String downId = down.get("id").asString();
    // retries at 200 ms, 400 ms, 800 ms…: 6 attempts then given up; disabled after 10 failures
    JsonNode log =
        await(
            () -> {
              JsonNode entries = deliveries(downId);
              return entries.size() > 0 && entries.get(0).get("status").asString().equals("FAILED")
                  ? Optional.of(entries)
                  : Optional.empty();
            });
    assertThat(log.get(0).get("attempts").asInt()).isEqualTo(6);
    assertThat(log.get(0).get("lastStatus").asInt()).isEqualTo(503);
    assertThat(RECEIVER.findAll(postRequestedFor(urlEqualTo("/down"))).size())
        .isGreaterThanOrEqualTo(6);
    UUID second = member(branchB);
    arrears(second, branchB, 3, "2026-08", 4500);
    await(
        () -> {
          Integer disabled =
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM webhook_subscription WHERE id = UNHEX(REPLACE(?, '-', '')) AND status = 'DISABLED'",
                  Integer.class,
                  downId);
          return disabled == 1 ? Optional.of(true) : Optional.empty();
        });
    RECEIVER.verify(
        postRequestedFor(urlEqualTo("/ok")).withHeader("webhook-signature", matching("v1,.+")));
    RECEIVER.verify(
        0, postRequestedFor(urlEqualTo("/ok")).withRequestBody(matching(".*" + second + ".*")));
  }

  @Test
  void aChosenDeliveryIsRedeliveredUnderItsWebhookIdOnlyWithinTheCallersSubtree() throws Exception {
    RECEIVER.stubFor(post(urlEqualTo("/again")).willReturn(aResponse().withStatus(204)));
    String secret = WebhookSigner.newSecret();
    as(
            secretaryOf(branchA),
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/alerts/webhooks")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(
                        Map.of(
                            "orgId",
                            branchA.toString(),
                            "url",
                            receiver() + "/again",
                            "secret",
                            "a-home-made-secret-of-the-past"))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("secret"))
        .andExpect(
            jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("whsec_")));
    String subscription =
        read(subscribe(secretaryOf(branchA), branchA, receiver() + "/again", secret, null)
                .andExpect(status().isCreated()))
            .get("id")
            .asString();
    UUID m = member(branchA);
    arrears(m, branchA, 3, "2026-08", 4500);
    JsonNode first =
        await(
            () -> {
              JsonNode entries = deliveries(subscription);
              return entries.size() > 0
                      && "DELIVERED".equals(entries.get(0).get("status").asString())
                  ? Optional.of(entries.get(0))
                  : Optional.empty();
            });
    String path =
        "/api/alerts/webhooks/"
            + subscription
            + "/deliveries/"
            + first.get("id").asString()
            + "/redeliver";
    as(
            secretaryOf(branchB),
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path))
        .andExpect(status().isNotFound());
    as(
            secretaryOf(branchA),
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/api/alerts/webhooks/"
                    + subscription
                    + "/deliveries/"
                    + UUID.randomUUID()
                    + "/redeliver"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("推送记录")));
    JsonNode again =
        read(
            as(
                    secretaryOf(branchA),
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path))
                .andExpect(status().isAccepted()));
    assertThat(again.get("messageId").asString()).isEqualTo(first.get("messageId").asString());
    assertThat(again.get("redeliveryOf").asString()).isEqualTo(first.get("id").asString());
    assertThat(again.get("requestedBy").asString()).isEqualTo("secretary-" + branchA);
    assertThat(again.get("status").asString()).isEqualTo("PENDING");

    // the receiver gets the same message twice, under one webhook-id, both verifiable
    List<LoggedRequest> received =
        await(
            () -> {
              List<LoggedRequest> all =
                  RECEIVER.findAll(postRequestedFor(urlEqualTo("/again"))).stream()
                      .filter(r -> r.getBodyAsString().contains(m.toString()))
                      .toList();
              return all.size() >= 2 ? Optional.of(all) : Optional.empty();
            });
    assertThat(received.get(1).getHeader("webhook-id"))
        .isEqualTo(received.get(0).getHeader("webhook-id"))
        .isEqualTo(first.get("messageId").asString());
    assertThat(received.get(1).getBodyAsString()).isEqualTo(received.get(0).getBodyAsString());
    assertThat(
            StandardWebhooksVerifier.verify(
                secret, received.get(1), received.get(1).getBodyAsString()))
        .startsWith("verified");
  }

  private JsonNode deliveries(String subscription) {
    try {
      return read(as(admin, get("/api/alerts/webhooks/" + subscription + "/deliveries")));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void alertEventsReachKafkaForIntegrators() throws Exception {
    UUID m = member(branchB);
    arrears(m, branchB, 6, "2026-05", 9000);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "integrator-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.ALERT_EVENTS));
      JsonNode found =
          await(
              () -> {
                for (ConsumerRecord<String, byte[]> record :
                    consumer.poll(Duration.ofMillis(500))) {
                  JsonNode envelope = json.readTree(record.value());
                  if (envelope.path("payload").path("subjectId").asString().equals(m.toString())) {
                    return Optional.of(envelope);
                  }
                }
                return Optional.empty();
              });
      assertThat(found.get("type").asString()).isEqualTo("alert.raised");
      assertThat(found.get("payload").get("severity").asString()).isEqualTo("SERIOUS");
      assertThat(found.get("orgPath").asString()).isEqualTo(FEED.pathOf(branchB));
    }
  }

  @Test
  void twoInstancesSweepingAtOnceDoNotBothRun() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Boolean> sweep = () -> sweeps.run(LocalDate.of(2026, 11, 30)).isPresent();
      List<Future<Boolean>> results = pool.invokeAll(List.of(sweep, sweep));
      long ran = 0;
      for (Future<Boolean> result : results) {
        ran += result.get() ? 1 : 0;
      }
      // the lease is held for the whole sweep: the second caller skips unless the first finished
      assertThat(ran).isBetween(1L, 2L);
      Integer overlapping =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM sweep_run a JOIN sweep_run b ON a.id <> b.id"
                  + " AND a.started_at < b.finished_at AND b.started_at < a.finished_at",
              Integer.class);
      assertThat(overlapping).isZero();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aPoisonRecordIsParkedOnTheDeadLetterTopicWithTheReason() throws Exception {
    FEED.sendRaw(
        Topics.ORGLIFE_EVENTS, "poison", "not an envelope".getBytes(StandardCharsets.UTF_8));
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "dlt-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.deadLetterOf(Topics.ORGLIFE_EVENTS)));
      ConsumerRecord<String, byte[]> parked =
          await(
              () -> {
                for (ConsumerRecord<String, byte[]> record :
                    consumer.poll(Duration.ofMillis(500))) {
                  if ("poison".equals(record.key())) {
                    return Optional.of(record);
                  }
                }
                return Optional.empty();
              });
      assertThat(
              new String(
                  parked.headers().lastHeader("dangjian-dlt-reason").value(),
                  StandardCharsets.UTF_8))
          .contains("not an event envelope");
    }
  }
}
