package cn.dangjian.member;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** Linking members to Keycloak users: never adopting foreign users, grants, audit, passwords. */
class AccountIT extends ApiTestSupport {

  private KeycloakAdminFake keycloak;

  @BeforeEach
  void fakeAdminApi() {
    keycloak = new KeycloakAdminFake(KEYCLOAK.wireMock());
  }

  private static String unique(String prefix) {
    return prefix
        + "-"
        + SERIAL.incrementAndGet()
        + "-"
        + UUID.randomUUID().toString().substring(0, 6);
  }

  private ResultActions link(String token, UUID member, String username, String role)
      throws Exception {
    return link(token, member, username, role, null);
  }

  private ResultActions link(
      String token, UUID member, String username, String role, String password) throws Exception {
    String body =
        json.writeValueAsString(
            password == null
                ? Map.of("username", username, "role", role)
                : Map.of("username", username, "role", role, "initialPassword", password));
    return as(
        token,
        put("/api/members/" + member + "/account")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private int requestsTo(String userId) {
    return KEYCLOAK
        .wireMock()
        .findAll(
            anyRequestedFor(urlPathMatching(KeycloakAdminFake.ADMIN + "/users/" + userId + ".*")))
        .stream()
        .filter(r -> !r.getMethod().getName().equals("GET"))
        .toList()
        .size();
  }

  @Test
  void secretaryCannotRelinkAnOfficerAccountIntoHerBranch() throws Exception {
    // another county's admin: created in Keycloak by hand, no member_id attribute
    String officerId = UUID.randomUUID().toString();
    String officer = unique("county-admin");
    keycloak.existingUser(
        officerId,
        officer,
        Map.of("org_id", List.of(UUID.randomUUID().toString())),
        List.of("secretary", "default-roles-dangjian"));
    UUID member = id(register(admin, branchA, "冒领者", newIdNumber()));

    link(secretaryOf(branchA), member, officer, "MEMBER")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value("登录名“" + officer + "”已被占用"));
    assertThat(requestsTo(officerId)).as("no write to the officer's user").isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM member_account WHERE keycloak_user_id = ?",
                Integer.class,
                officerId))
        .isZero();
  }

  @Test
  void platformAdminCannotAdoptAUserThisServiceDidNotCreateEither() throws Exception {
    String userId = UUID.randomUUID().toString();
    String username = unique("handmade");
    keycloak.existingUser(userId, username, Map.of(), List.of("default-roles-dangjian"));
    UUID member = id(register(admin, branchA, "手建", newIdNumber()));

    link(admin, member, username, "MEMBER").andExpect(status().isConflict());
    assertThat(requestsTo(userId)).isZero();
  }

  @Test
  void secretaryCannotGrantTheSecretaryRole() throws Exception {
    String username = unique("want-secretary");
    keycloak.absentUntilCreated(UUID.randomUUID().toString(), username);
    UUID member = id(register(admin, branchA, "想当书记", newIdNumber()));

    link(secretaryOf(branchA), member, username, "SECRETARY")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value("您无权授予“secretary”角色"));
    KEYCLOAK
        .wireMock()
        .verify(
            0,
            postRequestedFor(urlPathEqualTo(KeycloakAdminFake.ADMIN + "/users"))
                .withRequestBody(matchingJsonPath("$.username", equalTo(username))));
    link(secretaryOf(branchA), member, username, "PARTY_WORKER").andExpect(status().isOk());
  }

  @Test
  void secretaryCannotRescopeOrDemoteAPartyWorkerAccount() throws Exception {
    String userId = UUID.randomUUID().toString();
    String username = unique("worker");
    keycloak.absentUntilCreated(userId, username);
    UUID member = id(register(admin, branchA, "党务工作者", newIdNumber()));
    link(admin, member, username, "PARTY_WORKER").andExpect(status().isOk());
    keycloak.realmRoles(userId, List.of("party-worker", "default-roles-dangjian"));
    int before = requestsTo(userId);

    link(secretaryOf(branchA), member, username, "MEMBER").andExpect(status().isForbidden());
    assertThat(requestsTo(userId)).isEqualTo(before);
    // the platform admin still manages it
    link(admin, member, username, "MEMBER").andExpect(status().isOk());
  }

  @Test
  void anAccountThatGainedAnUnmanagedRoleIsNeverChangedHere() throws Exception {
    String userId = UUID.randomUUID().toString();
    String username = unique("promoted");
    keycloak.absentUntilCreated(userId, username);
    UUID member = id(register(admin, branchA, "升任组织部", newIdNumber()));
    link(admin, member, username, "MEMBER").andExpect(status().isOk());
    keycloak.realmRoles(userId, List.of("member", "platform-admin"));

    link(admin, member, username, "PARTY_WORKER").andExpect(status().isForbidden());
  }

  @Test
  void aMemberKeepsOneUsernameSoNoSecondUserIsLeftBehind() throws Exception {
    String username = unique("first");
    keycloak.absentUntilCreated(UUID.randomUUID().toString(), username);
    UUID member = id(register(admin, branchA, "改名", newIdNumber()));
    link(admin, member, username, "MEMBER").andExpect(status().isOk());

    link(admin, member, unique("second"), "MEMBER").andExpect(status().isConflict());
  }

  @Test
  void newAccountGetsAGeneratedTemporaryPasswordOnceAndMustChangeIt() throws Exception {
    String userId = UUID.randomUUID().toString();
    String username = unique("newbie");
    keycloak.absentUntilCreated(userId, username);
    UUID member = id(register(admin, branchA, "新党员", newIdNumber()));

    JsonNode view =
        read(link(secretaryOf(branchA), member, username, "MEMBER").andExpect(status().isOk()));
    String password = view.get("initialPassword").asString();
    assertThat(password).hasSize(16);
    List<LoggedRequest> creates =
        KEYCLOAK
            .wireMock()
            .findAll(
                postRequestedFor(urlPathEqualTo(KeycloakAdminFake.ADMIN + "/users"))
                    .withRequestBody(matchingJsonPath("$.username", equalTo(username))));
    assertThat(creates).hasSize(1);
    JsonNode body = json.readTree(creates.get(0).getBodyAsString());
    assertThat(body.get("requiredActions").get(0).asString()).isEqualTo("UPDATE_PASSWORD");
    assertThat(body.get("credentials").get(0).get("temporary").asBoolean()).isTrue();
    assertThat(body.get("credentials").get(0).get("value").asString()).isEqualTo(password);

    as(secretaryOf(branchA), get("/api/members/" + member + "/account"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.initialPassword").doesNotExist());
  }

  @Test
  void givenInitialPasswordIsTemporaryTooAndNeverEchoed() throws Exception {
    String username = unique("given");
    keycloak.absentUntilCreated(UUID.randomUUID().toString(), username);
    UUID member = id(register(admin, branchA, "自带密码", newIdNumber()));

    link(admin, member, username, "MEMBER", "Chu-shi-mi-ma-2026")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.initialPassword").doesNotExist());
    KEYCLOAK
        .wireMock()
        .verify(
            postRequestedFor(urlPathEqualTo(KeycloakAdminFake.ADMIN + "/users"))
                .withRequestBody(matchingJsonPath("$.username", equalTo(username)))
                .withRequestBody(
                    matchingJsonPath("$.requiredActions[0]", equalTo("UPDATE_PASSWORD")))
                .withRequestBody(matchingJsonPath("$.credentials[0].temporary", equalTo("true"))));
  }

  @Test
  void everyAccountChangeIsAudited() throws Exception {
    String username = unique("audited");
    keycloak.absentUntilCreated(UUID.randomUUID().toString(), username);
    UUID member = id(register(admin, branchA, "审计", newIdNumber()));
    link(secretaryOf(branchA), member, username, "MEMBER").andExpect(status().isOk());
    link(admin, member, username, "PARTY_WORKER").andExpect(status().isOk());

    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT username, action, old_role, new_role, actor, occurred_at FROM member_account_audit"
                + " WHERE member_id = UNHEX(REPLACE(?, '-', '')) ORDER BY occurred_at",
            member.toString());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsEntry("username", username)
        .containsEntry("action", "CREATED")
        .containsEntry("new_role", "MEMBER")
        .containsEntry("actor", "secretary-" + branchA);
    assertThat(rows.get(0).get("old_role")).isNull();
    assertThat(rows.get(1))
        .containsEntry("action", "ROLE_CHANGED")
        .containsEntry("old_role", "MEMBER")
        .containsEntry("new_role", "PARTY_WORKER")
        .containsEntry("actor", "admin");
    assertThat(rows.get(1).get("occurred_at")).isNotNull();
  }

  @Test
  void aSecretaryOfAnotherBranchCannotLinkThisBranchsMember() throws Exception {
    String username = unique("other-branch");
    keycloak.absentUntilCreated(UUID.randomUUID().toString(), username);
    UUID member = id(register(admin, branchA, "别的支部", newIdNumber()));
    link(secretaryOf(branchB), member, username, "MEMBER").andExpect(status().isNotFound());
    KEYCLOAK
        .wireMock()
        .verify(
            0,
            postRequestedFor(urlPathEqualTo(KeycloakAdminFake.ADMIN + "/users"))
                .withRequestBody(matchingJsonPath("$.username", equalTo(username))));
  }
}
