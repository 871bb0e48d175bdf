package cn.dangjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

class AccountabilityIT extends ApiTestSupport {

  private static List<Map<String, Object>> oneManualIndicator() {
    return List.of(leaf("overall", "党建工作综合评价", "BASE", 100, "MANUAL", "DEPARTMENT"));
  }

  /** A published annual cycle in which A, B and C got the given scores. */
  private String publishedYear(int year, double a, double b, double c) throws Exception {
    JsonNode version = publishedVersion(oneManualIndicator(), year);
    String cycle = openAnnual(version, year).get("id").asString();
    String overall = indicatorId(version, "overall");
    score(admin, cycle, branchA, overall, a).andExpect(status().isOk());
    score(admin, cycle, branchB, overall, b).andExpect(status().isOk());
    score(admin, cycle, branchC, overall, c).andExpect(status().isOk());
    stepDone(admin, cycle, "compute");
    stepDone(admin, cycle, "publish");
    return cycle;
  }

  private JsonNode cases() throws Exception {
    return read(
        getUrl(admin, "/api/assessments/accountability?orgId=" + township)
            .andExpect(status().isOk()));
  }

  @Test
  void bottomBandTwoYearsInARowTriggersAReminderTalk() throws Exception {
    String y2025 = publishedYear(2025, 90, 80, 40);
    assertThat(cases()).isEmpty(); // one year at the bottom is not yet two
    // C is last again; B is last but one this year, which is not the bottom band
    String y2026 = publishedYear(2026, 85, 70, 50);

    JsonNode cases = cases();
    assertThat(cases).hasSize(1);
    JsonNode c = cases.get(0);
    assertThat(c.get("orgId").asString()).isEqualTo(branchC.toString());
    assertThat(c.get("years").asInt()).isEqualTo(2);
    assertThat(c.get("previousCycleId").asString()).isEqualTo(y2025);
    assertThat(c.get("status").asString()).isEqualTo("TALK_DUE");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    assertThat(c.get("talkBy").asString()).isEqualTo(today.plusDays(30).toString());
    assertThat(c.get("rectifyBy").asString()).isEqualTo(today.plusDays(90).toString());

    JsonNode event =
        awaitAssessmentEvent(
            e ->
                e.get("type").asString().equals("assessment.accountability-triggered")
                    && e.get("payload").get("cycleId").asString().equals(y2026));
    assertThat(event).isNotNull();
    JsonNode p = event.get("payload");
    // the shape alert-service reads: orgId, cycleId, years, band, talkBy, rectifyBy, detail
    assertThat(p.get("orgId").asString()).isEqualTo(branchC.toString());
    assertThat(p.get("years").asInt()).isEqualTo(2);
    assertThat(p.get("band").asString()).isEqualTo("10%");
    assertThat(p.get("talkBy").asString()).isEqualTo(today.plusDays(30).toString());
    assertThat(p.get("rectifyBy").asString()).isEqualTo(today.plusDays(90).toString());
    assertThat(p.get("detail").asString()).contains("连续2年", "提醒谈话", "限期整改");
    assertThat(event.get("subjectId").asString()).isEqualTo(branchC.toString());
    assertThat(event.get("orgPath").asString()).isEqualTo(FEED.pathOf(branchC));
  }

  private ResultActions talk(String token, String id, String etag) throws Exception {
    return as(
        token,
        put("/api/assessments/accountability/" + id + "/talk")
            .header(HttpHeaders.IF_MATCH, etag)
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                json.writeValueAsString(
                    Map.of(
                        "heldOn",
                        LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
                        "talkedBy",
                        "镇党委书记王某",
                        "record",
                        "指出支部连续两年考核靠后的问题，提出整改要求，书记作出说明并表态。"))));
  }

  @Test
  void theTalkAndTheRectificationOutcomeAreRecordedFromAbove() throws Exception {
    publishedYear(2025, 90, 80, 40);
    publishedYear(2026, 85, 70, 50);
    String id = cases().get(0).get("id").asString();
    String etag = etag(getUrl(admin, "/api/assessments/accountability/" + id));

    talk(secretaryOf(branchC), id, etag)
        .andExpect(status().isForbidden()); // the org does not record its own reminder talk
    ResultActions talked =
        talk(secretaryOf(township), id, etag)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("RECTIFYING"))
            .andExpect(jsonPath("$.talkHeldBy").value("镇党委书记王某"));
    talk(secretaryOf(township), id, etag).andExpect(status().isPreconditionFailed());
    as(
            secretaryOf(township),
            put("/api/assessments/accountability/" + id + "/outcome")
                .header(HttpHeaders.IF_MATCH, etag(talked))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(
                        Map.of(
                            "outcome", "RECTIFIED",
                            "checkedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
                            "note", "整改验收合格，予以销号"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CLOSED"))
        .andExpect(jsonPath("$.outcome").value("RECTIFIED"));
    // another branch's secretary does not see the case
    getUrl(secretaryOf(branchA), "/api/assessments/accountability/" + id)
        .andExpect(status().isNotFound());
    assertThat(UUID.fromString(id)).isNotNull();
  }
}
