package cn.dangjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.dues.DuesPaid;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CycleIT extends ApiTestSupport {

  private static final LocalDate AS_OF = LocalDate.of(2026, 4, 1);

  private void paid(UUID member, UUID org, String... months) {
    EventEnvelope<Object> e =
        sendEvent(
            Topics.DUES_EVENTS,
            EventTypes.DUES_PAID,
            "dues-service",
            member.toString(),
            org,
            new DuesPaid(
                UUID.randomUUID(),
                member,
                org,
                "OFFLINE",
                List.of(months),
                3000,
                0,
                3000,
                false,
                LocalDate.parse(months[0] + "-05")
                    .atStartOfDay(ZoneId.of("Asia/Shanghai"))
                    .toInstant()));
    awaitProcessed(e);
  }

  /** Branch A holds everything in Q1 2026 and pays; B holds one month and half pays; C nothing. */
  private void sources() {
    List<UUID> a = formalMembers(branchA, 2);
    List<UUID> b = formalMembers(branchB, 2);
    formalMembers(branchC, 2);
    List<EventEnvelope<Object>> sent = new ArrayList<>();
    for (int month = 1; month <= 3; month++) {
      LocalDate day = LocalDate.of(2026, month, 10);
      sent.add(approvedMeeting(branchA, "COMMITTEE_MEETING", day, a, List.of()));
      sent.add(approvedMeeting(branchA, "THEMED_PARTY_DAY", day.plusDays(1), a, List.of()));
    }
    sent.add(
        approvedMeeting(
            branchA, "BRANCH_GENERAL_MEETING", LocalDate.of(2026, 3, 20), a, List.of()));
    sent.add(approvedMeeting(branchA, "PARTY_LECTURE", LocalDate.of(2026, 2, 20), a, List.of()));
    sent.add(
        approvedMeeting(branchB, "COMMITTEE_MEETING", LocalDate.of(2026, 1, 10), b, List.of()));
    sent.add(approvedMeeting(branchB, "THEMED_PARTY_DAY", LocalDate.of(2026, 1, 12), b, List.of()));
    sent.forEach(this::awaitProcessed);
    for (UUID m : a) {
      paid(m, branchA, "2026-01", "2026-02", "2026-03");
    }
    paid(b.get(0), branchB, "2026-01", "2026-02", "2026-03");
  }

  private record Run(String cycleId, JsonNode version) {}

  private Run scoredCycle() throws Exception {
    sources();
    JsonNode version = publishedVersion(standardTree(), 2026);
    String cycle = openAnnual(version, 2026).get("id").asString();
    postJson(
            admin,
            "/api/assessments/cycles/" + cycle + "/assessors",
            Map.of(
                "assessor", "survey-co", "orgIds", List.of(branchA.toString(), branchB.toString())))
        .andExpect(status().isOk());
    postJson(
            admin,
            "/api/assessments/cycles/" + cycle + "/assessors",
            Map.of("assessor", "other-co", "orgIds", List.of(branchC.toString())))
        .andExpect(status().isOk());
    automaticScores(admin, cycle, AS_OF.toString());
    String dept = indicatorId(version, "impact.dept");
    String survey = indicatorId(version, "impact.survey");
    score(worker, cycle, branchA, dept, 28).andExpect(status().isOk());
    score(worker, cycle, branchB, dept, 20).andExpect(status().isOk());
    score(worker, cycle, branchC, dept, 10).andExpect(status().isOk());
    score(assessor("survey-co"), cycle, branchA, survey, 27).andExpect(status().isOk());
    score(assessor("survey-co"), cycle, branchB, survey, 20).andExpect(status().isOk());
    score(assessor("other-co"), cycle, branchC, survey, 5).andExpect(status().isOk());
    putJson(
            secretaryOf(branchA),
            "/api/assessments/cycles/" + cycle + "/orgs/" + branchA + "/report",
            Map.of("text", "一年来，支部认真落实“三会一课”制度……"))
        .andExpect(status().isNoContent());
    putJson(
            worker,
            "/api/assessments/cycles/" + cycle + "/orgs/" + branchA + "/ballot",
            Map.of("good", 8, "fairlyGood", 2, "average", 0, "poor", 0))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ballotScore").value(96.0));
    return new Run(cycle, version);
  }

  @Test
  void aCycleRunsFromAutomaticAndManualScoresToAPublishedRanking() throws Exception {
    Run run = scoredCycle();
    String cycle = run.cycleId();
    assertThat(stepDone(admin, cycle, "compute").get("status").asString()).isEqualTo("REVIEW");

    JsonNode a =
        read(getUrl(admin, "/api/assessments/cycles/" + cycle + "/orgs/" + branchA + "/result"));
    Map<String, Double> points = new java.util.HashMap<>();
    a.get("scores")
        .forEach(
            s ->
                points.put(
                    s.get("code").asString(),
                    s.get("points").isNull() ? null : s.get("points").asDouble()));
    assertThat(points).containsEntry("life.meetings", 30.0).containsEntry("life.dues", 10.0);
    assertThat(a.get("scores").get(0).get("evidence").asString())
        .contains("支委会 3/3 个月", "党员大会 1/1 个季度");
    JsonNode ra = a.get("result");
    // base 30 + 10 + 28 + 27 = 95; with ballots (96): 95 × 0.7 + 96 × 0.3 = 95.3
    assertThat(ra.get("indicatorScore").asDouble()).isEqualTo(95.0);
    assertThat(ra.get("combined").asDouble()).isEqualTo(95.3);
    assertThat(ra.get("rank").asInt()).isEqualTo(1);
    assertThat(ra.get("percentile").asDouble()).isEqualTo(100.0);
    assertThat(ra.get("grade").asString()).isEqualTo("GOOD");
    assertThat(ra.get("stars").asInt()).isEqualTo(5);
    assertThat(a.get("rectification")).isEmpty();

    JsonNode b =
        read(getUrl(admin, "/api/assessments/cycles/" + cycle + "/orgs/" + branchB + "/result"));
    // 三会一课 2 of 8 slots → 7.5; dues 3 of 6 member-months → 5; no ballot: indicators only
    assertThat(b.get("result").get("combined").asDouble()).isEqualTo(52.5);
    assertThat(b.get("result").get("rank").asInt()).isEqualTo(2);
    assertThat(b.get("result").get("percentile").asDouble()).isEqualTo(50.0);
    assertThat(b.get("result").get("weakCandidate").asBoolean()).isFalse();

    JsonNode c =
        read(getUrl(admin, "/api/assessments/cycles/" + cycle + "/orgs/" + branchC + "/result"));
    assertThat(c.get("result").get("combined").asDouble()).isEqualTo(15.0);
    assertThat(c.get("result").get("grade").asString()).isEqualTo("POOR");
    assertThat(c.get("result").get("weakCandidate").asBoolean()).isTrue();
    List<String> items = new ArrayList<>();
    c.get("rectification").forEach(i -> items.add(i.get("key").asString()));
    assertThat(items)
        .contains(
            "indicator:life.meetings",
            "indicator:life.dues",
            "indicator:impact.dept",
            "indicator:impact.survey");

    JsonNode weak = read(getUrl(admin, "/api/assessments/cycles/" + cycle + "/weak-candidates"));
    assertThat(weak.get("total").asLong()).isEqualTo(1);
    assertThat(weak.get("items").get(0).get("orgId").asString()).isEqualTo(branchC.toString());

    assertThat(stepDone(admin, cycle, "publish").get("status").asString()).isEqualTo("PUBLISHED");
    JsonNode event =
        awaitAssessmentEvent(
            e ->
                e.get("type").asString().equals("assessment.cycle-published")
                    && e.get("payload").get("cycleId").asString().equals(cycle)
                    && e.get("subjectId").asString().equals(branchA.toString()));
    assertThat(event).isNotNull();
    JsonNode p = event.get("payload");
    assertThat(p.get("rank").asInt()).isEqualTo(1);
    assertThat(p.get("peerGroupSize").asInt()).isEqualTo(3);
    assertThat(p.get("grade").asString()).isEqualTo("GOOD");
    assertThat(p.get("score").asDouble()).isEqualTo(95.3);
    assertThat(event.get("orgPath").asString()).isEqualTo(FEED.pathOf(branchA));
  }

  @Test
  void anAssessorSeesOnlyAssignedOrgs() throws Exception {
    Run run = scoredCycle();
    String cycle = run.cycleId();
    String survey = assessor("survey-co");
    JsonNode orgs =
        read(
            getUrl(survey, "/api/assessments/cycles/" + cycle + "/orgs")
                .andExpect(status().isOk()));
    List<String> seen = new ArrayList<>();
    orgs.forEach(o -> seen.add(o.get("orgId").asString()));
    assertThat(seen).containsExactlyInAnyOrder(branchA.toString(), branchB.toString());
    getUrl(survey, "/api/assessments/cycles/" + cycle + "/orgs/" + branchC + "/result")
        .andExpect(status().isNotFound());
    score(survey, cycle, branchC, indicatorId(run.version(), "impact.survey"), 10)
        .andExpect(status().isNotFound());
    // read-only elsewhere: the department's indicator, the cycle's steps
    score(survey, cycle, branchA, indicatorId(run.version(), "impact.dept"), 10)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value("“党建引领中心工作”由考核部门评分，第三方评估机构对此只读"));
    step(survey, cycle, "compute").andExpect(status().isForbidden());
    // an assessor not assigned to the cycle does not see it at all
    getUrl(assessor("stranger-co"), "/api/assessments/cycles/" + cycle)
        .andExpect(status().isNotFound());
    // and the department cannot enter the assessor's indicator
    score(worker, cycle, branchA, indicatorId(run.version(), "impact.survey"), 10)
        .andExpect(status().isForbidden());
  }

  @Test
  void scorersAssessTheLevelBelowNeverTheirOwnOrg() throws Exception {
    Run run = scoredCycle();
    String cycle = run.cycleId();
    String dept = indicatorId(run.version(), "impact.dept");
    score(secretaryOf(branchB), cycle, branchB, dept, 30)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value("考核、评议和审核由上级组织进行，不能考核本组织"));
    score(secretaryOf(branchB), cycle, branchA, dept, 30).andExpect(status().isNotFound());
    putJson(
            secretaryOf(branchB),
            "/api/assessments/cycles/" + cycle + "/orgs/" + branchA + "/report",
            Map.of("text", "代写"))
        .andExpect(status().isNotFound());
    putJson(
            worker,
            "/api/assessments/cycles/" + cycle + "/orgs/" + branchB + "/ballot",
            Map.of("good", 1, "fairlyGood", 0, "average", 0, "poor", 0))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("report-before-ballot"));
    score(worker, cycle, branchA, dept, 31)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("points-within-weight"));
    score(worker, cycle, branchA, indicatorId(run.version(), "life.meetings"), 10)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("automatic-indicator-is-computed"));
  }

  @Test
  void theCombinedScoreWaitsForEveryManualScore() throws Exception {
    JsonNode version = publishedVersion(standardTree(), 2026);
    String cycle = openAnnual(version, 2026).get("id").asString();
    score(worker, cycle, branchA, indicatorId(version, "impact.dept"), 20)
        .andExpect(status().isOk());
    step(admin, cycle, "compute")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("manual-scores-missing"))
        .andExpect(jsonPath("$.detail").value("还有 5 项人工评分未录入，不能计算综合得分"));
    getUrl(admin, "/api/assessments/cycles/" + cycle + "/results")
        .andExpect(status().isUnprocessableContent());
  }

  @Test
  void aCorrectionAfterPublicationIsAnAuditedRepublication() throws Exception {
    Run run = scoredCycle();
    String cycle = run.cycleId();
    stepDone(admin, cycle, "compute");
    stepDone(admin, cycle, "publish");
    // before publication scores are entered; after it only a correction with a reason changes one
    score(worker, cycle, branchC, indicatorId(run.version(), "impact.dept"), 30)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("cycle-status"));
    as(
            admin,
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/assessments/cycles/" + cycle + "/corrections")
                .header(org.springframework.http.HttpHeaders.IF_MATCH, cycleEtag(cycle))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(
                        Map.of(
                            "orgId",
                            branchC.toString(),
                            "indicatorId",
                            indicatorId(run.version(), "impact.dept"),
                            "points",
                            30,
                            "reason",
                            "复核发现漏计乡村振兴项目成效"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.publicationNo").value(2));
    JsonNode pubs = read(getUrl(admin, "/api/assessments/cycles/" + cycle + "/publications"));
    assertThat(pubs).hasSize(2);
    assertThat(pubs.get(1).get("reason").asString()).isEqualTo("复核发现漏计乡村振兴项目成效");
    assertThat(pubs.get(1).get("changedOrgs").asInt()).isPositive();
    Integer audited =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM score_correction WHERE old_points = 10 AND new_points = 30 AND"
                + " publication_no = 2 AND changed_by = 'admin'",
            Integer.class);
    assertThat(audited).isEqualTo(1);
    JsonNode c =
        read(getUrl(admin, "/api/assessments/cycles/" + cycle + "/orgs/" + branchC + "/result"));
    assertThat(c.get("result").get("combined").asDouble()).isEqualTo(35.0);
    assertThat(c.get("publicationNo").asInt()).isEqualTo(2);
    JsonNode republished =
        awaitAssessmentEvent(
            e ->
                e.get("type").asString().equals("assessment.cycle-published")
                    && e.get("subjectId").asString().equals(branchC.toString())
                    && e.get("payload").get("publicationNo").asInt() == 2);
    assertThat(republished).isNotNull();
  }

  @Test
  void openingACycleChecksItsInputAndAQuarterCoversThreeMonths() throws Exception {
    JsonNode version = publishedVersion(standardTree(), 2026);
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("name", "2026年第一季度述职评议");
    body.put("kind", "QUARTERLY");
    body.put("year", 2026);
    body.put("rootOrgId", township.toString());
    body.put("indicatorVersionId", version.get("id").asString());
    postJson(admin, "/api/assessments/cycles", body)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("quarterly-cycle-needs-quarter"))
        .andExpect(jsonPath("$.detail").value("季度考核须指定第1至4季度"));
    body.put("kind", "MONTHLY");
    postJson(admin, "/api/assessments/cycles", body).andExpect(status().isBadRequest());
    body.put("kind", "QUARTERLY");
    body.put("quarter", 1);
    body.put("rootOrgId", UUID.randomUUID().toString());
    postJson(admin, "/api/assessments/cycles", body).andExpect(status().isNotFound());
    body.put("rootOrgId", township.toString());
    JsonNode draft =
        read(
            postJson(
                    admin,
                    "/api/assessments/indicator-systems/"
                        + version.get("systemId").asString()
                        + "/versions",
                    Map.of("year", 2027))
                .andExpect(status().isCreated()));
    body.put("indicatorVersionId", draft.get("id").asString());
    postJson(admin, "/api/assessments/cycles", body)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("cycle-needs-published-version"));
    body.put("indicatorVersionId", version.get("id").asString());
    postJson(worker, "/api/assessments/cycles", body).andExpect(status().isForbidden());
    postJson(admin, "/api/assessments/cycles", body)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.periodFrom").value("2026-01-01"))
        .andExpect(jsonPath("$.periodTo").value("2026-03-31"))
        .andExpect(jsonPath("$.orgCount").value(3));
  }
}
