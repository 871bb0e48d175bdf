package cn.dangjian.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production realm as compose and Kubernetes run it: the real Keycloak imports
 * deploy/keycloak/production/dangjian-realm.json with its secrets from the environment, then
 * deploy/keycloak/production/bootstrap.sh (with the distribution's real kcadm.sh) creates the first
 * administrator and the service-account grants. A browser login is driven through the login pages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionRealmIT {

  private static final String INTEGRATION_SECRET = "integration-" + System.nanoTime();
  private static final String MEMBER_SERVICE_SECRET = "member-service-" + System.nanoTime();
  private static final String ALERT_SERVICE_SECRET = "alert-service-" + System.nanoTime();
  private static final String FIRST_ADMIN = "zzb-admin";
  private static final String FIRST_ADMIN_PASSWORD = "Initial-Passw0rd!";
  private static final String PASSWORD = "Str0ng-Passw0rd!2026";
  private static final String REDIRECT = "http://localhost:5173/callback";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static KeycloakLauncher keycloak;
  private static KeycloakAdmin admin;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void startProductionRealm() throws Exception {
    DevstackConfig config = DevstackConfig.onFreePorts();
    Path realm =
        RepoRoot.detect(Settings.system(), BuildInfo.load())
            .resolve("deploy/keycloak/production/dangjian-realm.json");
    keycloak =
        new KeycloakLauncher(
                config,
                realm,
                Map.of(
                    "DANGJIAN_INTEGRATION_CLIENT_SECRET",
                    INTEGRATION_SECRET,
                    "DANGJIAN_MEMBER_SERVICE_CLIENT_SECRET",
                    MEMBER_SERVICE_SECRET,
                    "DANGJIAN_ALERT_SERVICE_CLIENT_SECRET",
                    ALERT_SERVICE_SECRET,
                    "DANGJIAN_WEB_REDIRECT_URI",
                    "http://localhost:5173/*",
                    "DANGJIAN_WEB_ORIGIN",
                    "http://localhost:5173"))
            .start();
    admin = new KeycloakAdmin(keycloak.internalUrl());
    assertThat(bootstrap()).as("first bootstrap run").isZero();
    assertThat(bootstrap()).as("a second run changes nothing and succeeds").isZero();
  }

  @AfterAll
  static void stop() {
    if (keycloak != null) {
      keycloak.stop();
    }
  }

  private static int bootstrap() throws Exception {
    return bootstrap(Map.of());
  }

  private static int bootstrap(Map<String, String> extra) throws Exception {
    Path script =
        RepoRoot.detect(Settings.system(), BuildInfo.load())
            .resolve("deploy/keycloak/production/bootstrap.sh");
    ProcessBuilder builder =
        new ProcessBuilder("sh", script.toString()).redirectErrorStream(true).inheritIO();
    Map<String, String> env = builder.environment();
    env.put("KCADM", keycloak.binDirectory().resolve("kcadm.sh").toString());
    env.put("JAVA_HOME", JdkLocator.system().locate().toString());
    env.remove("JAVA");
    env.put("KEYCLOAK_URL", keycloak.internalUrl());
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakLauncher.BOOTSTRAP_ADMIN_USERNAME);
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", KeycloakLauncher.BOOTSTRAP_ADMIN_PASSWORD);
    env.put("DANGJIAN_ADMIN_USERNAME", FIRST_ADMIN);
    env.put("DANGJIAN_ADMIN_INITIAL_PASSWORD", FIRST_ADMIN_PASSWORD);
    env.putAll(extra);
    Process process = builder.start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return process.exitValue();
  }

  private static HttpResponse<String> token(Map<String, String> form) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(
                    keycloak.internalUrl() + "/realms/dangjian/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(BrowserSignIn.form(form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Creates a user with a permanent password and one realm role, through the admin API. */
  private static void user(String username, String role) throws Exception {
    String adminToken = admin.adminToken();
    String base = keycloak.internalUrl() + "/admin/realms/dangjian";
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/users"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\""
                            + username
                            + "\",\"enabled\":true,\"firstName\":\"测\",\"lastName\":\"试\","
                            + "\"email\":\""
                            + username
                            + "@example.cn\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    admin.setPassword(username, PASSWORD);
    String id = admin.requireUser(username).path("id").asString();
    JsonNode roleRep =
        JSON.readTree(
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/roles/" + role))
                        .header("Authorization", "Bearer " + adminToken)
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    HttpResponse<String> granted =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/users/" + id + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + roleRep + "]"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(granted.statusCode()).isEqualTo(204);
  }

  /** Username and password through the login page of the public web client. */
  private static String browserLogin(String username, String password) throws Exception {
    return BrowserSignIn.signIn(
        keycloak.internalUrl() + "/realms/dangjian",
        "dangjian-web",
        REDIRECT,
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        username,
        password);
  }

  @Test
  void passwordGrantIsRefusedForEveryClientAndTheDemoCliClientDoesNotExist() throws Exception {
    HttpResponse<String> web =
        token(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "dangjian-web",
                "username",
                FIRST_ADMIN,
                "password",
                FIRST_ADMIN_PASSWORD));
    assertThat(web.statusCode()).isIn(400, 401);
    assertThat(web.body()).contains("unauthorized_client");
    HttpResponse<String> cli =
        token(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "dangjian-cli",
                "username",
                FIRST_ADMIN,
                "password",
                FIRST_ADMIN_PASSWORD));
    assertThat(cli.body()).contains("invalid_client");
  }

  @Test
  void clientSecretsComeFromTheEnvironmentAndServiceAccountsGetTheirRoles() throws Exception {
    String integration = admin.clientCredentialsToken("dangjian-integration", INTEGRATION_SECRET);
    assertThat(
            KeycloakAdmin.decodeClaims(integration).path("realm_access").path("roles").toString())
        .contains("integration");
    HttpResponse<String> demoSecret =
        token(
            Map.of(
                "grant_type", "client_credentials",
                "client_id", "dangjian-integration",
                "client_secret", "integration-secret-local-only"));
    assertThat(demoSecret.statusCode()).isEqualTo(401);

    String memberService =
        admin.clientCredentialsToken("dangjian-member-service", MEMBER_SERVICE_SECRET);
    HttpResponse<String> users =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(keycloak.internalUrl() + "/admin/realms/dangjian/users?max=5"))
                .header("Authorization", "Bearer " + memberService)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(users.statusCode()).as("member-service may manage users").isEqualTo(200);

    // alert-service reads contacts at send time: notification-sender and nothing else
    JsonNode alertService =
        KeycloakAdmin.decodeClaims(
            admin.clientCredentialsToken("dangjian-alert-service", ALERT_SERVICE_SECRET));
    assertThat(alertService.path("realm_access").path("roles").toString())
        .contains("notification-sender")
        .doesNotContain("integration")
        .doesNotContain("platform-admin");
    assertThat(alertService.path("aud").toString()).contains("dangjian-api");
    assertThat(alertService.has("org_id")).isFalse();
  }

  @Test
  void firstAdministratorMustChangeThePasswordAndSetUpOtp() {
    JsonNode first = admin.requireUser(FIRST_ADMIN);
    assertThat(first.path("requiredActions").toString())
        .contains("UPDATE_PASSWORD")
        .contains("CONFIGURE_TOTP");
  }

  @Test
  void platformAdminCannotSignInWithoutOtpWhileASecretaryCan() throws Exception {
    user("county-admin", "platform-admin");
    user("branch-secretary", "secretary");

    String adminNext = browserLogin("county-admin", PASSWORD);
    assertThat(adminNext)
        .as("admin is sent to set up the authenticator")
        .contains("CONFIGURE_TOTP");
    assertThat(adminNext).doesNotStartWith(REDIRECT);

    String secretaryNext = browserLogin("branch-secretary", PASSWORD);
    assertThat(secretaryNext).startsWith(REDIRECT).contains("code=");
  }

  @Test
  void repeatedWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() throws Exception {
    user("guessed-secretary", "secretary");
    for (int i = 0; i < 5; i++) {
      assertThat(browserLogin("guessed-secretary", "wrong-" + i)).startsWith("page:");
    }
    assertThat(browserLogin("guessed-secretary", PASSWORD))
        .as("locked: even the right password is refused")
        .startsWith("page:");

    String id = admin.requireUser("guessed-secretary").path("id").asString();
    HttpResponse<String> unlock =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        keycloak.internalUrl()
                            + "/admin/realms/dangjian/attack-detection/brute-force/users/"
                            + id))
                .header("Authorization", "Bearer " + admin.adminToken())
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unlock.statusCode()).isEqualTo(204);
    assertThat(browserLogin("guessed-secretary", PASSWORD)).startsWith(REDIRECT);
  }

  @Test
  void realmRotatesRefreshTokensAndRecordsLoginAndAdminEvents() throws Exception {
    JsonNode realm =
        JSON.readTree(
            HTTP.send(
                    HttpRequest.newBuilder(
                            URI.create(keycloak.internalUrl() + "/admin/realms/dangjian"))
                        .header("Authorization", "Bearer " + admin.adminToken())
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    assertThat(realm.path("revokeRefreshToken").asBoolean()).isTrue();
    assertThat(realm.path("permanentLockout").asBoolean()).isTrue();
    assertThat(realm.path("eventsEnabled").asBoolean()).isTrue();
    assertThat(realm.path("adminEventsEnabled").asBoolean()).isTrue();
    assertThat(realm.path("browserFlow").asString()).isEqualTo("dangjian browser");
  }

  /** Kubernetes: Keycloak run by others does not import at start; the bootstrap Job does. */
  @Test
  @Order(Integer.MAX_VALUE)
  void bootstrapJobImportsTheRealmAndAppliesRotatedSecretsWhereKeycloakDidNotImportIt()
      throws Exception {
    HttpResponse<String> deleted =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(keycloak.internalUrl() + "/admin/realms/dangjian"))
                .header("Authorization", "Bearer " + admin.adminToken())
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(deleted.statusCode()).isEqualTo(204);
    Path realm =
        RepoRoot.detect(Settings.system(), BuildInfo.load())
            .resolve("deploy/keycloak/production/dangjian-realm.json");
    String rotated = "rotated-" + System.nanoTime();
    assertThat(
            bootstrap(
                Map.of(
                    "DANGJIAN_REALM_FILE",
                    realm.toString(),
                    "DANGJIAN_INTEGRATION_CLIENT_SECRET",
                    rotated,
                    "DANGJIAN_MEMBER_SERVICE_CLIENT_SECRET",
                    rotated + "-m",
                    "DANGJIAN_WEB_REDIRECT_URI",
                    "https://dj.example.cn/*",
                    "DANGJIAN_WEB_ORIGIN",
                    "https://dj.example.cn")))
        .isZero();
    String integration = admin.clientCredentialsToken("dangjian-integration", rotated);
    assertThat(
            KeycloakAdmin.decodeClaims(integration).path("realm_access").path("roles").toString())
        .contains("integration");
    assertThat(admin.requireUser(FIRST_ADMIN).path("requiredActions").toString())
        .contains("CONFIGURE_TOTP");
  }
}
