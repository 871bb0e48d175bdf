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
 */
final class E2ePlatform {

  static final String PASSWORD = "Dangjian@2026";

  private static Platform platform;
  private static Duration startTime;

  private E2ePlatform() {}

  static synchronized Platform get() {
    if (platform == null) {
      Instant begin = Instant.now();
      DevstackConfig config = DevstackConfig.onFreePorts().forE2e();
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

  static Api api() {
    return new Api(get().gatewayUrl());
  }

  static KeycloakAdmin keycloak() {
    return get().keycloakAdmin();
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
                    "username", username, "role", role, "initialPassword", "Init@2026x"));
    if (linked.status() != 200) {
      throw new AssertionError(
          "account for " + memberId + ": " + linked.status() + " " + linked.body());
    }
    KeycloakAdmin keycloak = keycloak();
    keycloak.setPassword(username, PASSWORD);
    return keycloak.userAccessToken(username, PASSWORD);
  }
}
