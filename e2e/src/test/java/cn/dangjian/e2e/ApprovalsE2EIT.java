package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.e2e.Api.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who decides what, through the gateway with real Keycloak tokens: the branch (secretary-a)
 * requests, the 城关镇党委 (worker) decides, a 开除党籍 also needs the county 纪委 (jiwei), and the effect
 * follows the last approval.
 */
@Tag("compose")
class ApprovalsE2EIT {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static Api api;
  static String admin;
  static UUID county;
  static UUID town;
  static UUID branch;

  @BeforeAll
  static void countyTownAndBranch() {
    api = E2ePlatform.api();
    admin = E2ePlatform.token("admin");
    county =
        DataScopeE2EIT.created(
            api.post(
                "/api/orgs",
                admin,
                TestData.org(null, "e2e审批县委" + UUID.randomUUID(), "PARTY_COMMITTEE")));
    town =
        DataScopeE2EIT.created(
            api.post("/api/orgs", admin, TestData.org(county, "审批镇党委", "PARTY_COMMITTEE")));
    branch =
        DataScopeE2EIT.created(
            api.post("/api/orgs", admin, TestData.org(town, "审批村党支部", "BRANCH")));
    E2ePlatform.keycloak().setOrgAndMember("secretary-a", branch.toString(), null);
    E2ePlatform.keycloak().setOrgAndMember("worker", town.toString(), null);
    E2ePlatform.keycloak().setOrgAndMember("jiwei", county.toString(), null);
  }

  private static Response decide(String token, JsonNode approval, String outcome, String comment) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("outcome", outcome);
    if (comment != null) {
      body.put("comment", comment);
    }
    return api.send(
        "POST",
        "/api/approvals/" + approval.get("id").asString() + "/decisions",
        token,
        body,
        "\"" + approval.get("version").asLong() + "\"");
  }

  private static Response step(String token, UUID member, String step, LocalDate on) {
    return api.post(
        "/api/members/" + member + "/development/steps",
        token,
        Map.of("step", step, "doneOn", on.toString()));
  }

  private static boolean awaiting(String token, String approvalId) {
    JsonNode page = api.get("/api/approvals?awaitingMe=true&size=200", token).json();
    for (JsonNode item : page.get("items")) {
      if (item.get("id").asString().equals(approvalId)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void anApplicantsLateTalkIsApprovedByThePartyCommitteeAndThePipelineContinues() {
    String secretary = E2ePlatform.token("secretary-a");
    String worker = E2ePlatform.token("worker");
    Map<String, Object> person = TestData.member(branch, "逾期谈话申请人");
    person.put("stage", "APPLICANT");
    person.remove("joinDate");
    person.remove("fullMemberDate");
    UUID applicant = DataScopeE2EIT.created(api.post("/api/members", secretary, person));
    LocalDate today = LocalDate.now(ZONE);
    LocalDate applied = today.minusMonths(2);
    assertThat(step(secretary, applicant, "APPLICATION", applied).status()).isEqualTo(201);

    // the talk happened, a week late: the branch cannot record it as it was, nor backdate it
    LocalDate talked = applied.plusMonths(1).plusDays(7);
    Response refused = step(secretary, applicant, "TALK", talked);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("rule").asString()).isEqualTo("talk-within-one-month");

    Response requested =
        api.post(
            "/api/members/" + applicant + "/development/requests",
            secretary,
            Map.of(
                "step",
                Map.of("step", "TALK", "doneOn", talked.toString()),
                "lateReason",
                "书记外出培训一周，谈话推迟"));
    assertThat(requested.status()).as(requested.body()).isEqualTo(201);
    JsonNode approval = requested.json();
    assertThat(approval.get("kind").asString()).isEqualTo("LATE_RECORD");
    assertThat(approval.get("stages").get(0).get("orgId").asString()).isEqualTo(town.toString());
    assertThat(decide(secretary, approval, "APPROVE", null).status()).isEqualTo(403);
    assertThat(awaiting(worker, approval.get("id").asString())).isTrue();
    assertThat(api.get("/api/approvals/counts", worker).json().get("awaitingMe").asLong())
        .isPositive();

    Response approved = decide(worker, approval, "APPROVE", "情况属实，同意逾期补录");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");

    JsonNode progress = api.get("/api/members/" + applicant + "/development", secretary).json();
    JsonNode talk = progress.get("steps").get(1);
    assertThat(talk.get("step").asString()).isEqualTo("TALK");
    assertThat(talk.get("doneOn").asString()).isEqualTo(talked.toString());
    assertThat(talk.get("late").asBoolean()).isTrue();
    assertThat(talk.get("suspectedBackfill").asBoolean()).isFalse();
    Response next = step(secretary, applicant, "ACTIVIST_CONFIRMED", today);
    assertThat(next.status()).as(next.body()).isEqualTo(201);
    assertThat(next.json().get("stage").asString()).isEqualTo("ACTIVIST");
  }

  @Test
  void anExpulsionDecidedByTheBranchIsRefusedUntilTheCountyDisciplineCommissionApproves() {
    String secretary = E2ePlatform.token("secretary-a");
    String worker = E2ePlatform.token("worker");
    String jiwei = E2ePlatform.token("jiwei");
    List<UUID> members = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      members.add(
          DataScopeE2EIT.created(
              api.post("/api/members", secretary, TestData.member(branch, "党员" + i))));
    }
    UUID accused = members.get(0);
    Response member = api.get("/api/members/" + accused, secretary);
    Response direct =
        api.send(
            "POST",
            "/api/members/" + accused + "/status",
            secretary,
            Map.of(
                "status", "EXPELLED",
                "effectiveOn", LocalDate.now(ZONE).toString(),
                "reason", "支部大会决定开除党籍"),
            member.header("ETag"));
    assertThat(direct.status()).isEqualTo(403);
    assertThat(direct.json().get("rule").asString()).isEqualTo("decided-by-higher-body");
    assertThat(direct.json().get("detail").asString()).contains("基层党委");

    Response requested =
        api.post(
            "/api/members/" + accused + "/status-requests",
            secretary,
            Map.of(
                "status",
                "EXPELLED",
                "reason",
                "严重违纪，支部大会决定开除党籍",
                "vote",
                Map.of(
                    "excludedWithApproval", 0,
                    "present", 4,
                    "approve", 3,
                    "oppose", 1,
                    "abstain", 0,
                    "writtenApprovals", 0)));
    assertThat(requested.status()).as(requested.body()).isEqualTo(201);
    JsonNode approval = requested.json();
    assertThat(approval.get("stages").get(1).get("body").asString())
        .isEqualTo("DISCIPLINE_COMMISSION");

    Response byCommittee = decide(worker, approval, "APPROVE", "同意，报县纪委审查");
    assertThat(byCommittee.status()).as(byCommittee.body()).isEqualTo(200);
    assertThat(byCommittee.json().get("awaiting").asString()).isEqualTo("DISCIPLINE_COMMISSION");
    assertThat(api.get("/api/members/" + accused, secretary).json().get("status").asString())
        .isEqualTo("ACTIVE");
    // neither the 组织部 nor the 党委 stands in for the 纪委
    Response byAdmin = decide(admin, byCommittee.json(), "APPROVE", null);
    assertThat(byAdmin.status()).isEqualTo(403);
    assertThat(byAdmin.json().get("decidingBody").asString()).isEqualTo("DISCIPLINE_COMMISSION");

    assertThat(awaiting(jiwei, approval.get("id").asString())).isTrue();
    Response byJiwei = decide(jiwei, byCommittee.json(), "APPROVE", "经审查，同意开除党籍");
    assertThat(byJiwei.status()).as(byJiwei.body()).isEqualTo(200);
    assertThat(api.get("/api/members/" + accused, secretary).json().get("status").asString())
        .isEqualTo("EXPELLED");
  }
}
