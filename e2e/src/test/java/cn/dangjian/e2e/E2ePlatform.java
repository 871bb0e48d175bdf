package cn.dangjian.e2e;

import cn.dangjian.devstack.DemoData;
import cn.dangjian.devstack.DevstackConfig;
import cn.dangjian.devstack.KeycloakAdmin;
import cn.dangjian.devstack.Platform;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform under test, started once per test JVM exactly as devstack starts it (on free ports,
 * with its own databases) and stopped when the JVM exits. Tests create their own data.
 *
 * <p>With {@code -De2e.target=compose} the scenarios tagged {@code compose} run instead against a
 * running compose stack ({@link ComposeStack}, deploy/compose/e2e.sh): same requests, its gateway
 * and its Keycloak.
 */
final class E2ePlatform {

  static final String PASSWORD = "Dangjian@2026";

  /** The temporary password an account is created with (the production policy wants 12+). */
  static final String INITIAL_PASSWORD = "Init@2026-e2e";

  private static Platform platform;
  private static Duration startTime;

  private E2ePlatform() {}

  static synchronized Platform get() {
    if (platform == null) {
      Instant begin = Instant.now();
      DevstackConfig config =
          DevstackConfig.onFreePorts()
              .forE2e()
              .withReplicas(replicas())
              .withServiceProperties(DevstackConfig.ALERT_SERVICE, ProviderStubs.alertService())
              .withServiceProperties(DevstackConfig.MEMBER_SERVICE, ProviderStubs.memberService());
      dropE2eDatabases(config);
      platform =
          Platform.start(
              config,
              new DemoData() {
                @Override
                public void load(Platform started) {
                  // e2e tests create their own organisations and members
                }
              },
              line -> System.out.println("[e2e platform] " + line));
      startTime = Duration.between(begin, Instant.now());
      System.out.println("[e2e platform] started in " + startTime.toSeconds() + " s");
    }
    return platform;
  }

  /**
   * Instances of each backend service: two by default, as production runs several behind one
   * gateway (scheduled work once per cluster, idempotency and streams across instances); {@code
   * -De2e.replicas=1} for a lighter run.
   */
  static int replicas() {
    return Integer.getInteger("e2e.replicas", 2);
  }

  /** Every run starts from empty databases of its own ({@code *_e2e}), whatever ran before. */
  private static void dropE2eDatabases(DevstackConfig config) {
    try (Connection connection =
            DriverManager.getConnection(config.dbUrlBase(), config.dbUser(), config.dbPassword());
        Statement statement = connection.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("SHOW DATABASES LIKE '%\\_e2e'")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String name : names) {
        if (name.matches("[a-z0-9_]+_e2e")) {
          statement.execute("DROP DATABASE " + name);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reset the e2e databases: " + e.getMessage(), e);
    }
  }

  static boolean onCompose() {
    return "compose".equals(System.getProperty("e2e.target"));
  }

  static String gatewayUrl() {
    return onCompose() ? ComposeStack.get().gatewayUrl() : get().gatewayUrl();
  }

  static Api api() {
    return new Api(gatewayUrl());
  }

  static KeycloakAdmin keycloak() {
    return onCompose() ? ComposeStack.get().keycloak() : get().keycloakAdmin();
  }

  /** A client-credentials token of the integration client, with the stack's client secret. */
  static String integrationToken() {
    return onCompose()
        ? ComposeStack.get().integrationToken()
        : keycloak().clientCredentialsToken();
  }

  static String token(String username) {
    return keycloak().userAccessToken(username, PASSWORD);
  }

  /**
   * Links a registered member to a new Keycloak user with a realm role (member-service's account
   * endpoint, as an admin) and returns that user's real access token.
   */
  static String accountToken(
      String adminToken, java.util.UUID memberId, String role, String prefix) {
    String username = prefix + java.util.UUID.randomUUID().toString().substring(0, 8);
    Api.Response linked =
        api()
            .put(
                "/api/members/" + memberId + "/account",
                adminToken,
                java.util.Map.of(
                    "username", username, "role", role, "initialPassword", INITIAL_PASSWORD));
    if (linked.status() != 200) {
      throw new AssertionError(
          "account for " + memberId + ": " + linked.status() + " " + linked.body());
    }
    KeycloakAdmin keycloak = keycloak();
    keycloak.setPassword(username, PASSWORD);
    return keycloak.userAccessToken(username, PASSWORD);
  }
}
