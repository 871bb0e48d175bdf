package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.devstack.KeycloakAdmin;
import cn.dangjian.e2e.Api.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue "member-service" through the gateway with real Keycloak: a member's account follows the
 * register across a transfer, and the development pipeline enforces its rules.
 */
@Tag("compose")
@Order(4)
class MemberLifecycleE2EIT {

  static Api api;
  static String admin;
  static UUID branchA;
  static UUID branchB;

  @BeforeAll
  static void twoBranches() {
    api = E2ePlatform.api();
    admin = E2ePlatform.token("admin");
    UUID root =
        DataScopeE2EIT.created(
            api.post(
                "/api/orgs",
                admin,
                TestData.org(null, "e2e生命周期党委" + UUID.randomUUID(), "PARTY_COMMITTEE")));
    branchA =
        DataScopeE2EIT.created(api.post("/api/orgs", admin, TestData.org(root, "东村党支部", "BRANCH")));
    branchB =
        DataScopeE2EIT.created(api.post("/api/orgs", admin, TestData.org(root, "西村党支部", "BRANCH")));
  }

  @Test
  void secretaryAccountCarriesTheBranchAndFollowsATransfer() {
    UUID member =
        DataScopeE2EIT.created(api.post("/api/members", admin, TestData.member(branchA, "新任书记")));
    UUID colleague =
        DataScopeE2EIT.created(api.post("/api/members", admin, TestData.member(branchA, "同支部党员")));
    String username = "e2e-sec-" + UUID.randomUUID().toString().substring(0, 8);

    Response linked =
        api.put(
            "/api/members/" + member + "/account",
            admin,
            Map.of(
                "username",
                username,
                "role",
                "SECRETARY",
                "initialPassword",
                E2ePlatform.INITIAL_PASSWORD));
    assertThat(linked.status()).as(linked.body()).isEqualTo(200);
    KeycloakAdmin keycloak = E2ePlatform.keycloak();
    keycloak.setPassword(username, E2ePlatform.PASSWORD);

    String token = keycloak.userAccessToken(username, E2ePlatform.PASSWORD);
    JsonNode claims = KeycloakAdmin.decodeClaims(token);
    assertThat(claims.get("org_id").asString()).isEqualTo(branchA.toString());
    assertThat(claims.get("member_id").asString()).isEqualTo(member.toString());
    assertThat(claims.get("realm_access").get("roles").toString()).contains("secretary");
    assertThat(api.get("/api/members/" + colleague, token).status()).isEqualTo(200);

    UUID transfer = transfer(member, branchB);
    assertThat(api.get("/api/members/transfers/" + transfer, admin).json().get("status").asString())
        .isEqualTo("RECEIVED");

    String after = keycloak.userAccessToken(username, E2ePlatform.PASSWORD);
    assertThat(KeycloakAdmin.decodeClaims(after).get("org_id").asString())
        .isEqualTo(branchB.toString());
    assertThat(api.get("/api/members/" + colleague, after).status()).isEqualTo(404);
  }

  private UUID transfer(UUID member, UUID to) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("memberId", member.toString());
    request.put("direction", "INTERNAL");
    request.put("toOrgId", to.toString());
    request.put("reason", "工作调动");
    request.put("requestedOn", "2026-11-01");
    UUID id = DataScopeE2EIT.created(api.post("/api/members/transfers", admin, request));
    String base = "/api/members/transfers/" + id;
    assertThat(api.post(base + "/approve-out", admin, Map.of("on", "2026-11-02")).status())
        .isEqualTo(200);
    assertThat(
            api.post(base + "/issue", admin, Map.of("on", "2026-11-03", "letterNo", "E2E-1"))
                .status())
        .isEqualTo(200);
    Response received = api.post(base + "/receive", admin, Map.of("on", "2026-11-05"));
    assertThat(received.status()).as(received.body()).isEqualTo(200);
    return id;
  }

  @Test
  void developmentPipelineRefusesALateTalkAndTracksTheNextDeadline() {
    Map<String, Object> applicant = TestData.member(branchA, "入党申请人");
    applicant.put("stage", "APPLICANT");
    applicant.remove("joinDate");
    applicant.remove("fullMemberDate");
    UUID id = DataScopeE2EIT.created(api.post("/api/members", admin, applicant));
    String steps = "/api/members/" + id + "/development/steps";

    Response applied =
        api.post(steps, admin, Map.of("step", "APPLICATION", "doneOn", "2026-09-01"));
    assertThat(applied.status()).as(applied.body()).isEqualTo(201);
    assertThat(applied.json().get("nextDueOn").asString()).isEqualTo("2026-10-01");

    Response late = api.post(steps, admin, Map.of("step", "TALK", "doneOn", "2026-10-15"));
    assertThat(late.status()).isEqualTo(422);
    assertThat(late.json().get("rule").asString()).isEqualTo("talk-within-one-month");
    assertThat(late.json().get("detail").asString()).contains("一个月内");

    assertThat(api.post(steps, admin, Map.of("step", "TALK", "doneOn", "2026-09-20")).status())
        .isEqualTo(201);
    Response progress = api.get("/api/members/" + id + "/development", E2ePlatform.token("admin"));
    assertThat(progress.json().get("nextStep").asString()).isEqualTo("ACTIVIST_CONFIRMED");
  }
}
