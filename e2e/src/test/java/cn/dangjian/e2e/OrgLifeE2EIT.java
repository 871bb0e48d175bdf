package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.e2e.Api.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Organisational life through the gateway with real Keycloak tokens: a party worker of the township
 * records a 支委会 of one of its branches with attendance, the superior org approves it, the
 * compliance summary shows the month covered, and another branch cannot see it. org-life learns the
 * orgs and members from member-service's events, never from its database.
 */
@Tag("compose")
class OrgLifeE2EIT {

  private final Api api = E2ePlatform.api();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aPartyWorkerRecordsACommitteeMeetingTheSuperiorApprovesItAndTheMonthIsCovered()
      throws Exception {
    String admin = E2ePlatform.token("admin");
    UUID township =
        created(
            api.post(
                "/api/orgs",
                admin,
                TestData.org(null, "e2e组织生活镇党委" + UUID.randomUUID(), "PARTY_COMMITTEE")));
    UUID branchA = created(api.post("/api/orgs", admin, TestData.org(township, "东村党支部", "BRANCH")));
    UUID branchB = created(api.post("/api/orgs", admin, TestData.org(township, "西村党支部", "BRANCH")));
    E2ePlatform.keycloak().setOrgAndMember("worker", township.toString(), null);
    E2ePlatform.keycloak().setOrgAndMember("secretary-b", branchB.toString(), null);
    List<UUID> committee = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      committee.add(created(api.post("/api/members", admin, TestData.member(branchA, "支委" + i))));
    }
    String worker = E2ePlatform.token("worker");

    // plan: retried until org-life-service has learned the branch and its members from the events
    LocalDateTime startsAt =
        LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(3).truncatedTo(ChronoUnit.HOURS);
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("orgId", branchA.toString());
    plan.put("type", "COMMITTEE_MEETING");
    plan.put("title", "支委会");
    plan.put("startsAt", startsAt.toString());
    plan.put("endsAt", startsAt.plusMinutes(90).toString());
    plan.put("place", "村党群服务中心");
    plan.put("expectedMemberIds", committee.stream().map(UUID::toString).toList());
    Response planned = null;
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      planned = api.post("/api/org-life/meetings", worker, plan);
      if (planned.status() == 201) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(planned.status()).as(planned.body()).isEqualTo(201);
    UUID meeting = UUID.fromString(planned.json().get("id").asString());
    String etag = planned.header("ETag");

    Map<String, Object> record = new LinkedHashMap<>();
    record.put("title", "支委会");
    record.put("startsAt", startsAt.toString());
    record.put("endsAt", startsAt.plusMinutes(90).toString());
    record.put("place", "村党群服务中心");
    record.put("hostMemberId", committee.get(0).toString());
    record.put("recorderMemberId", committee.get(1).toString());
    record.put("agenda", "研究发展党员工作");
    record.put("minutes", "支部书记主持，研究确定本季度发展对象人选，讨论了党员志愿服务安排。");
    record.put("attendees", List.of(committee.get(0).toString(), committee.get(1).toString()));
    record.put(
        "absentees",
        List.of(Map.of("memberId", committee.get(2).toString(), "reason", "LEAVE", "note", "外出")));
    record.put(
        "resolutions", List.of(Map.of("title", "确定发展对象", "approve", 2, "oppose", 0, "abstain", 0)));
    HttpResponse<String> recorded =
        send("PUT", "/api/org-life/meetings/" + meeting + "/record", worker, etag, record);
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
    HttpResponse<String> submitted =
        send(
            "POST",
            "/api/org-life/meetings/" + meeting + "/submit",
            worker,
            recorded.headers().firstValue("ETag").orElseThrow(),
            null);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);

    // the worker who recorded it cannot approve it; the superior (organisation department) does
    String submittedTag = submitted.headers().firstValue("ETag").orElseThrow();
    assertThat(
            send(
                    "POST",
                    "/api/org-life/meetings/" + meeting + "/approve",
                    worker,
                    submittedTag,
                    Map.of())
                .statusCode())
        .isEqualTo(422);
    HttpResponse<String> approved =
        send(
            "POST",
            "/api/org-life/meetings/" + meeting + "/approve",
            admin,
            submittedTag,
            Map.of());
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    JsonNode view = Api.JSON.readTree(approved.body());
    assertThat(view.get("status").asString()).isEqualTo("APPROVED");
    assertThat(view.get("actualCount").asInt()).isEqualTo(2);

    String month = YearMonth.from(startsAt).toString();
    Response branchPlan =
        api.get("/api/org-life/compliance/orgs/" + branchA + "?period=" + month, worker);
    assertThat(branchPlan.status()).as(branchPlan.body()).isEqualTo(200);
    JsonNode committeeItem = null;
    for (JsonNode item : branchPlan.json().get("items")) {
      if (item.get("meetingType").asString().equals("COMMITTEE_MEETING")) {
        committeeItem = item;
      }
    }
    assertThat(committeeItem.get("status").asString()).isEqualTo("MET");
    Response summary =
        api.get("/api/org-life/compliance/summary?orgId=" + township + "&period=" + month, worker);
    assertThat(summary.status()).as(summary.body()).isEqualTo(200);
    assertThat(summary.json().get("orgs").asInt()).isEqualTo(2);
    boolean committeeMet = false;
    for (JsonNode t : summary.json().get("byType")) {
      if (t.get("meetingType").asString().equals("COMMITTEE_MEETING")) {
        committeeMet = t.get("met").asInt() == 1;
      }
    }
    assertThat(committeeMet).as(summary.body()).isTrue();

    // another branch's secretary sees neither the meeting nor the branch's plan
    String secretaryB = E2ePlatform.token("secretary-b");
    Response other = api.get("/api/org-life/meetings/" + meeting, secretaryB);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.header("Content-Type")).startsWith("application/problem+json");
    assertThat(api.get("/api/org-life/meetings", secretaryB).body())
        .doesNotContain(meeting.toString());
    assertThat(
            api.get("/api/org-life/compliance/orgs/" + branchA + "?period=" + month, secretaryB)
                .status())
        .isEqualTo(404);
  }

  private HttpResponse<String> send(
      String method, String path, String token, String ifMatch, Object body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(E2ePlatform.gatewayUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("If-Match", ifMatch)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static UUID created(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return UUID.fromString(response.json().get("id").asString());
  }
}
