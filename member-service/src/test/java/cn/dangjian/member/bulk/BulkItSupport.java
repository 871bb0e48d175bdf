package cn.dangjian.member.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.member.MemberServiceIntegrationTest;
import cn.dangjian.testsupport.api.JobFollower;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A fresh committee with two branches per test, tokens, and calls to the bulk endpoints. */
abstract class BulkItSupport extends MemberServiceIntegrationTest {

  static final String XLSX_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final AtomicInteger TREES = new AtomicInteger();
  private static final String TO_KAFKA = "listener_id LIKE '%EventExternalizer%'";

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  final JsonMapper json = JsonMapper.builder().build();

  String admin;
  UUID committee;
  UUID branchA;
  UUID branchB;

  @BeforeEach
  void tree() throws Exception {
    admin = KEYCLOAK.token().roles("platform-admin").username("admin").build();
    committee = createOrg(admin, null, "示范镇党委" + TREES.incrementAndGet(), "PARTY_COMMITTEE");
    branchA = createOrg(admin, committee, "第一党支部", "BRANCH");
    branchB = createOrg(admin, committee, "第二党支部", "BRANCH");
  }

  String secretaryOf(UUID org) {
    return KEYCLOAK.token().roles("secretary").orgId(org).username("secretary-" + org).build();
  }

  ResultActions as(String token, AbstractMockHttpServletRequestBuilder<?> request)
      throws Exception {
    return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
  }

  UUID createOrg(String token, UUID parent, String name, String type) throws Exception {
    String body =
        json.writeValueAsString(
            parent == null
                ? Map.of("name", name, "type", type)
                : Map.of("parentId", parent.toString(), "name", name, "type", type));
    return UUID.fromString(
        read(as(token, post("/api/orgs").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()))
            .get("id")
            .asString());
  }

  static MockMultipartHttpServletRequestBuilder upload(
      String path, String filename, String contentType, byte[] bytes) {
    return multipart(path).file(new MockMultipartFile("file", filename, contentType, bytes));
  }

  static MockMultipartHttpServletRequestBuilder membersCsv(List<List<String>> rows) {
    return upload(
        "/api/members/import",
        "党员名册.csv",
        "text/csv",
        BulkTestFiles.csv(BulkTestFiles.MEMBER_HEADER, rows));
  }

  /** An import whose rows a job applies: 202 with Location, then the ended job. */
  JsonNode importJob(String token, AbstractMockHttpServletRequestBuilder<?> request)
      throws Exception {
    return new JobFollower(mvc, Duration.ofSeconds(60)).follow(token, as(token, request));
  }

  /** The report of an import whose job must have succeeded. */
  JsonNode imported(String token, AbstractMockHttpServletRequestBuilder<?> request)
      throws Exception {
    JsonNode job = importJob(token, request);
    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    return job.get("result");
  }

  /** The report of an import whose job ended failed with the rejected all-or-nothing problem. */
  JsonNode rejected(String token, AbstractMockHttpServletRequestBuilder<?> request)
      throws Exception {
    JsonNode job = importJob(token, request);
    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("FAILED");
    assertThat(job.get("problem").get("rule").asString()).isEqualTo("import-rejected");
    assertThat(job.get("problem").get("status").asInt()).isEqualTo(422);
    assertThat(job.get("problem").get("detail").asString()).contains("未导入任何数据");
    assertThat(job.get("result").get("imported").asInt()).isZero();
    return job.get("result");
  }

  JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  int membersIn(UUID org) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM member WHERE org_id = UNHEX(REPLACE(?, '-', ''))",
        Integer.class,
        org.toString());
  }

  List<UUID> memberIdsIn(UUID org) {
    return jdbc
        .queryForList(
            "SELECT HEX(id) FROM member WHERE org_id = UNHEX(REPLACE(?, '-', ''))",
            String.class,
            org.toString())
        .stream()
        .map(BulkItSupport::uuidFromHex)
        .toList();
  }

  /**
   * Events of a type bound for Kafka whose subject is one of the ids: outbox entries of the Kafka
   * externalizer (other in-process listeners get publication rows of their own).
   */
  int eventsFor(String type, List<UUID> subjects) {
    int count = 0;
    for (UUID subject : subjects) {
      count +=
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM event_publication WHERE "
                  + TO_KAFKA
                  + " AND serialized_event LIKE ? AND serialized_event LIKE ?",
              Integer.class,
              "%\"" + type + "\"%",
              "%\"subjectId\":\"" + subject + "\"%");
    }
    return count;
  }

  int eventCount(String type) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM event_publication WHERE " + TO_KAFKA + " AND serialized_event LIKE ?",
        Integer.class,
        "%\"" + type + "\"%");
  }

  /** Organisations under a path prefix as (id, parent id, name, type), in path order. */
  List<List<String>> orgsUnder(UUID root) {
    String path =
        jdbc.queryForObject(
            "SELECT path FROM org_unit WHERE id = UNHEX(REPLACE(?, '-', ''))",
            String.class,
            root.toString());
    List<List<String>> rows = new ArrayList<>();
    jdbc.query(
        "SELECT HEX(id) AS id, HEX(parent_id) AS parent, name, org_type FROM org_unit"
            + " WHERE path LIKE ? ORDER BY path",
        rs -> {
          rows.add(
              List.of(
                  uuidFromHex(rs.getString("id")).toString(),
                  rs.getString("parent") == null
                      ? ""
                      : uuidFromHex(rs.getString("parent")).toString(),
                  rs.getString("name"),
                  rs.getString("org_type")));
        },
        path + "%");
    return rows;
  }

  static UUID uuidFromHex(String hex) {
    String h = hex.toLowerCase();
    return UUID.fromString(
        h.substring(0, 8)
            + "-"
            + h.substring(8, 12)
            + "-"
            + h.substring(12, 16)
            + "-"
            + h.substring(16, 20)
            + "-"
            + h.substring(20));
  }
}
