package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.e2e.Api.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7 through the gateway with real Keycloak tokens: an indicator system with an automatic
 * (三会一课 from org-life-service's approved meetings) and a manual indicator; last year's and this
 * year's annual cycles for three branches, scored, computed and published; the branch at the bottom
 * both years gets the accountability event, which alert-service turns into an ACCOUNTABILITY_TALK
 * alert for that org with the talk and the deadline.
 */
@Tag("compose")
class AssessmentE2EIT {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalDate TODAY = LocalDate.now(ZONE);

  static Api api;
  static String admin;
  static UUID root;
  static UUID active;
  static UUID middle;
  static UUID weak;
  static UUID host;
  static UUID present;
  static String secretary;

  @BeforeAll
  static void branches() throws Exception {
    api = E2ePlatform.api();
    admin = E2ePlatform.token("admin");
    root =
        DataScopeE2EIT.created(
            api.post(
                "/api/orgs",
                admin,
                TestData.org(null, "e2e考核党委" + UUID.randomUUID(), "PARTY_COMMITTEE")));
    active =
        DataScopeE2EIT.created(api.post("/api/orgs", admin, TestData.org(root, "先进党支部", "BRANCH")));
    middle =
        DataScopeE2EIT.created(api.post("/api/orgs", admin, TestData.org(root, "中间党支部", "BRANCH")));
    weak =
        DataScopeE2EIT.created(api.post("/api/orgs", admin, TestData.org(root, "后进党支部", "BRANCH")));
    host =
        DataScopeE2EIT.created(api.post("/api/members", admin, TestData.member(active, "先进支部书记")));
    present =
        DataScopeE2EIT.created(api.post("/api/members", admin, TestData.member(active, "先进支部党员")));
    secretary = E2ePlatform.accountToken(admin, host, "SECRETARY", "e2e-assess-");
  }

  @Test
  void aCycleWithAutomaticAndManualScoresIsPublishedAndTwoYearsAtTheBottomRaiseAnAlert()
      throws Exception {
    // last month's 主题党日 in the active branch, approved: the automatic indicator's source
    themedPartyDay(TODAY.withDayOfMonth(1).minusMonths(1).withDayOfMonth(5));

    String lastYear = cycle(TODAY.getYear() - 1, 50, 40, 10, false);
    JsonNode lastResult = result(lastYear, weak);
    assertThat(lastResult.get("result").get("weakCandidate").asBoolean()).isTrue();

    String thisYear = cycle(TODAY.getYear(), 55, 45, 5, true);
    JsonNode activeResult = result(thisYear, active);
    JsonNode meetings = score(activeResult, "meetings");
    assertThat(meetings.get("origin").asString()).isEqualTo("AUTO");
    assertThat(meetings.get("points").asDouble()).isPositive();
    assertThat(meetings.get("evidence").asString()).contains("主题党日 1/");
    assertThat(activeResult.get("result").get("rank").asInt()).isEqualTo(1);
    assertThat(activeResult.get("result").get("peerGroupSize").asInt()).isEqualTo(3);
    JsonNode weakResult = result(thisYear, weak);
    assertThat(weakResult.get("result").get("rank").asInt()).isEqualTo(3);
    assertThat(weakResult.get("result").get("percentile").asDouble()).isZero();
    assertThat(weakResult.get("rectification")).isNotEmpty();

    // the accountability case in assessment-service …
    JsonNode cases = api.get("/api/assessments/accountability?orgId=" + root, admin).json();
    assertThat(cases).hasSize(1);
    assertThat(cases.get(0).get("orgId").asString()).isEqualTo(weak.toString());
    assertThat(cases.get(0).get("years").asInt()).isEqualTo(2);
    String talkBy = cases.get(0).get("talkBy").asString();
    String rectifyBy = cases.get(0).get("rectifyBy").asString();

    // … and, through assessment.events, the alert in alert-service
    JsonNode alert = awaitAlert(weak);
    assertThat(alert.get("ruleId").asString()).isEqualTo("ACCOUNTABILITY_TALK");
    assertThat(alert.get("deadline").asString()).isEqualTo(rectifyBy);
    JsonNode detail = api.get("/api/alerts/" + alert.get("id").asString(), admin).json();
    assertThat(detail.toString()).contains(talkBy);
    // the active branch has no such alert
    assertThat(
            api.get("/api/alerts?ruleId=ACCOUNTABILITY_TALK&subjectId=" + active, admin)
                .json()
                .get("total")
                .asInt())
        .isZero();
  }

  /** An annual cycle for the three branches with the given manual scores, published. */
  private static String cycle(
      int year, int activeScore, int middleScore, int weakScore, boolean auto) throws Exception {
    // assessment-service learns the new orgs from member.events: retry while it answers 404
    Response system;
    long learnt = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    do {
      system =
          api.post(
              "/api/assessments/indicator-systems",
              admin,
              Map.of("ownerOrgId", root.toString(), "name", year + "年度党建考核", "year", year));
      if (system.status() != 201) {
        Thread.sleep(500);
      }
    } while (system.status() != 201 && System.nanoTime() < learnt);
    assertThat(system.status()).as(system.body()).isEqualTo(201);
    String version = system.json().get("versions").get(0).get("id").asString();
    Response draft = api.get("/api/assessments/indicator-versions/" + version, admin);
    Map<String, Object> meetings = new LinkedHashMap<>();
    meetings.put("code", "meetings");
    meetings.put("name", "三会一课");
    meetings.put("kind", "BASE");
    meetings.put("weight", 40);
    meetings.put("method", "AUTOMATIC");
    meetings.put("source", "MEETING_COMPLIANCE");
    Map<String, Object> work = new LinkedHashMap<>();
    work.put("code", "work");
    work.put("name", "党建工作成效");
    work.put("kind", "BASE");
    work.put("weight", 60);
    work.put("method", "MANUAL");
    work.put("scorer", "DEPARTMENT");
    Response replaced =
        send(
            "PUT",
            "/api/assessments/indicator-versions/" + version + "/indicators",
            Map.of("indicators", List.of(meetings, work)),
            draft.header("ETag"));
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    Response published =
        send(
            "POST",
            "/api/assessments/indicator-versions/" + version + "/publish",
            null,
            replaced.header("ETag"));
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    String workId = null;
    for (JsonNode i : published.json().get("indicators")) {
      if (i.get("code").asString().equals("work")) {
        workId = i.get("id").asString();
      }
    }
    Response opened = awaitOpened(year, version);
    String cycle = opened.json().get("id").asString();
    assertThat(opened.json().get("orgCount").asInt()).isEqualTo(3);
    if (auto) {
      awaitAutomaticMeetings(cycle);
    } else {
      api.job("/api/assessments/cycles/" + cycle + "/automatic-scores", admin, "");
    }
    for (Map.Entry<UUID, Integer> s :
        Map.of(active, activeScore, middle, middleScore, weak, weakScore).entrySet()) {
      Response scored =
          api.put(
              "/api/assessments/cycles/" + cycle + "/scores",
              admin,
              Map.of(
                  "orgId",
                  s.getKey().toString(),
                  "indicatorId",
                  workId,
                  "points",
                  s.getValue(),
                  "evidence",
                  "年度述职评议与现场考核"));
      assertThat(scored.status()).as(scored.body()).isEqualTo(200);
    }
    // the active branch's secretary reports, the organisation department enters the ballots
    Response report =
        api.put(
            "/api/assessments/cycles/" + cycle + "/orgs/" + active + "/report",
            secretary,
            Map.of("text", year + "年度抓基层党建工作述职报告"));
    assertThat(report.status()).as(report.body()).isEqualTo(204);
    Response ballot =
        api.put(
            "/api/assessments/cycles/" + cycle + "/orgs/" + active + "/ballot",
            admin,
            Map.of("good", 9, "fairlyGood", 1, "average", 0, "poor", 0));
    assertThat(ballot.status()).as(ballot.body()).isEqualTo(200);
    for (String step : List.of("compute", "publish")) {
      String path = "/api/assessments/cycles/" + cycle + "/" + step;
      api.follow(path, admin, send("POST", path, null, etag(cycle)));
    }
    return cycle;
  }

  /** assessment-service may not know the new orgs yet (member.events): retry while it says 404. */
  private static Response awaitOpened(int year, String version) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", year + "年度基层党建述职评议考核");
    body.put("kind", "ANNUAL");
    body.put("year", year);
    body.put("rootOrgId", root.toString());
    body.put("indicatorVersionId", version);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Response last;
    do {
      last = api.post("/api/assessments/cycles", admin, body);
      if (last.status() == 201 && last.json().get("orgCount").asInt() == 3) {
        return last;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(
        "no cycle for the three branches: " + last.status() + " " + last.body());
  }

  /** Recomputes the automatic scores until the approved meeting has reached assessment-service. */
  private static void awaitAutomaticMeetings(String cycle) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      api.job("/api/assessments/cycles/" + cycle + "/automatic-scores", admin, "");
      JsonNode meetings = score(result(cycle, active), "meetings");
      if (!meetings.get("points").isNull() && meetings.get("points").asDouble() > 0) {
        return;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("the approved meeting never counted in " + cycle);
  }

  private static JsonNode result(String cycle, UUID org) {
    Response r = api.get("/api/assessments/cycles/" + cycle + "/orgs/" + org + "/result", admin);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static JsonNode score(JsonNode result, String code) {
    for (JsonNode s : result.get("scores")) {
      if (s.get("code").asString().equals(code)) {
        return s;
      }
    }
    throw new AssertionError(code + " not in " + result);
  }

  private static String etag(String cycle) {
    return api.get("/api/assessments/cycles/" + cycle, admin).header("ETag");
  }

  private static JsonNode awaitAlert(UUID org) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Response last = null;
    while (System.nanoTime() < deadline) {
      last = api.get("/api/alerts?ruleId=ACCOUNTABILITY_TALK&subjectId=" + org, admin);
      if (last.status() == 200 && last.json().get("total").asInt() > 0) {
        return last.json().get("items").get(0);
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no ACCOUNTABILITY_TALK alert for " + org + ": " + last.body());
  }

  /** The active branch's secretary records a 主题党日; the organisation department approves. */
  private static void themedPartyDay(LocalDate held) throws Exception {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("orgId", active.toString());
    plan.put("type", "THEMED_PARTY_DAY");
    plan.put("title", held.getMonthValue() + "月主题党日");
    plan.put("startsAt", held.atTime(9, 0).toString());
    plan.put("endsAt", held.atTime(11, 0).toString());
    plan.put("place", "党群服务中心");
    Response planned = api.awaitCreated("/api/org-life/meetings", secretary, plan);
    String id = planned.json().get("id").asString();
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("title", held.getMonthValue() + "月主题党日");
    record.put("startsAt", held.atTime(9, 0).toString());
    record.put("endsAt", held.atTime(11, 0).toString());
    record.put("place", "党群服务中心");
    record.put("hostMemberId", host.toString());
    record.put("recorderMemberId", present.toString());
    record.put("theme", "学习贯彻党的二十届四中全会精神（" + held + "）");
    record.put("minutes", held + "：书记领学，党员交流体会，研究为民办实事项目，编号" + UUID.randomUUID());
    record.put("attendees", List.of(host.toString(), present.toString()));
    record.put("absentees", List.of());
    Response recorded =
        api.send(
            "PUT",
            "/api/org-life/meetings/" + id + "/record",
            secretary,
            record,
            planned.header("ETag"));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    Response submitted =
        api.send(
            "POST",
            "/api/org-life/meetings/" + id + "/submit",
            secretary,
            null,
            recorded.header("ETag"));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    Response approved =
        api.send(
            "POST",
            "/api/org-life/meetings/" + id + "/approve",
            admin,
            Map.of("comment", "同意"),
            submitted.header("ETag"));
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
  }

  private static Response send(String method, String path, Object body, String ifMatch) {
    return api.send(method, path, admin, body, ifMatch);
  }
}
