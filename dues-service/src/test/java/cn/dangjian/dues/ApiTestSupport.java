package cn.dangjian.dues;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.dues.config.DuesConfiguration;
import cn.dangjian.platform.projection.MemberEventsProjector;
import cn.dangjian.testsupport.api.JobFollower;
import cn.dangjian.testsupport.api.ResponseContract;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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

/** A fresh committee with two branches per test, tokens and request helpers. */
public abstract class ApiTestSupport extends DuesServiceIntegrationTest {

  protected static final AtomicInteger SERIAL = new AtomicInteger(100);
  protected static final YearMonth NOW = YearMonth.now(DuesConfiguration.CALENDAR);

  @Autowired protected MockMvc mvc;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected MemberEventsProjector projector;
  protected final JsonMapper json = JsonMapper.builder().build();

  protected ProjectionFeed feed;
  protected String admin;
  protected UUID committee;
  protected UUID branchA;
  protected UUID branchB;

  @BeforeEach
  void tree() {
    feed = new ProjectionFeed(projector);
    admin = KEYCLOAK.token().roles("platform-admin").username("admin").build();
    committee = feed.org(null, "城关镇党委" + SERIAL.incrementAndGet(), "PARTY_COMMITTEE");
    branchA = feed.org(committee, "第一党支部", "BRANCH");
    branchB = feed.org(committee, "第二党支部", "BRANCH");
  }

  protected String secretaryOf(UUID org) {
    return KEYCLOAK.token().roles("secretary").orgId(org).username("secretary-" + org).build();
  }

  protected String workerOf(UUID org) {
    return KEYCLOAK.token().roles("party-worker").orgId(org).username("worker-" + org).build();
  }

  protected String memberToken(UUID member, UUID org) {
    return KEYCLOAK
        .token()
        .roles("member")
        .orgId(org)
        .memberId(member)
        .username("member-" + member)
        .build();
  }

  /** A full member admitted years ago. */
  protected UUID fullMember(UUID org, String category) {
    return feed.member(org, "FULL", category, LocalDate.of(2015, 7, 1));
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

  protected ResultActions postJson(String token, String url, Object body, String idempotencyKey)
      throws Exception {
    return as(
        token,
        post(url)
            .header("Idempotency-Key", idempotencyKey)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  protected JsonNode getJson(String token, String url) throws Exception {
    return read(as(token, get(url)).andExpect(status().isOk()));
  }

  protected JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  /** Assesses a member from a month on; base in fen (null for fixed categories). */
  protected JsonNode profile(UUID member, YearMonth from, String category, Long baseFen)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("memberId", member.toString());
    body.put("effectiveMonth", from.toString());
    body.put("category", category);
    if (baseFen != null) {
      body.put("baseFen", baseFen);
    }
    return read(postJson(admin, "/api/dues/profiles", body).andExpect(status().isCreated()));
  }

  protected JsonNode run(String token, YearMonth month, UUID org) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("month", month.toString());
    if (org != null) {
      body.put("orgId", org.toString());
    }
    return jobs().succeeded(token, postJson(token, "/api/dues/bills/runs", body)).get("runs");
  }

  /** Follows a job started through the API until it ends. */
  protected JobFollower jobs() {
    return new JobFollower(mvc, java.time.Duration.ofSeconds(30));
  }

  protected Map<String, Object> bill(UUID member, YearMonth month) {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT amount_fen, status, org_id, origin FROM dues_bill WHERE member_id = ?"
                + " AND bill_month = ?",
            cn.dangjian.platform.persistence.Uuids.bytes(member),
            month.atDay(1));
    return rows.isEmpty() ? null : rows.get(0);
  }

  protected long amountOf(UUID member, YearMonth month) {
    return ((Number) bill(member, month).get("amount_fen")).longValue();
  }

  protected Map<String, Object> offline(UUID member, List<YearMonth> months, String receipt) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("memberId", member.toString());
    body.put("months", months.stream().map(YearMonth::toString).toList());
    body.put("channel", "OFFLINE");
    body.put("receiptNo", receipt);
    return body;
  }

  protected static String key() {
    return "k-" + UUID.randomUUID();
  }
}
