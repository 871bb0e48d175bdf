package cn.dangjian.alert;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.dues.ArrearsChanged;
import cn.dangjian.events.orglife.MeetingRecordChanged;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.testsupport.Eventually;
import cn.dangjian.testsupport.api.JobFollower;
import cn.dangjian.testsupport.api.ResponseContract;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
 * Helpers: a fresh county › town › two branches per test (through member.events), other services'
 * events sent to their real topics, tokens, requests, and waiting for the consumers.
 */
public abstract class ApiTestSupport extends AlertServiceIntegrationTest {

  protected static final AtomicInteger SERIAL = new AtomicInteger();

  @Autowired protected MockMvc mvc;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected MemberProjection projection;
  protected final JsonMapper json = JsonMapper.builder().build();

  protected String admin;
  protected UUID county;
  protected UUID town;
  protected UUID branchA;
  protected UUID branchB;

  @BeforeEach
  void tree() {
    admin = KEYCLOAK.token().roles("platform-admin").username("admin").build();
    county = FEED.orgCreated(null, "示范县委" + SERIAL.incrementAndGet(), "PARTY_COMMITTEE");
    town = FEED.orgCreated(county, "城关镇党委", "PARTY_COMMITTEE");
    branchA = FEED.orgCreated(town, "第一党支部", "BRANCH");
    branchB = FEED.orgCreated(town, "第二党支部", "BRANCH");
    await(() -> projection.org(branchB));
  }

  protected String secretaryOf(UUID org) {
    return KEYCLOAK.token().roles("secretary").orgId(org).username("secretary-" + org).build();
  }

  protected ResultActions as(String token, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
        .andDo(ResponseContract.servedBy(mvc));
  }

  protected JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  /** Runs a sweep job and answers its report (the job's result) once it succeeded. */
  protected JsonNode sweep(LocalDate asOf) throws Exception {
    return new JobFollower(mvc, java.time.Duration.ofSeconds(60))
        .succeeded(
            admin,
            as(
                admin,
                post("/api/alerts/sweeps")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"asOf\":\"" + asOf + "\"}")));
  }

  /** A member of a branch, known to alert-service. */
  protected UUID member(UUID branch) {
    UUID id =
        FEED.memberRegistered(
            branch, "FULL", "EMPLOYED", LocalDate.of(2015, 7, 1), LocalDate.of(2016, 7, 1));
    await(() -> projection.member(id));
    awaitRow("SELECT COUNT(*) FROM member_state WHERE member_id = UNHEX(REPLACE(?, '-', ''))", id);
    return id;
  }

  /** org-life-service approved a meeting record with these attendees and unexcused absentees. */
  protected UUID meeting(
      UUID org, String type, LocalDate heldOn, List<UUID> attended, List<UUID> absent) {
    UUID meetingId = UUID.randomUUID();
    send(
        Topics.ORGLIFE_EVENTS,
        EventTypes.ORGLIFE_MEETING_APPROVED,
        meetingId.toString(),
        org,
        new MeetingRecordChanged(
            meetingId,
            org,
            "BRANCH",
            type,
            "APPROVED",
            heldOn,
            LocalDateTime.of(heldOn, java.time.LocalTime.of(14, 0)),
            LocalDateTime.of(heldOn, java.time.LocalTime.of(16, 0)),
            1,
            attended.size() + absent.size(),
            attended.size(),
            attended,
            absent.stream().map(m -> new MeetingRecordChanged.Absentee(m, "UNEXCUSED")).toList(),
            null,
            true));
    awaitRow(
        "SELECT COUNT(*) FROM org_meeting WHERE meeting_id = UNHEX(REPLACE(?, '-', ''))",
        meetingId);
    return meetingId;
  }

  protected void arrears(UUID member, UUID org, int months, String since, long fen) {
    send(
        Topics.DUES_EVENTS,
        EventTypes.DUES_ARREARS_CHANGED,
        member.toString(),
        org,
        new ArrearsChanged(member, org, months, since, fen));
  }

  protected <P> EventEnvelope<P> send(
      String topic, String type, String subject, UUID org, P payload) {
    EventEnvelope<P> envelope =
        new EventEnvelope<>(
            UUID.randomUUID(), type, 1, Instant.now(), "test", subject, FEED.pathOf(org), payload);
    FEED.sendRaw(topic, subject, json.writeValueAsBytes(envelope));
    return envelope;
  }

  protected void awaitRow(String countSql, Object... ids) {
    Object[] args = java.util.Arrays.stream(ids).map(String::valueOf).toArray();
    await(
        () -> {
          Integer n = jdbc.queryForObject(countSql, Integer.class, args);
          return n != null && n > 0 ? Optional.of(n) : Optional.empty();
        });
  }

  protected static <T> T await(Supplier<Optional<T>> probe) {
    return Eventually.await(probe);
  }

  protected JsonNode alertsOf(String token, UUID subject) throws Exception {
    return read(
        as(
            token,
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/alerts")
                .param("subjectId", subject.toString())));
  }
}
