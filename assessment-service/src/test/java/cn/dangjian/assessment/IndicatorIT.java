package cn.dangjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

class IndicatorIT extends ApiTestSupport {

  private String draft() throws Exception {
    JsonNode system =
        read(
            postJson(
                    admin,
                    "/api/assessments/indicator-systems",
                    Map.of("ownerOrgId", county.toString(), "name", "星级评定指标", "year", 2026))
                .andExpect(status().isCreated()));
    return system.get("versions").get(0).get("id").asString();
  }

  private ResultActions replace(String versionId, String etag, List<Map<String, Object>> tree)
      throws Exception {
    return as(
        admin,
        put("/api/assessments/indicator-versions/" + versionId + "/indicators")
            .header(HttpHeaders.IF_MATCH, etag)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("indicators", tree))));
  }

  @Test
  void anotherCountysSecretaryAssessorOrMemberCannotReadAnIndicatorSystem() throws Exception {
    JsonNode system =
        read(
            postJson(
                    admin,
                    "/api/assessments/indicator-systems",
                    Map.of("ownerOrgId", county.toString(), "name", "本县星级评定指标", "year", 2026))
                .andExpect(status().isCreated()));
    String systemId = system.get("id").asString();
    String versionId = system.get("versions").get(0).get("id").asString();

    java.util.UUID otherCounty =
        FEED.orgCreated(null, "另一县委" + SERIAL.incrementAndGet(), "PARTY_COMMITTEE");
    java.util.UUID otherBranch = FEED.orgCreated(otherCounty, "外县支部", "BRANCH");
    awaitOrg(otherBranch);
    for (String stranger :
        List.of(secretaryOf(otherBranch), secretaryOf(otherCounty), assessor("third-party-x"))) {
      getUrl(stranger, "/api/assessments/indicator-systems/" + systemId)
          .andExpect(status().isNotFound());
      getUrl(stranger, "/api/assessments/indicator-versions/" + versionId)
          .andExpect(status().isNotFound());
      assertThat(read(getUrl(stranger, "/api/assessments/indicator-systems")).toString())
          .doesNotContain(systemId);
    }

    // the orgs it applies to read it: a branch below the county, and the county itself
    for (String inside : List.of(secretaryOf(branchA), secretaryOf(county), worker)) {
      getUrl(inside, "/api/assessments/indicator-systems/" + systemId).andExpect(status().isOk());
      getUrl(inside, "/api/assessments/indicator-versions/" + versionId).andExpect(status().isOk());
      assertThat(read(getUrl(inside, "/api/assessments/indicator-systems")).toString())
          .contains(systemId);
    }
  }

  @Test
  void weightsOfAPublishedVersionMustAddUpTo100() throws Exception {
    String v = draft();
    String etag = etag(getUrl(admin, "/api/assessments/indicator-versions/" + v));
    ResultActions saved =
        replace(
                v,
                etag,
                List.of(
                    leaf("a", "三会一课", "BASE", 40, "AUTOMATIC", "MEETING_COMPLIANCE"),
                    leaf("b", "作用发挥", "BASE", 50, "MANUAL", "DEPARTMENT")))
            .andExpect(status().isOk());
    as(
            admin,
            post("/api/assessments/indicator-versions/" + v + "/publish")
                .header(HttpHeaders.IF_MATCH, etag(saved)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.rule").value("weights-must-add-up"))
        .andExpect(jsonPath("$.detail").value("基本指标的分值合计为 90，须合计为 100 分才能发布"));
    assertThat(
            read(getUrl(admin, "/api/assessments/indicator-versions/" + v))
                .get("status")
                .asString())
        .isEqualTo("DRAFT");

    ResultActions fixed =
        replace(
                v,
                etag(saved),
                List.of(
                    leaf("a", "三会一课", "BASE", 40, "AUTOMATIC", "MEETING_COMPLIANCE"),
                    leaf("b", "作用发挥", "BASE", 60, "MANUAL", "DEPARTMENT")))
            .andExpect(status().isOk());
    as(
            admin,
            post("/api/assessments/indicator-versions/" + v + "/publish")
                .header(HttpHeaders.IF_MATCH, etag(fixed)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("PUBLISHED"));
  }

  @Test
  void aPublishedVersionIsImmutableAndANewYearGetsANewVersion() throws Exception {
    JsonNode published = publishedVersion(standardTree(), 2026);
    String v = published.get("id").asString();
    String etag = etag(getUrl(admin, "/api/assessments/indicator-versions/" + v));
    replace(v, etag, List.of(leaf("x", "其他", "BASE", 100, "MANUAL", "DEPARTMENT")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("published-version-is-immutable"));

    JsonNode next =
        read(
            postJson(
                    admin,
                    "/api/assessments/indicator-systems/"
                        + published.get("systemId").asString()
                        + "/versions",
                    Map.of("year", 2027))
                .andExpect(status().isCreated()));
    assertThat(next.get("versionNo").asInt()).isEqualTo(2);
    assertThat(next.get("status").asString()).isEqualTo("DRAFT");
    assertThat(next.get("year").asInt()).isEqualTo(2027);
    assertThat(indicatorId(next, "impact.survey"))
        .isNotEqualTo(indicatorId(published, "impact.survey"));
    // the published version is untouched
    assertThat(
            read(getUrl(admin, "/api/assessments/indicator-versions/" + v))
                .get("status")
                .asString())
        .isEqualTo("PUBLISHED");
  }

  @Test
  void aStaleOrMissingIfMatchLosesNoUpdate() throws Exception {
    String v = draft();
    String etag = etag(getUrl(admin, "/api/assessments/indicator-versions/" + v));
    replace(v, etag, List.of(leaf("a", "甲", "BASE", 100, "MANUAL", "DEPARTMENT")))
        .andExpect(status().isOk());
    replace(v, etag, List.of(leaf("b", "乙", "BASE", 100, "MANUAL", "DEPARTMENT")))
        .andExpect(status().isPreconditionFailed());
    as(
            admin,
            put("/api/assessments/indicator-versions/" + v + "/indicators")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"indicators\":[]}"))
        .andExpect(status().isPreconditionRequired());
  }

  @Test
  void badInputIsAChineseProblemNeverA500() throws Exception {
    postJson(admin, "/api/assessments/indicator-systems", Map.of("name", ""))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    as(
            admin,
            post("/api/assessments/indicator-systems")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"ownerOrgId\":\"" + county + "\",\"name\":\"x\",\"year\":2026,\"extra\":1}"))
        .andExpect(status().isBadRequest());
    as(admin, get("/api/assessments/indicator-versions/not-a-uuid"))
        .andExpect(status().isBadRequest());
    String v = draft();
    String etag = etag(getUrl(admin, "/api/assessments/indicator-versions/" + v));
    replace(v, etag, List.of(Map.of("code", "a", "name", "甲", "kind", "BASE", "weight", 100)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("leaf-needs-method"))
        .andExpect(jsonPath("$.detail").value("末级指标 a 须指定评分方式（人工或自动）"));
    replace(
            v,
            etag,
            List.of(
                Map.of(
                    "code",
                    "a",
                    "name",
                    "甲",
                    "kind",
                    "SIDEWAYS",
                    "weight",
                    100,
                    "method",
                    "MANUAL")))
        .andExpect(status().isBadRequest());
    // a member cannot maintain indicator systems
    String member = KEYCLOAK.token().roles("member").username("m1").build();
    postJson(
            member,
            "/api/assessments/indicator-systems",
            Map.of("ownerOrgId", county.toString(), "name", "x", "year", 2026))
        .andExpect(status().isForbidden());
  }
}
