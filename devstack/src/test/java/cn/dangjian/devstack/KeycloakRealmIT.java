package cn.dangjian.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Starts the real Keycloak (Maven Central distribution) with
 * deploy/keycloak/demo/dangjian-realm.json on a free port and checks the tokens it issues.
 */
class KeycloakRealmIT {

  private static KeycloakLauncher keycloak;
  private static KeycloakAdmin admin;

  @BeforeAll
  static void startKeycloak() {
    keycloak = new KeycloakLauncher(DevstackConfig.onFreePorts()).start();
    System.out.println(
        "[KeycloakRealmIT] Keycloak ready in "
            + Processes.seconds(keycloak.startDuration().orElseThrow())
            + " (log: "
            + keycloak.logFile()
            + ")");
    admin = new KeycloakAdmin(keycloak.internalUrl());
  }

  @AfterAll
  static void stopKeycloak() {
    if (keycloak != null) {
      keycloak.stop();
    }
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(value -> values.add(value.asString()));
    } else if (!node.isMissingNode() && !node.isNull()) {
      values.add(node.asString()); // "aud" is a plain string when there is one audience
    }
    return values;
  }

  @Test
  void passwordGrantTokenCarriesRealmRoleOrgAndMemberClaimsAndApiAudience() {
    admin.setOrgAndMember(
        "secretary-a",
        "0196f3a2-7c10-7d55-9a1e-3c2b4d5e6f70",
        "0196f3a2-7c10-7d55-9a1e-000000000001");

    String token = admin.userAccessToken("secretary-a", DemoUsers.PASSWORD);
    JsonNode claims = KeycloakAdmin.decodeClaims(token);

    assertThat(claims.path("iss").asString()).isEqualTo(keycloak.issuerUri());
    assertThat(claims.path("preferred_username").asString()).isEqualTo("secretary-a");
    assertThat(strings(claims.path("realm_access").path("roles"))).contains("secretary");
    assertThat(claims.path("org_id").isString()).isTrue();
    assertThat(claims.path("org_id").asString()).isEqualTo("0196f3a2-7c10-7d55-9a1e-3c2b4d5e6f70");
    assertThat(claims.path("member_id").asString())
        .isEqualTo("0196f3a2-7c10-7d55-9a1e-000000000001");
    assertThat(strings(claims.path("aud"))).contains("dangjian-api");
    assertThat(claims.path("sub").asString()).isNotBlank();
  }

  @Test
  void clearingAnAttributeRemovesItsClaim() {
    admin.setOrgAndMember("secretary-b", "org-b", null);
    JsonNode withOrg =
        KeycloakAdmin.decodeClaims(admin.userAccessToken("secretary-b", DemoUsers.PASSWORD));
    assertThat(withOrg.path("org_id").asString()).isEqualTo("org-b");
    assertThat(withOrg.has("member_id")).isFalse();

    admin.setOrgAndMember("secretary-b", null, null);
    JsonNode cleared =
        KeycloakAdmin.decodeClaims(admin.userAccessToken("secretary-b", DemoUsers.PASSWORD));
    assertThat(cleared.has("org_id")).isFalse();
  }

  @Test
  void clientCredentialsTokenCarriesIntegrationRoleAndApiAudience() {
    JsonNode claims = KeycloakAdmin.decodeClaims(admin.clientCredentialsToken());

    assertThat(claims.path("azp").asString()).isEqualTo("dangjian-integration");
    assertThat(strings(claims.path("realm_access").path("roles"))).contains("integration");
    assertThat(strings(claims.path("aud"))).contains("dangjian-api");
  }

  @Test
  void wrongPasswordIsRefused() {
    assertThatThrownBy(() -> admin.userAccessToken("member1", "not-the-password"))
        .isInstanceOf(KeycloakAdmin.KeycloakException.class)
        .satisfies(
            e -> {
              KeycloakAdmin.KeycloakException refused = (KeycloakAdmin.KeycloakException) e;
              assertThat(refused.status()).isIn(400, 401); // 26.x answers 400 invalid_grant
              assertThat(refused.body()).contains("invalid_grant");
            });
  }

  @Test
  void webClientCannotUseThePasswordGrant() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            keycloak.internalUrl()
                                + "/realms/dangjian/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "grant_type=password&client_id=dangjian-web&username=member1&password="
                                + URLEncoder.encode(DemoUsers.PASSWORD, StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isIn(400, 401);
    assertThat(response.body()).contains("unauthorized_client");
  }
}
