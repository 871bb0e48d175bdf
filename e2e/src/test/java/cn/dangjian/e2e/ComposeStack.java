package cn.dangjian.e2e;

import cn.dangjian.devstack.KeycloakAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compose stack as operators run it ({@code deploy/compose/e2e.sh}): the gateway published on
 * {@code e2e.gateway} (default http://localhost:8080) and its Keycloak on {@code e2e.keycloak}
 * (default http://localhost:8180), secrets from the {@code .env} next to docker-compose.yml.
 *
 * <p>Its realm is the production realm: no users, no password grant. For the run, the master
 * realm's bootstrap administrator adds what the scenarios log in with — the demo realm's {@code
 * dangjian-cli} client and its users — by Keycloak's partial import. The production realm's
 * policies (password length 12, lockout, OTP for administrators in the browser) stay as they are.
 */
final class ComposeStack {

  private static final List<String> TEST_USERS =
      List.of("admin", "secretary-a", "secretary-b", "worker", "member1", "assessor", "jiwei");

  private static ComposeStack instance;

  private final Path repoRoot;
  private final String gatewayUrl;
  private final KeycloakAdmin keycloak;
  private final String integrationSecret;
  private final String databaseRootPassword;
  private final Map<String, String> containerIds = new java.util.concurrent.ConcurrentHashMap<>();

  private ComposeStack(Path repoRoot, Map<String, String> env) {
    this.repoRoot = repoRoot;
    this.databaseRootPassword = env.getOrDefault("MYSQL_ROOT_PASSWORD", "");
    this.gatewayUrl = System.getProperty("e2e.gateway", "http://localhost:8080");
    this.keycloak =
        new KeycloakAdmin(
            System.getProperty("e2e.keycloak", "http://localhost:8180"),
            env.getOrDefault("KEYCLOAK_ADMIN_USER", "admin"),
            required(env, "KEYCLOAK_ADMIN_PASSWORD"));
    this.integrationSecret = required(env, "DANGJIAN_INTEGRATION_CLIENT_SECRET");
  }

  static synchronized ComposeStack get() {
    if (instance == null) {
      Path root = repoRoot();
      instance = new ComposeStack(root, dotEnv(root.resolve(".env")));
      instance.addTestClientAndUsers();
    }
    return instance;
  }

  String gatewayUrl() {
    return gatewayUrl;
  }

  KeycloakAdmin keycloak() {
    return keycloak;
  }

  /** The production realm's integration client, with the secret bootstrap gave it from .env. */
  String integrationToken() {
    return keycloak.clientCredentialsToken(KeycloakAdmin.INTEGRATION_CLIENT, integrationSecret);
  }

  /**
   * Runs {@code docker-compose <args>} in the repository root (COMPOSE_FILE and the project name
   * come from the environment and .env, as for deploy/compose/up.sh) and fails on a non-zero exit.
   */
  void compose(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("docker-compose"));
    command.addAll(List.of(args));
    try {
      // output read here, not inherited: the test JVM's stdout is surefire's channel
      Process process =
          new ProcessBuilder(command)
              .directory(repoRoot.toFile())
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in 3 minutes");
      }
      System.out.println("[e2e compose] " + String.join(" ", command) + ": " + output.strip());
      if (process.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * One SQL statement run as root in the stack's database container (the fault suite counts effects
   * and plants broken outbox rows this way); its tab-separated output without headers.
   */
  String sql(String statement) {
    // docker exec, not docker-compose exec: the fault suite polls with it, and the Python client
    // costs half a second of CPU per call
    return output(
            "docker",
            "exec",
            "-e",
            "MYSQL_PWD=" + databaseRootPassword,
            containerId("mysql"),
            "mysql",
            "-uroot",
            "-N",
            "-B",
            "-e",
            statement)
        .strip();
  }

  /** The id of a service's container (the same across stop, start and restart). */
  String containerId(String service) {
    return containerIds.computeIfAbsent(
        service, name -> output("docker-compose", "ps", "-q", name).strip());
  }

  /**
   * When a container last logged a line containing {@code text} (docker's timestamp, as epoch
   * milliseconds), or -1: e.g. when the restarted broker logged that it had started.
   */
  long lastLogged(String service, String text) {
    long last = -1;
    // both streams: a container's stderr is the other half of its log
    for (String line : output(true, "docker", "logs", "-t", containerId(service)).split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && line.contains(text)) {
        last = java.time.Instant.parse(line.substring(0, space)).toEpochMilli();
      }
    }
    return last;
  }

  /** Waits until a container's health check says healthy (docker inspect), or fails. */
  void awaitHealthy(String service, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      last = output("docker-compose", "ps", "-q", service).strip();
      if (!last.isEmpty()) {
        last = output("docker", "inspect", "-f", "{{.State.Health.Status}}", last).strip();
        if (last.equals("healthy")) {
          return;
        }
      }
      sleep(Duration.ofSeconds(2));
    }
    throw new AssertionError(service + " not healthy after " + timeout + ": " + last);
  }

  private String output(String... command) {
    return output(false, command);
  }

  private String output(boolean withErrors, String... command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(repoRoot.toFile());
      if (withErrors) {
        builder.redirectErrorStream(true);
      } else {
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
      }
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes());
      process.waitFor(1, TimeUnit.MINUTES);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The demo realm's {@code dangjian-cli} client (public, password grant) and its users, added to
   * the running production realm; what exists already is skipped, so a second run changes nothing.
   */
  private void addTestClientAndUsers() {
    JsonNode demo = readJson(repoRoot.resolve("deploy/keycloak/demo/dangjian-realm.json"));
    ObjectNode resources = Api.JSON.createObjectNode();
    ArrayNode clients = resources.putArray("clients");
    for (JsonNode client : demo.path("clients")) {
      if (KeycloakAdmin.CLI_CLIENT.equals(client.path("clientId").asString())) {
        clients.add(client);
      }
    }
    ArrayNode users = resources.putArray("users");
    for (JsonNode user : demo.path("users")) {
      if (TEST_USERS.contains(user.path("username").asString())) {
        users.add(user);
      }
    }
    if (clients.size() != 1 || users.size() != TEST_USERS.size()) {
      throw new IllegalStateException("the demo realm lost its cli client or test users");
    }
    JsonNode result = keycloak.partialImport(resources);
    System.out.println(
        "[e2e compose] test client and users: added "
            + result.path("added").asInt()
            + ", skipped "
            + result.path("skipped").asInt());
  }

  private static JsonNode readJson(Path file) {
    try {
      return Api.JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  /** KEY=VALUE lines of the compose .env (comments and blank lines skipped, no quoting). */
  static Map<String, String> dotEnv(Path file) {
    Map<String, String> values = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        int eq = line.indexOf('=');
        if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
          values.put(line.substring(0, eq).strip(), line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "no " + file + ": start the stack with deploy/compose/up.sh first", e);
    }
    return values;
  }

  private static String required(Map<String, String> env, String key) {
    String value = env.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(key + " missing from .env");
    }
    return value;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
