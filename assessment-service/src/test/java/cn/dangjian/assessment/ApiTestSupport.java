package cn.dangjian.assessment;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.orglife.MeetingRecordChanged;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.testsupport.Eventually;
import cn.dangjian.testsupport.api.JobFollower;
import cn.dangjian.testsupport.api.ResponseContract;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fresh county → township → three branches per test, learned through member.events; tokens,
 * request helpers, source events as the other services would send them, and a reader of
 * assessment.events.
 */
public abstract class ApiTestSupport extends AssessmentIntegrationTest {

  protected static final AtomicInteger SERIAL = new AtomicInteger(100);

  @Autowired protected MockMvc mvc;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected MemberProjection projection;
  protected final JsonMapper json = JsonMapper.builder().build();

  protected String admin;
  protected String worker;
  protected UUID county;
  protected UUID township;
  protected UUID branchA;
  protected UUID branchB;
  protected UUID branchC;

  @BeforeEach
  void tree() {
    int n = SERIAL.incrementAndGet();
    county = FEED.orgCreated(null, "示范县委" + n, "PARTY_COMMITTEE");
    township = FEED.orgCreated(county, "城关镇党委" + n, "PARTY_COMMITTEE");
    branchA = FEED.orgCreated(township, "第一党支部", "BRANCH");
    branchB = FEED.orgCreated(township, "第二党支部", "BRANCH");
    branchC = FEED.orgCreated(township, "第三党支部", "BRANCH");
    awaitOrg(branchC);
    admin = KEYCLOAK.token().roles("platform-admin").username("admin").build();
    worker = KEYCLOAK.token().roles("party-worker").orgId(township).username("worker" + n).build();
  }

  protected void awaitOrg(UUID org) {
    Eventually.await(() -> projection.org(org), Duration.ofSeconds(20));
  }

  protected void awaitMember(UUID member) {
    Eventually.await(() -> projection.member(member), Duration.ofSeconds(20));
  }

  protected List<UUID> formalMembers(UUID org, int count) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(
          FEED.memberRegistered(
              org, "FULL", "EMPLOYED", LocalDate.of(2015, 7, 1), LocalDate.of(2016, 7, 1)));
    }
    ids.forEach(this::awaitMember);
    return ids;
  }

  protected String secretaryOf(UUID org) {
    return KEYCLOAK.token().roles("secretary").orgId(org).username("secretary-" + org).build();
  }

  protected String assessor(String name) {
    return KEYCLOAK.token().roles("assessor").username(name).build();
  }

  protected ResultActions as(String token, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
        .andDo(ResponseContract.servedBy(mvc));
  }

  protected ResultActions postJson(String token, String url, Object body) throws Exception {
    return as(
        token,
        post(url).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
  }

  protected ResultActions putJson(String token, String url, Object body) throws Exception {
    return as(
        token,
        put(url).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
  }

  protected ResultActions putJson(String token, String url, Object body, String ifMatch)
      throws Exception {
    return as(
        token,
        put(url)
            .header(HttpHeaders.IF_MATCH, ifMatch)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  protected ResultActions getUrl(String token, String url) throws Exception {
    return as(token, get(url));
  }

  protected JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  protected static String etag(ResultActions result) {
    return result.andReturn().getResponse().getHeader(HttpHeaders.ETAG);
  }

  // --- indicator systems

  protected static Map<String, Object> leaf(
      String code, String name, String kind, int weight, String method, String scorerOrSource) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", code);
    m.put("name", name);
    m.put("kind", kind);
    m.put("weight", weight);
    m.put("method", method);
    if ("MANUAL".equals(method)) {
      m.put("scorer", scorerOrSource);
    } else {
      m.put("source", scorerOrSource);
    }
    return m;
  }

  protected static Map<String, Object> group(
      String code, String name, int weight, List<Map<String, Object>> children) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", code);
    m.put("name", name);
    m.put("kind", "BASE");
    m.put("weight", weight);
    m.put("children", children);
    return m;
  }

  /** 组织生活 40 (三会一课 auto 30 + 党费 auto 10), 作用发挥 60 (部门 30 + 第三方 30), 加分 5, 扣分 10. */
  protected static List<Map<String, Object>> standardTree() {
    return List.of(
        group(
            "life",
            "组织生活",
            40,
            List.of(
                leaf("life.meetings", "三会一课", "BASE", 30, "AUTOMATIC", "MEETING_COMPLIANCE"),
                leaf("life.dues", "党费收缴", "BASE", 10, "AUTOMATIC", "DUES_COLLECTION"))),
        group(
            "impact",
            "作用发挥",
            60,
            List.of(
                leaf("impact.dept", "党建引领中心工作", "BASE", 30, "MANUAL", "DEPARTMENT"),
                leaf("impact.survey", "群众满意度（第三方测评）", "BASE", 30, "MANUAL", "ASSESSOR"))),
        leaf("bonus.award", "获上级表彰", "BONUS", 5, "MANUAL", "DEPARTMENT"),
        leaf("penalty.incident", "发生负面事件", "PENALTY", 10, "MANUAL", "DEPARTMENT"));
  }

  /** A published version of the given tree owned by the county; returns the version node. */
  protected JsonNode publishedVersion(List<Map<String, Object>> tree, int year) throws Exception {
    JsonNode system =
        read(
            postJson(
                    admin,
                    "/api/assessments/indicator-systems",
                    Map.of("ownerOrgId", county.toString(), "name", "党建考核指标", "year", year))
                .andExpect(status().isCreated()));
    String versionId = system.get("versions").get(0).get("id").asString();
    ResultActions v = getUrl(admin, "/api/assessments/indicator-versions/" + versionId);
    ResultActions replaced =
        as(
                admin,
                put("/api/assessments/indicator-versions/" + versionId + "/indicators")
                    .header(HttpHeaders.IF_MATCH, etag(v))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("indicators", tree))))
            .andExpect(status().isOk());
    return read(
        as(
                admin,
                post("/api/assessments/indicator-versions/" + versionId + "/publish")
                    .header(HttpHeaders.IF_MATCH, etag(replaced)))
            .andExpect(status().isOk()));
  }

  protected static String indicatorId(JsonNode version, String code) {
    List<JsonNode> stack = new ArrayList<>();
    version.get("indicators").forEach(stack::add);
    while (!stack.isEmpty()) {
      JsonNode n = stack.remove(stack.size() - 1);
      if (code.equals(n.get("code").asString())) {
        return n.get("id").asString();
      }
      n.get("children").forEach(stack::add);
    }
    throw new IllegalArgumentException(code);
  }

  // --- cycles

  protected JsonNode openAnnual(JsonNode version, int year) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", year + "年度基层党建述职评议考核");
    body.put("kind", "ANNUAL");
    body.put("year", year);
    body.put("rootOrgId", township.toString());
    body.put("indicatorVersionId", version.get("id").asString());
    return read(postJson(admin, "/api/assessments/cycles", body).andExpect(status().isCreated()));
  }

  protected String cycleEtag(String cycleId) throws Exception {
    return etag(getUrl(admin, "/api/assessments/cycles/" + cycleId).andExpect(status().isOk()));
  }

  protected ResultActions score(
      String token, String cycleId, UUID org, String indicator, double points) throws Exception {
    return putJson(
        token,
        "/api/assessments/cycles/" + cycleId + "/scores",
        Map.of(
            "orgId",
            org.toString(),
            "indicatorId",
            indicator,
            "points",
            points,
            "evidence",
            "现场查阅台账"));
  }

  protected ResultActions step(String token, String cycleId, String action) throws Exception {
    return as(
        token,
        post("/api/assessments/cycles/" + cycleId + "/" + action)
            .header(HttpHeaders.IF_MATCH, cycleEtag(cycleId)));
  }

  /** A cycle step that runs as a job (compute, publish): its result once it succeeded. */
  protected JsonNode stepDone(String token, String cycleId, String action) throws Exception {
    return jobs().succeeded(token, step(token, cycleId, action));
  }

  /** The automatic scores of a cycle (a job), as of a day or today: the job's result. */
  protected JsonNode automaticScores(String token, String cycleId, String asOf) throws Exception {
    return jobs()
        .succeeded(
            token,
            as(
                token,
                post(
                    "/api/assessments/cycles/"
                        + cycleId
                        + "/automatic-scores"
                        + (asOf == null ? "" : "?asOf=" + asOf))));
  }

  /** Follows a job started through the API until it ends. */
  protected JobFollower jobs() {
    return new JobFollower(mvc, Duration.ofSeconds(30));
  }

  // --- source events, as the other services' outboxes send them

  protected EventEnvelope<Object> sendEvent(
      String topic, String type, String source, String subject, UUID org, Object payload) {
    EventEnvelope<Object> envelope =
        new EventEnvelope<>(
            UUID.randomUUID(), type, 1, Instant.now(), source, subject, FEED.pathOf(org), payload);
    FEED.sendRaw(topic, subject, json.writeValueAsBytes(envelope));
    return envelope;
  }

  /** An approved meeting with its attendees and unexcused absentees. */
  protected EventEnvelope<Object> approvedMeeting(
      UUID org, String type, LocalDate heldOn, List<UUID> attendees, List<UUID> unexcused) {
    UUID meeting = UUID.randomUUID();
    LocalDateTime at = heldOn.atTime(9, 0);
    return sendEvent(
        Topics.ORGLIFE_EVENTS,
        EventTypes.ORGLIFE_MEETING_APPROVED,
        "org-life-service",
        meeting.toString(),
        org,
        new MeetingRecordChanged(
            meeting,
            org,
            "BRANCH",
            type,
            "APPROVED",
            heldOn,
            at,
            at.plusHours(1),
            0,
            attendees.size() + unexcused.size(),
            attendees.size(),
            attendees,
            unexcused.stream().map(m -> new MeetingRecordChanged.Absentee(m, "UNEXCUSED")).toList(),
            "",
            true));
  }

  /** Waits until the source consumer processed an event. */
  protected void awaitProcessed(EventEnvelope<?> envelope) {
    Eventually.await(
        () -> {
          Integer n =
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM processed_event WHERE event_id = ?",
                  Integer.class,
                  envelope.eventId().toString());
          return n != null && n > 0 ? Optional.of(true) : Optional.empty();
        },
        Duration.ofSeconds(30));
  }

  // --- assessment.events

  /** Reads assessment.events from the beginning until a record matches (or 20 s pass). */
  protected JsonNode awaitAssessmentEvent(Predicate<JsonNode> match) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "assessment-test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(Topics.ASSESSMENT_EVENTS));
      long end = System.currentTimeMillis() + 20_000;
      while (System.currentTimeMillis() < end) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          JsonNode envelope = json.readTree(r.value());
          if (match.test(envelope)) {
            return envelope;
          }
        }
      }
    }
    return null;
  }

  /** All assessment.events records present now that match (reads until 3 s of silence). */
  protected List<JsonNode> assessmentEvents(Predicate<JsonNode> match) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "assessment-test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    List<JsonNode> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(Topics.ASSESSMENT_EVENTS));
      long quietUntil = System.currentTimeMillis() + 5_000;
      while (System.currentTimeMillis() < quietUntil) {
        var records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
          quietUntil = System.currentTimeMillis() + 3_000;
        }
        for (ConsumerRecord<String, byte[]> r : records) {
          JsonNode envelope = json.readTree(r.value());
          if (match.test(envelope)) {
            found.add(envelope);
          }
        }
      }
    }
    return found;
  }
}
