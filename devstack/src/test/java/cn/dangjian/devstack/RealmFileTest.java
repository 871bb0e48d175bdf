package cn.dangjian.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Static checks of deploy/keycloak/demo/dangjian-realm.json; KeycloakRealmIT proves it with real
 * tokens.
 */
class RealmFileTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode realm() throws IOException {
    Path root = RepoRoot.detect(Settings.system(), BuildInfo.load());
    return JSON.readTree(Files.readString(root.resolve(RepoRoot.REALM_FILE)));
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> result = new ArrayList<>();
    array.forEach(
        node -> result.add(field == null ? node.asString() : node.path(field).asString()));
    return result;
  }

  private static JsonNode client(JsonNode realm, String clientId) {
    for (JsonNode client : realm.path("clients")) {
      if (clientId.equals(client.path("clientId").asString())) {
        return client;
      }
    }
    throw new AssertionError("no client " + clientId);
  }

  /** Keycloak stores descriptions in VARCHAR(255): a longer one stops the realm import at start. */
  @Test
  void everyDescriptionFitsKeycloaksColumnInBothRealmFiles() throws IOException {
    Path root = RepoRoot.detect(Settings.system(), BuildInfo.load());
    for (String file :
        List.of(
            "deploy/keycloak/demo/dangjian-realm.json",
            "deploy/keycloak/production/dangjian-realm.json")) {
      List<String> tooLong = new ArrayList<>();
      collectLongDescriptions(JSON.readTree(Files.readString(root.resolve(file))), tooLong);
      assertThat(tooLong).as(file).isEmpty();
    }
  }

  private static void collectLongDescriptions(JsonNode node, List<String> tooLong) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              field -> {
                if (field.getKey().equals("description")
                    && field.getValue().isString()
                    && field.getValue().asString().length() > 255) {
                  tooLong.add(field.getValue().asString());
                }
                collectLongDescriptions(field.getValue(), tooLong);
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectLongDescriptions(child, tooLong));
    }
  }

  @Test
  void definesTheEightRealmRolesWithDescriptions() throws IOException {
    JsonNode roles = realm().path("roles").path("realm");
    assertThat(texts(roles, "name"))
        .containsExactlyInAnyOrder(
            "platform-admin",
            "secretary",
            "party-worker",
            "member",
            "assessor",
            "discipline-commission",
            "integration",
            "notification-sender");
    roles.forEach(role -> assertThat(role.path("description").asString()).isNotBlank());
  }

  @Test
  void webClientIsPublicWithPkceAndNoPasswordGrant() throws IOException {
    JsonNode web = client(realm(), "dangjian-web");
    assertThat(web.path("publicClient").asBoolean()).isTrue();
    assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
    assertThat(web.path("directAccessGrantsEnabled").asBoolean()).isFalse();
    assertThat(web.path("attributes").path("pkce.code.challenge.method").asString())
        .isEqualTo("S256");
    assertThat(texts(web.path("redirectUris"), null))
        .containsExactlyInAnyOrder(
            "http://localhost:5173/*",
            "http://localhost:3000/*",
            // Swagger UI's Authorize on a devstack gateway: one exact page, not a wildcard
            "http://localhost:8080/swagger-ui/oauth2-redirect.html");
    assertThat(texts(web.path("defaultClientScopes"), null))
        .contains("dangjian-api", "roles", "basic");
  }

  @Test
  void cliClientIsMarkedLocalOnlyAndIntegrationClientIsClientCredentialsOnly() throws IOException {
    JsonNode realm = realm();
    JsonNode cli = client(realm, "dangjian-cli");
    assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();
    assertThat(cli.path("description").asString()).contains("LOCAL/E2E USE ONLY");

    JsonNode integration = client(realm, "dangjian-integration");
    assertThat(integration.path("publicClient").asBoolean()).isFalse();
    assertThat(integration.path("serviceAccountsEnabled").asBoolean()).isTrue();
    assertThat(integration.path("standardFlowEnabled").asBoolean()).isFalse();
    assertThat(integration.path("directAccessGrantsEnabled").asBoolean()).isFalse();
    assertThat(integration.path("secret").asString()).isEqualTo("integration-secret-local-only");
  }

  @Test
  void alertServiceClientIsClientCredentialsOnlyWithTheApiAudience() throws IOException {
    JsonNode alert = client(realm(), "dangjian-alert-service");
    assertThat(alert.path("publicClient").asBoolean()).isFalse();
    assertThat(alert.path("serviceAccountsEnabled").asBoolean()).isTrue();
    assertThat(alert.path("standardFlowEnabled").asBoolean()).isFalse();
    assertThat(alert.path("directAccessGrantsEnabled").asBoolean()).isFalse();
    assertThat(texts(alert.path("defaultClientScopes"), null)).contains("dangjian-api", "roles");
  }

  @Test
  void userProfileDeclaresOrgIdAndMemberIdEditableByAdminsOnly() throws IOException {
    JsonNode provider =
        realm().path("components").path("org.keycloak.userprofile.UserProfileProvider").path(0);
    JsonNode profile =
        JSON.readTree(provider.path("config").path("kc.user.profile.config").path(0).asString());
    for (String name : List.of("org_id", "member_id")) {
      JsonNode attribute = null;
      for (JsonNode candidate : profile.path("attributes")) {
        if (name.equals(candidate.path("name").asString())) {
          attribute = candidate;
        }
      }
      assertThat(attribute).as(name).isNotNull();
      assertThat(texts(attribute.path("permissions").path("edit"), null)).containsExactly("admin");
    }
  }

  @Test
  void demoUsersHaveOneRoleANonTemporaryPasswordAndNoRequiredActions() throws IOException {
    JsonNode users = realm().path("users");
    List<String> names = new ArrayList<>();
    for (JsonNode user : users) {
      if ("dangjian-integration".equals(user.path("serviceAccountClientId").asString())) {
        assertThat(texts(user.path("realmRoles"), null)).containsExactly("integration");
        continue;
      }
      if ("dangjian-alert-service".equals(user.path("serviceAccountClientId").asString())) {
        // reads contacts at send time: that role only, no org (no data scope)
        assertThat(texts(user.path("realmRoles"), null)).containsExactly("notification-sender");
        continue;
      }
      if ("dangjian-member-service".equals(user.path("serviceAccountClientId").asString())) {
        // manages users for account linking; holds no realm (data) role itself
        assertThat(user.path("realmRoles").size()).isZero();
        assertThat(texts(user.path("clientRoles").path("realm-management"), null))
            .contains("manage-users", "view-users");
        continue;
      }
      names.add(user.path("username").asString());
      assertThat(user.path("realmRoles").size()).isEqualTo(1);
      assertThat(user.path("firstName").asString()).isNotBlank();
      assertThat(user.path("email").asString()).isNotBlank();
      assertThat(user.path("requiredActions").size()).isZero();
      assertThat(user.path("credentials").path(0).path("value").asString())
          .isEqualTo(DemoUsers.PASSWORD);
      assertThat(user.path("credentials").path(0).path("temporary").asBoolean()).isFalse();
    }
    assertThat(names)
        .containsExactlyElementsOf(
            DemoUsers.ALL.stream().map(DemoUsers.DemoUser::username).toList());
  }
}
