package cn.dangjian.member;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.member.privacy.ChineseIdNumber;
import cn.dangjian.testsupport.api.ResponseContract;
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

/** Helpers for API tests: a fresh committee with two branches per test, tokens, requests. */
public abstract class ApiTestSupport extends MemberServiceIntegrationTest {

  protected static final AtomicInteger SERIAL = new AtomicInteger(100);

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  protected final JsonMapper json = JsonMapper.builder().build();

  protected String admin;
  protected UUID committee;
  protected UUID branchA;
  protected UUID branchB;

  @BeforeEach
  void tree() throws Exception {
    admin = KEYCLOAK.token().roles("platform-admin").username("admin").build();
    committee = id(create(admin, null, "城关镇党委" + SERIAL.incrementAndGet(), "PARTY_COMMITTEE"));
    branchA = id(create(admin, committee, "第一党支部", "BRANCH"));
    branchB = id(create(admin, committee, "第二党支部", "BRANCH"));
  }

  protected String secretaryOf(UUID org) {
    return KEYCLOAK.token().roles("secretary").orgId(org).username("secretary-" + org).build();
  }

  protected ResultActions as(String token, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
        .andDo(ResponseContract.servedBy(mvc));
  }

  protected JsonNode create(String token, UUID parent, String name, String type) throws Exception {
    String body =
        json.writeValueAsString(
            parent == null
                ? Map.of("name", name, "type", type)
                : Map.of("parentId", parent.toString(), "name", name, "type", type));
    return read(
        as(token, post("/api/orgs").contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isCreated()));
  }

  protected static String newIdNumber() {
    return ChineseIdNumber.withCheckDigit(
        "110105199003"
            + String.format("%02d", 1 + SERIAL.get() % 28)
            + String.format("%03d", SERIAL.incrementAndGet() % 1000));
  }

  protected static String birthOf(String idNumber) {
    return idNumber.substring(6, 10)
        + "-"
        + idNumber.substring(10, 12)
        + "-"
        + idNumber.substring(12, 14);
  }

  protected String memberJson(UUID org, String name, String idNumber) {
    return json.writeValueAsString(
        Map.ofEntries(
            Map.entry("orgId", org.toString()),
            Map.entry("name", name),
            Map.entry("gender", "FEMALE"),
            Map.entry("ethnicity", "汉族"),
            Map.entry("birthDate", birthOf(idNumber)),
            Map.entry("idNumber", idNumber),
            Map.entry("phone", "13812345678"),
            Map.entry("education", "本科"),
            Map.entry("stage", "FULL"),
            Map.entry("duesCategory", "EMPLOYED"),
            Map.entry("joinDate", "2019-07-01"),
            Map.entry("fullMemberDate", "2020-07-01")));
  }

  protected JsonNode register(String token, UUID org, String name, String idNumber)
      throws Exception {
    return read(
        as(
                token,
                post("/api/members")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(memberJson(org, name, idNumber)))
            .andExpect(status().isCreated()));
  }

  protected JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  protected static UUID id(JsonNode node) {
    return UUID.fromString(node.get("id").asString());
  }
}
