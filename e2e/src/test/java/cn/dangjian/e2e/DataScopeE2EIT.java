package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.e2e.Api.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Secretaries see only their own branch, through the gateway, with real Keycloak tokens whose
 * org_id attribute was set through the Keycloak admin API.
 */
@Tag("compose")
@Order(1)
class DataScopeE2EIT {

  static Api api;
  static String admin;
  static UUID committee;
  static UUID branchA;
  static UUID branchB;
  static UUID memberOfA;
  static UUID memberOfB;

  @BeforeAll
  static void orgTreeWithTwoBranches() {
    api = E2ePlatform.api();
    admin = E2ePlatform.token("admin");
    committee =
        created(
            api.post(
                "/api/orgs",
                admin,
                TestData.org(null, "e2e县委组织部" + UUID.randomUUID(), "PARTY_COMMITTEE")));
    branchA = created(api.post("/api/orgs", admin, TestData.org(committee, "甲村党支部", "BRANCH")));
    branchB = created(api.post("/api/orgs", admin, TestData.org(committee, "乙村党支部", "BRANCH")));
    E2ePlatform.keycloak().setOrgAndMember("secretary-a", branchA.toString(), null);
    E2ePlatform.keycloak().setOrgAndMember("secretary-b", branchB.toString(), null);
    memberOfA =
        created(
            api.post(
                "/api/members",
                E2ePlatform.token("secretary-a"),
                TestData.member(branchA, "甲村党员")));
    memberOfB =
        created(
            api.post(
                "/api/members",
                E2ePlatform.token("secretary-b"),
                TestData.member(branchB, "乙村党员")));
  }

  static UUID created(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return UUID.fromString(response.json().get("id").asString());
  }

  @Test
  void adminTokenFromKeycloakListsOrgsThroughTheGateway() {
    Response response = api.get("/api/orgs?size=200", admin);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains(branchA.toString(), branchB.toString());
    assertThat(response.header("X-Request-Id")).isNotBlank();
    assertThat(response.header("X-Trace-Id")).isNotBlank();
  }

  @Test
  void secretaryAListsOnlyBranchAMembers() {
    Response response = api.get("/api/members?size=200", E2ePlatform.token("secretary-a"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains(memberOfA.toString()).doesNotContain(memberOfB.toString());
  }

  @Test
  void secretaryACannotReadBranchBMemberById() {
    Response response = api.get("/api/members/" + memberOfB, E2ePlatform.token("secretary-a"));
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body()).doesNotContain("乙村党员");
  }

  @Test
  void secretaryBCannotReadBranchAMemberById() {
    assertThat(api.get("/api/members/" + memberOfA, E2ePlatform.token("secretary-b")).status())
        .isEqualTo(404);
  }

  @Test
  void platformAdminReadsBothBranches() {
    assertThat(api.get("/api/members/" + memberOfA, admin).status()).isEqualTo(200);
    Response b = api.get("/api/members/" + memberOfB, admin);
    assertThat(b.status()).isEqualTo(200);
    assertThat(b.json().get("idNumber").asString()).contains("*");
  }

  @Test
  void integrationClientWithClientCredentialsReadsOrgs() {
    String token = E2ePlatform.integrationToken();
    assertThat(api.get("/api/orgs", token).status()).isEqualTo(200);
  }

  @Test
  void memberRoleCannotRegisterMembers() {
    Response response =
        api.post("/api/members", E2ePlatform.token("member1"), TestData.member(branchA, "越权"));
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void swaggerUiAtTheGatewayListsMemberServiceApi() {
    Response config = api.get("/v3/api-docs/swagger-config", null);
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.body()).contains("member-service");
    Response docs = api.get("/member-service/v3/api-docs", null);
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("paths").has("/api/members")).isTrue();
    assertThat(api.get("/swagger-ui.html", null).status()).isIn(200, 302);
  }
}
