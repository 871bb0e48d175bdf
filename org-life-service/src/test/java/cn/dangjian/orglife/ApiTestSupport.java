package cn.dangjian.orglife;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.testsupport.api.ResponseContract;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
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

/**
 * A fresh township committee with two branches per test, learned through member.events; tokens and
 * request helpers.
 */
public abstract class ApiTestSupport extends OrgLifeIntegrationTest {

  protected static final AtomicInteger SERIAL = new AtomicInteger(100);
  protected static final LocalDate JOINED = LocalDate.of(2015, 7, 1);
  protected static final LocalDate FULL = LocalDate.of(2016, 7, 1);

  @Autowired protected MockMvc mvc;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected MemberProjection projection;
  protected final JsonMapper json = JsonMapper.builder().build();

  protected String admin;
  protected String worker;
  protected UUID county;
  protected UUID committee;
  protected UUID branchA;
  protected UUID branchB;

  @BeforeEach
  void tree() {
    int n = SERIAL.incrementAndGet();
    county = FEED.orgCreated(null, "示范县委" + n, "PARTY_COMMITTEE");
    committee = FEED.orgCreated(county, "城关镇党委" + n, "PARTY_COMMITTEE");
    branchA = FEED.orgCreated(committee, "第一党支部", "BRANCH");
    branchB = FEED.orgCreated(committee, "第二党支部", "BRANCH");
    awaitOrg(branchB);
    admin = KEYCLOAK.token().roles("platform-admin").username("admin").build();
    worker = KEYCLOAK.token().roles("party-worker").orgId(committee).username("worker" + n).build();
  }

  protected void awaitOrg(UUID org) {
    await().atMost(Duration.ofSeconds(20)).until(() -> projection.org(org).isPresent());
  }

  protected void awaitMember(UUID member) {
    await().atMost(Duration.ofSeconds(20)).until(() -> projection.member(member).isPresent());
  }

  /** Registers formal members in an org and waits until the projection has them. */
  protected List<UUID> formalMembers(UUID org, int count) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(FEED.memberRegistered(org, "FULL", "EMPLOYED", JOINED, FULL));
    }
    ids.forEach(this::awaitMember);
    return ids;
  }

  protected UUID probationaryMember(UUID org) {
    UUID id =
        FEED.memberRegistered(org, "PROBATIONARY", "EMPLOYED", LocalDate.of(2026, 3, 1), null);
    awaitMember(id);
    return id;
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

  protected static String etag(ResultActions result) {
    return result.andReturn().getResponse().getHeader(HttpHeaders.ETAG);
  }

  protected static UUID id(JsonNode node) {
    return UUID.fromString(node.get("id").asString());
  }

  // --- meetings

  /** A meeting planned and its ETag. */
  protected record Planned(UUID id, String etag) {}

  protected Planned plan(
      String token, UUID org, String type, LocalDateTime startsAt, List<UUID> named)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orgId", org.toString());
    body.put("type", type);
    body.put("title", "会议" + SERIAL.incrementAndGet());
    body.put("startsAt", startsAt.toString());
    body.put("endsAt", startsAt.plusMinutes(90).toString());
    body.put("place", "党员活动室");
    body.put("notice", "请准时参加");
    if (named != null) {
      body.put("expectedMemberIds", named.stream().map(UUID::toString).toList());
    }
    ResultActions r =
        as(
                token,
                post("/api/org-life/meetings")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(body)))
            .andExpect(status().isCreated());
    return new Planned(id(read(r)), etag(r));
  }

  /** A record body: the given present members, absentees (ILLNESS) and resolutions. */
  protected Map<String, Object> recordBody(
      LocalDateTime startsAt,
      List<UUID> present,
      List<UUID> absent,
      String minutes,
      List<Map<String, Object>> resolutions) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "会议记录");
    body.put("startsAt", startsAt.toString());
    body.put("endsAt", startsAt.plusMinutes(90).toString());
    body.put("place", "党员活动室");
    body.put("hostMemberId", present.get(0).toString());
    body.put("recorderMemberId", present.get(present.size() > 1 ? 1 : 0).toString());
    body.put("agenda", "学习传达上级精神；研究发展党员工作");
    body.put("minutes", minutes);
    body.put("theme", "学习贯彻党的二十届四中全会精神");
    body.put("lecturer", "张书记");
    body.put("topic", "坚定理想信念");
    body.put("attendees", present.stream().map(UUID::toString).toList());
    List<Map<String, Object>> abs = new ArrayList<>();
    for (UUID a : absent) {
      abs.add(Map.of("memberId", a.toString(), "reason", "ILLNESS", "note", "住院"));
    }
    body.put("absentees", abs);
    body.put("resolutions", resolutions);
    return body;
  }

  protected static Map<String, Object> resolution(int approve, int oppose, int abstain) {
    return Map.of(
        "title",
        "同意接收预备党员",
        "decision",
        "通过",
        "approve",
        approve,
        "oppose",
        oppose,
        "abstain",
        abstain);
  }

  protected ResultActions record(String token, Planned p, Map<String, Object> body)
      throws Exception {
    return as(
        token,
        put("/api/org-life/meetings/" + p.id() + "/record")
            .header(HttpHeaders.IF_MATCH, p.etag())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  protected ResultActions step(String token, UUID id, String action, String etag, Object body)
      throws Exception {
    MockHttpServletRequestBuilder req =
        post("/api/org-life/meetings/" + id + "/" + action).header(HttpHeaders.IF_MATCH, etag);
    if (body != null) {
      req = req.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }
    return as(token, req);
  }

  protected ResultActions getMeeting(String token, UUID id) throws Exception {
    return as(token, get("/api/org-life/meetings/" + id));
  }

  /** Plans, records, submits; returns the submitted meeting's ETag. */
  protected String heldAndSubmitted(String token, Planned p, Map<String, Object> record)
      throws Exception {
    String etag = etag(record(token, p, record).andExpect(status().isOk()));
    return etag(step(token, p.id(), "submit", etag, null).andExpect(status().isOk()));
  }

  protected static String minutes(String seed) {
    return "会议由支部书记主持。"
        + seed
        + "首先传达学习了上级党委关于加强基层党组织建设的文件精神，与会党员结合本职工作逐一发言，"
        + "一致表示要把学习成果转化为推动工作的实际行动。随后讨论了本季度发展党员工作计划，"
        + "研究确定了入党积极分子培养联系人，并对下一阶段的党员志愿服务活动作出安排。";
  }
}
