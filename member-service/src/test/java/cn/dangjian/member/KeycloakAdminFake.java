package cn.dangjian.member;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak's admin REST API as member-service uses it (token, users, realm role mappings), stubbed
 * on the WireMock that already serves the fake realm's JWKS. Each test uses its own usernames and
 * user ids, so stubs of different tests never collide.
 */
final class KeycloakAdminFake {

  static final String ADMIN = "/admin/realms/dangjian";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final WireMockServer wm;

  KeycloakAdminFake(WireMockServer wm) {
    this.wm = wm;
    wm.stubFor(
        post(urlPathEqualTo("/realms/dangjian/protocol/openid-connect/token"))
            .willReturn(okJson("{\"access_token\":\"admin-token\",\"expires_in\":300}")));
    for (String role : List.of("member", "party-worker", "secretary")) {
      wm.stubFor(
          get(urlPathEqualTo(ADMIN + "/roles/" + role))
              .willReturn(okJson("{\"id\":\"role-" + role + "\",\"name\":\"" + role + "\"}")));
    }
  }

  WireMockServer wireMock() {
    return wm;
  }

  /** A user that already exists in the realm (e.g. an officer created by hand in Keycloak). */
  void existingUser(
      String id, String username, Map<String, List<String>> attributes, List<String> roles) {
    String user = user(id, username, attributes);
    wm.stubFor(
        get(urlPathEqualTo(ADMIN + "/users"))
            .withQueryParam("username", equalTo(username))
            .willReturn(okJson("[" + user + "]")));
    userEndpoints(id, user, roles);
  }

  /** No such user until member-service creates it; then it exists with {@code id}. */
  void absentUntilCreated(String id, String username) {
    String scenario = "user-" + username;
    String user = user(id, username, Map.of());
    wm.stubFor(
        get(urlPathEqualTo(ADMIN + "/users"))
            .withQueryParam("username", equalTo(username))
            .inScenario(scenario)
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson("[]")));
    wm.stubFor(
        post(urlPathEqualTo(ADMIN + "/users"))
            .withRequestBody(matchingJsonPath("$.username", equalTo(username)))
            .inScenario(scenario)
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("created")
            .willReturn(aResponse().withStatus(201)));
    wm.stubFor(
        get(urlPathEqualTo(ADMIN + "/users"))
            .withQueryParam("username", equalTo(username))
            .inScenario(scenario)
            .whenScenarioStateIs("created")
            .willReturn(okJson("[" + user + "]")));
    userEndpoints(id, user, List.of());
  }

  /** What Keycloak now answers for the user's realm roles. */
  void realmRoles(String id, List<String> roles) {
    StringBuilder body = new StringBuilder("[");
    for (String role : roles) {
      if (body.length() > 1) {
        body.append(',');
      }
      body.append("{\"id\":\"role-").append(role).append("\",\"name\":\"").append(role);
      body.append("\"}");
    }
    wm.stubFor(
        get(urlPathEqualTo(ADMIN + "/users/" + id + "/role-mappings/realm"))
            .willReturn(okJson(body.append(']').toString())));
  }

  private void userEndpoints(String id, String user, List<String> roles) {
    wm.stubFor(any(urlPathEqualTo(ADMIN + "/users/" + id)).willReturn(aResponse().withStatus(204)));
    wm.stubFor(get(urlPathEqualTo(ADMIN + "/users/" + id)).willReturn(okJson(user)));
    wm.stubFor(
        any(urlPathEqualTo(ADMIN + "/users/" + id + "/role-mappings/realm"))
            .willReturn(aResponse().withStatus(204)));
    realmRoles(id, roles);
  }

  private static String user(String id, String username, Map<String, List<String>> attributes) {
    return JSON.writeValueAsString(
        Map.of(
            "id",
            id,
            "username",
            username,
            "enabled",
            true,
            "firstName",
            "名",
            "lastName",
            "姓",
            "attributes",
            attributes));
  }
}
