package cn.dangjian.devstack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar devstack/target/devstack.jar}: starts the local platform (see {@link Platform}),
 * prints where everything is, and runs until Ctrl-C / SIGTERM, which stops services, Keycloak and
 * Kafka. LOCAL USE ONLY.
 */
public final class Devstack {

  private Devstack() {}

  public static void main(String[] args) {
    if (System.getProperty("slf4j.provider") == null) {
      // the embedded broker logs through SLF4J; devstack has no logging backend: stay quiet
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
    Platform platform;
    try {
      DevstackConfig config = DevstackConfig.defaults();
      platform = Platform.start(config);
    } catch (RuntimeException e) {
      System.err.println();
      System.err.println(
          "[devstack] FAILED: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
      if (e.getMessage() == null) {
        e.printStackTrace();
      }
      System.exit(1);
      return;
    }
    System.out.println(summary(platform));
    CountDownLatch forever = new CountDownLatch(1);
    try {
      forever.await(); // the shutdown hook stops the platform
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      platform.stop();
    }
  }

  /** The text printed once everything is up. */
  static String summary(Platform platform) {
    DevstackConfig config = platform.config();
    KeycloakLauncher keycloak = platform.keycloak();
    StringBuilder s = new StringBuilder();
    s.append(
        "\n================ 党建云 Dangjian Cloud devstack is up (LOCAL USE ONLY) ================\n");
    s.append(String.format("Start-up took %s:%n", Processes.seconds(platform.totalStartTime())));
    for (Map.Entry<String, Duration> entry : platform.startTimes().entrySet()) {
      s.append(String.format("  %-20s %s%n", entry.getKey(), Processes.seconds(entry.getValue())));
    }
    s.append('\n');
    if (platform.service(DevstackConfig.GATEWAY).isPresent()) {
      s.append("Gateway:          ").append(platform.gatewayUrl()).append('\n');
      s.append("Swagger UI:       ").append(platform.swaggerUiUrl()).append('\n');
    } else {
      s.append("Gateway:          not started (build it: ./mvnw -DskipTests package)\n");
    }
    for (ServiceLauncher service : platform.services()) {
      s.append(String.format("  %-20s %s%n", service.module(), service.baseUrl()));
    }
    for (String module : platform.skippedModules()) {
      s.append(String.format("  %-20s not built, skipped%n", module));
    }
    s.append("Keycloak:         ").append(keycloak.baseUrl()).append('\n');
    s.append("  admin console:  ")
        .append(keycloak.adminConsoleUrl())
        .append("  (")
        .append(KeycloakLauncher.BOOTSTRAP_ADMIN_USERNAME)
        .append('/')
        .append(KeycloakLauncher.BOOTSTRAP_ADMIN_PASSWORD)
        .append(")\n");
    s.append("  issuer:         ").append(keycloak.issuerUri()).append('\n');
    s.append("Kafka:            ").append(platform.kafkaBootstrapServers()).append('\n');
    s.append("Database:         ")
        .append(config.dbUrlBase())
        .append(" (user ")
        .append(config.dbUser())
        .append(")\n");
    s.append("Logs:             ").append(config.logDir()).append('\n');
    s.append("\nDemo users (password ").append(DemoUsers.PASSWORD).append("):\n");
    for (DemoUsers.DemoUser user : DemoUsers.ALL) {
      s.append(
          String.format("  %-12s %-15s %s%n", user.username(), user.role(), user.description()));
    }
    s.append("\nGet a token:\n");
    s.append("  curl -s -d grant_type=password -d client_id=")
        .append(KeycloakAdmin.CLI_CLIENT)
        .append(" -d username=secretary-a -d 'password=")
        .append(DemoUsers.PASSWORD)
        .append("' \\\n       ")
        .append(keycloak.tokenUri())
        .append('\n');
    s.append("  curl -s -d grant_type=client_credentials -d client_id=")
        .append(KeycloakAdmin.INTEGRATION_CLIENT)
        .append(" -d client_secret=")
        .append(KeycloakAdmin.INTEGRATION_SECRET)
        .append(" \\\n       ")
        .append(keycloak.tokenUri())
        .append('\n');
    s.append("\nPress Ctrl-C to stop everything.\n");
    return s.toString();
  }
}
