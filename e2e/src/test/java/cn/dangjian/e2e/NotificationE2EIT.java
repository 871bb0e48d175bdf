package cn.dangjian.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.e2e.Api.Response;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 24's scenario through the gateway with real Keycloak tokens: a meeting planned for a member
 * reaches the member's inbox and, once, the member's WeChat (the provider is a stub that follows
 * WeChat's documented API: {@link ProviderStubs}); after the member turns WeChat off for meeting
 * notices, the next one reaches the inbox only; a replay of the whole orglife.events topic sends
 * nothing twice.
 */
class NotificationE2EIT {

  private static final String GROUP = "alert-service-notifications";

  private final Api api = E2ePlatform.api();

  @Test
  void aPlannedMeetingReachesTheInboxAndWeChatOnceAndAfterOptOutOnlyTheInbox() throws Exception {
    WireMockServer wechat = ProviderStubs.wechat();
    String admin = E2ePlatform.token("admin");
    UUID committee =
        DataScopeE2EIT.created(
            api.post(
                "/api/orgs",
                admin,
                TestData.org(null, "e2e通知镇党委" + UUID.randomUUID(), "PARTY_COMMITTEE")));
    UUID branch =
        DataScopeE2EIT.created(
            api.post("/api/orgs", admin, TestData.org(committee, "通知党支部", "BRANCH")));
    UUID member =
        DataScopeE2EIT.created(api.post("/api/members", admin, TestData.member(branch, "王芳")));
    String memberToken = E2ePlatform.accountToken(admin, member, "MEMBER", "notify");
    E2ePlatform.keycloak().setOrgAndMember("worker", branch.toString(), null);
    String worker = E2ePlatform.token("worker");

    // the mini-program logs in: its js_code is exchanged for the member's openid
    Response bound =
        api.post(
            "/api/members/me/wechat-binding", memberToken, Map.of("code", ProviderStubs.JS_CODE));
    assertThat(bound.status()).as(bound.body()).isIn(200, 204);

    UUID first = plan(worker, branch, member, "支委会");
    JsonNode notice = awaitInbox(memberToken, first);
    assertThat(notice.get("kind").asString()).isEqualTo("MEETING_PLANNED");
    assertThat(notice.get("readAt").isNull()).isTrue();
    await(
        "the WeChat subscription message of the first notice",
        () -> sendsTo(wechat, ProviderStubs.OPENID) == 1);
    JsonNode log =
        api.get("/api/notifications/" + notice.get("id").asString() + "/deliveries", memberToken)
            .json();
    assertThat(log.toString()).contains("WECHAT").contains("SENT");

    // the member keeps meeting notices in the inbox only
    Response preferences = api.get("/api/notifications/preferences", memberToken);
    assertThat(preferences.status()).as(preferences.body()).isEqualTo(200);
    Response changed =
        api.put(
            "/api/notifications/preferences",
            memberToken,
            Map.of(
                "preferences", List.of(Map.of("kind", "MEETING_PLANNED", "channels", List.of()))));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);

    UUID second = plan(worker, branch, member, "支委会（第二次）");
    JsonNode secondNotice = awaitInbox(memberToken, second);
    assertThat(secondNotice.get("kind").asString()).isEqualTo("MEETING_PLANNED");
    Thread.sleep(3_000); // the worker's interval is 1 s: a send would have happened by now
    assertThat(sendsTo(wechat, ProviderStubs.OPENID)).isEqualTo(1);
    assertThat(
            api.get("/api/notifications/unread-count", memberToken).json().get("unread").asLong())
        .isEqualTo(2);

    // a replay of the whole topic: every record again, same ids; nothing new anywhere
    long inboxBefore = inboxTotal(memberToken);
    int replayed = replayTopic("orglife.events");
    assertThat(replayed).isGreaterThanOrEqualTo(2);
    awaitCaughtUp("orglife.events");
    Thread.sleep(3_000);
    assertThat(inboxTotal(memberToken)).isEqualTo(inboxBefore);
    assertThat(sendsTo(wechat, ProviderStubs.OPENID)).isEqualTo(1);
  }

  /** Plans a meeting two days ahead (its reminder is a day away: not part of this scenario). */
  private UUID plan(String worker, UUID branch, UUID member, String title) {
    LocalDateTime startsAt =
        LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2).truncatedTo(ChronoUnit.HOURS);
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("orgId", branch.toString());
    plan.put("type", "COMMITTEE_MEETING");
    plan.put("title", title);
    plan.put("startsAt", startsAt.toString());
    plan.put("endsAt", startsAt.plusMinutes(90).toString());
    plan.put("place", "党群服务中心");
    plan.put("expectedMemberIds", List.of(member.toString()));
    Response planned = api.awaitCreated("/api/org-life/meetings", worker, plan);
    return UUID.fromString(planned.json().get("id").asString());
  }

  /** The member's notification about the meeting, once it is in the inbox. */
  private JsonNode awaitInbox(String token, UUID meeting) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      Response inbox = api.get("/api/notifications?size=50", token);
      assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
      for (JsonNode item : inbox.json().get("items")) {
        if (item.toString().contains(meeting.toString())) {
          return item;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no notification of meeting " + meeting + " in the inbox after 60 s");
  }

  private long inboxTotal(String token) {
    return api.get("/api/notifications?size=1", token).json().get("total").asLong();
  }

  private static int sendsTo(WireMockServer wechat, String openid) {
    return wechat
        .findAll(
            postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .withRequestBody(matchingJsonPath("$.touser", equalTo(openid))))
        .size();
  }

  /** Reads the topic from the beginning to its end and writes every record to it again. */
  private static int replayTopic(String topic) {
    String servers = E2ePlatform.get().kafkaBootstrapServers();
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    List<ProducerRecord<byte[], byte[]>> copies = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Instant deadline = Instant.now().plusSeconds(30);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
          && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.offset() < end.get(new TopicPartition(topic, r.partition()))) {
            copies.add(new ProducerRecord<>(topic, r.partition(), r.key(), r.value(), r.headers()));
          }
        }
      }
    }
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      copies.forEach(producer::send);
      producer.flush();
    }
    return copies.size();
  }

  /** Until the notifications consumer has committed the topic's end on every partition. */
  private static void awaitCaughtUp(String topic) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                E2ePlatform.get().kafkaBootstrapServers()))) {
      await(
          "the notifications consumer caught up on " + topic,
          () -> {
            try {
              Map<TopicPartition, OffsetAndMetadata> committed =
                  admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
              Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
              committed.keySet().stream()
                  .filter(tp -> tp.topic().equals(topic))
                  .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
              if (latest.isEmpty()) {
                return false;
              }
              Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                  admin.listOffsets(latest).all().get();
              return ends.entrySet().stream()
                  .allMatch(e -> committed.get(e.getKey()).offset() >= e.getValue().offset());
            } catch (Exception e) {
              return false;
            }
          });
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within 60 s: " + what);
      }
      Thread.sleep(500);
    }
  }
}
