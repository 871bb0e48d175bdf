package cn.dangjian.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything devstack needs to know: where the repository is, where logs and per-run files go,
 * ports, the database server and timeouts.
 *
 * <p>Every value can be overridden by a system property {@code -Ddangjian.<key>} or an environment
 * variable {@code DANGJIAN_<KEY>} (the property wins): {@code db.url}, {@code db.user}, {@code
 * db.password}, {@code keycloak.port}, {@code kafka.port}, {@code <module>.port} (e.g. {@code
 * DANGJIAN_MEMBER_SERVICE_PORT}), {@code log-dir}, {@code work-dir}, {@code keycloak.cache-dir},
 * {@code repo.root}, {@code service.start-timeout} and {@code keycloak.start-timeout} (seconds).
 *
 * @param repoRoot the repository root (holds {@code deploy/keycloak/demo/dangjian-realm.json})
 * @param logDir one log file per component ({@code keycloak.log}, {@code <module>.log})
 * @param workDir per-run state (Keycloak's home with its data directory); wiped at each start
 * @param keycloakCacheDir where the Keycloak distribution is unzipped once (survives {@code mvn
 *     clean})
 * @param servicePorts module name to HTTP port (start order is {@link ServiceCatalog}'s)
 * @param dbUrlBase JDBC URL of the database server without a database, e.g. {@code
 *     jdbc:mysql://127.0.0.1:3306/}
 * @param databaseSuffix appended to every database name (see {@link #forE2e()}); usually empty
 * @param serviceProperties per module, Spring properties set on top of the catalogue's (tests point
 *     a service at a provider stub this way); usually empty
 * @param replicas instances of each backend service ({@code replicas}, default 1); with more than
 *     one the gateway balances over them, as the production overlay's replicas are balanced
 */
public record DevstackConfig(
    Path repoRoot,
    Path logDir,
    Path workDir,
    Path keycloakCacheDir,
    String keycloakVersion,
    Map<String, Integer> servicePorts,
    int keycloakPort,
    int kafkaPort,
    String dbUrlBase,
    String dbUser,
    String dbPassword,
    Duration serviceStartTimeout,
    Duration keycloakStartTimeout,
    String databaseSuffix,
    Map<String, Map<String, String>> serviceProperties,
    int replicas) {

  public static final String GATEWAY = "gateway";
  public static final String MEMBER_SERVICE = "member-service";
  public static final String DUES_SERVICE = "dues-service";
  public static final String ORG_LIFE_SERVICE = "org-life-service";
  public static final String ASSESSMENT_SERVICE = "assessment-service";
  public static final String ALERT_SERVICE = "alert-service";

  /** Default HTTP ports of the service modules. */
  public static final Map<String, Integer> DEFAULT_SERVICE_PORTS = defaultServicePorts();

  public static final int DEFAULT_KEYCLOAK_PORT = 8180;
  public static final int DEFAULT_KAFKA_PORT = 9092;
  public static final String DEFAULT_DB_URL = "jdbc:mysql://127.0.0.1:3306/";
  public static final String DEFAULT_DB_USER = "root";
  public static final String DEFAULT_DB_PASSWORD = "";
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

  public DevstackConfig {
    if (replicas < 1 || replicas > 5) {
      throw new IllegalArgumentException("replicas must be 1 to 5, not " + replicas);
    }
    servicePorts = Collections.unmodifiableMap(new LinkedHashMap<>(servicePorts));
    dbUrlBase = normalizeDbUrlBase(dbUrlBase);
    dbPassword = dbPassword == null ? "" : dbPassword;
    databaseSuffix = databaseSuffix == null ? "" : databaseSuffix;
    if (!databaseSuffix.matches("[A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "Database suffix must be [A-Za-z0-9_]*: " + databaseSuffix);
    }
    Map<String, Map<String, String>> copied = new LinkedHashMap<>();
    if (serviceProperties != null) {
      serviceProperties.forEach((module, p) -> copied.put(module, Map.copyOf(p)));
    }
    serviceProperties = Collections.unmodifiableMap(copied);
  }

  private static Map<String, Integer> defaultServicePorts() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put(GATEWAY, 8080);
    ports.put(MEMBER_SERVICE, 8081);
    ports.put(DUES_SERVICE, 8082);
    ports.put(ORG_LIFE_SERVICE, 8083);
    ports.put(ASSESSMENT_SERVICE, 8084);
    ports.put(ALERT_SERVICE, 8085);
    return Collections.unmodifiableMap(ports);
  }

  /**
   * The configuration for {@code devstack}: default ports, overridden by env / system properties.
   */
  public static DevstackConfig defaults() {
    return fromSettings(Settings.system(), BuildInfo.load(), false);
  }

  /**
   * A configuration on free ephemeral ports (every service, Keycloak and Kafka), with its own log
   * and work directories, for the e2e tests; the database settings still honour the overrides.
   */
  public static DevstackConfig onFreePorts() {
    return fromSettings(Settings.system(), BuildInfo.load(), true);
  }

  static DevstackConfig fromSettings(Settings settings, BuildInfo buildInfo, boolean freePorts) {
    Path repoRoot = RepoRoot.detect(settings, buildInfo);
    Path target = repoRoot.resolve("devstack").resolve("target");
    int keycloakPort =
        freePorts ? PortCheck.freePort() : settings.getInt("keycloak.port", DEFAULT_KEYCLOAK_PORT);
    int kafkaPort =
        freePorts ? PortCheck.freePort() : settings.getInt("kafka.port", DEFAULT_KAFKA_PORT);
    Map<String, Integer> ports = new LinkedHashMap<>();
    DEFAULT_SERVICE_PORTS.forEach(
        (module, port) ->
            ports.put(
                module,
                freePorts ? PortCheck.freePort() : settings.getInt(module + ".port", port)));
    String runName =
        freePorts
            ? "run-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-"
                + keycloakPort
            : null;
    Path logDir =
        settings
            .get("log-dir")
            .map(Path::of)
            .orElse(target.resolve("devstack-logs"))
            .toAbsolutePath();
    Path workDir =
        settings
            .get("work-dir")
            .map(Path::of)
            .orElse(target.resolve("devstack-work"))
            .toAbsolutePath();
    if (runName != null) {
      logDir = logDir.resolve(runName);
      workDir = workDir.resolve(runName);
    }
    String keycloakVersion = buildInfo.keycloakVersion();
    Path cacheDir =
        settings
            .get("keycloak.cache-dir")
            .map(Path::of)
            .orElse(
                Path.of(System.getProperty("user.home"), ".cache", "dangjian")
                    .resolve("keycloak-" + keycloakVersion))
            .toAbsolutePath();
    return new DevstackConfig(
        repoRoot,
        logDir,
        workDir,
        cacheDir,
        keycloakVersion,
        ports,
        keycloakPort,
        kafkaPort,
        settings.get("db.url", DEFAULT_DB_URL),
        settings.get("db.user", DEFAULT_DB_USER),
        settings.get("db.password", DEFAULT_DB_PASSWORD),
        Duration.ofSeconds(
            settings.getInt("service.start-timeout", (int) DEFAULT_START_TIMEOUT.toSeconds())),
        Duration.ofSeconds(
            settings.getInt("keycloak.start-timeout", (int) DEFAULT_START_TIMEOUT.toSeconds())),
        "",
        Map.of(),
        settings.getInt("replicas", 1));
  }

  static String normalizeDbUrlBase(String url) {
    if (url == null || url.isBlank()) {
      return DEFAULT_DB_URL;
    }
    String trimmed = url.trim();
    int query = trimmed.indexOf('?');
    String path = query < 0 ? trimmed : trimmed.substring(0, query);
    String params = query < 0 ? "" : trimmed.substring(query);
    return (path.endsWith("/") ? path : path + "/") + params;
  }

  /** The HTTP port of a service module (e.g. {@code member-service}). */
  public int servicePort(String module) {
    Integer port = servicePorts.get(module);
    if (port == null) {
      throw new IllegalArgumentException("No port configured for module " + module);
    }
    return port;
  }

  public int gatewayPort() {
    return servicePort(GATEWAY);
  }

  public int memberServicePort() {
    return servicePort(MEMBER_SERVICE);
  }

  /**
   * JDBC URL of one database on the configured server, created on first use, e.g. {@code
   * jdbc:mysql://127.0.0.1:3306/member_db?createDatabaseIfNotExist=true} ({@code member_db_e2e}
   * with {@link #forE2e()}).
   */
  public String jdbcUrl(String database) {
    int query = dbUrlBase.indexOf('?');
    String path = query < 0 ? dbUrlBase : dbUrlBase.substring(0, query);
    String params = query < 0 ? "" : dbUrlBase.substring(query + 1);
    String create = "createDatabaseIfNotExist=true";
    return path
        + database
        + databaseSuffix
        + "?"
        + (params.isEmpty() ? create : params + "&" + create);
  }

  /**
   * Where a module's Spring Boot fat jar is expected: {@code <repo>/<module>/target/<module>.jar}.
   */
  public Path jarOf(String module) {
    return repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
  }

  public Path realmFile() {
    return repoRoot.resolve(RepoRoot.REALM_FILE);
  }

  public DevstackConfig withServicePort(String module, int port) {
    return with(
        b -> {
          b.servicePorts = new LinkedHashMap<>(servicePorts);
          b.servicePorts.put(module, port);
        });
  }

  public DevstackConfig withKeycloakPort(int port) {
    return with(b -> b.keycloakPort = port);
  }

  public DevstackConfig withKafkaPort(int port) {
    return with(b -> b.kafkaPort = port);
  }

  public DevstackConfig withDirectories(Path logDir, Path workDir) {
    return with(
        b -> {
          b.logDir = logDir;
          b.workDir = workDir;
        });
  }

  public DevstackConfig withDatabase(String dbUrlBase, String dbUser, String dbPassword) {
    return with(
        b -> {
          b.dbUrlBase = dbUrlBase;
          b.dbUser = dbUser;
          b.dbPassword = dbPassword;
        });
  }

  public DevstackConfig withTimeouts(Duration serviceStartTimeout, Duration keycloakStartTimeout) {
    return with(
        b -> {
          b.serviceStartTimeout = serviceStartTimeout;
          b.keycloakStartTimeout = keycloakStartTimeout;
        });
  }

  /**
   * This configuration with its own databases ({@code member_db_e2e}, {@code dues_db_e2e}, ...), so
   * that e2e runs never touch the databases of local devstack work.
   */
  public DevstackConfig forE2e() {
    return withDatabaseSuffix("_e2e");
  }

  /** Sets Spring properties of one service on top of what the catalogue gives it. */
  public DevstackConfig withServiceProperties(String module, Map<String, String> properties) {
    return with(
        b -> {
          b.serviceProperties = new LinkedHashMap<>(serviceProperties);
          Map<String, String> merged =
              new LinkedHashMap<>(serviceProperties.getOrDefault(module, Map.of()));
          merged.putAll(properties);
          b.serviceProperties.put(module, merged);
        });
  }

  /** Appends {@code suffix} to every database name ({@code [A-Za-z0-9_]*}). */
  /** This configuration with {@code replicas} instances of every backend service. */
  public DevstackConfig withReplicas(int replicas) {
    return with(b -> b.replicas = replicas);
  }

  public DevstackConfig withDatabaseSuffix(String suffix) {
    return with(b -> b.databaseSuffix = suffix);
  }

  /**
   * A copy with some components changed: the withers above name only what they change, and the
   * sixteen components are copied in one place (the canonical constructor still validates).
   */
  private DevstackConfig with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The components of a configuration, open for change while a wither builds its copy. */
  private static final class Copy {
    Path repoRoot;
    Path logDir;
    Path workDir;
    Path keycloakCacheDir;
    String keycloakVersion;
    Map<String, Integer> servicePorts;
    int keycloakPort;
    int kafkaPort;
    String dbUrlBase;
    String dbUser;
    String dbPassword;
    Duration serviceStartTimeout;
    Duration keycloakStartTimeout;
    String databaseSuffix;
    Map<String, Map<String, String>> serviceProperties;
    int replicas;

    Copy(DevstackConfig c) {
      repoRoot = c.repoRoot;
      logDir = c.logDir;
      workDir = c.workDir;
      keycloakCacheDir = c.keycloakCacheDir;
      keycloakVersion = c.keycloakVersion;
      servicePorts = c.servicePorts;
      keycloakPort = c.keycloakPort;
      kafkaPort = c.kafkaPort;
      dbUrlBase = c.dbUrlBase;
      dbUser = c.dbUser;
      dbPassword = c.dbPassword;
      serviceStartTimeout = c.serviceStartTimeout;
      keycloakStartTimeout = c.keycloakStartTimeout;
      databaseSuffix = c.databaseSuffix;
      serviceProperties = c.serviceProperties;
      replicas = c.replicas;
    }

    DevstackConfig build() {
      return new DevstackConfig(
          repoRoot,
          logDir,
          workDir,
          keycloakCacheDir,
          keycloakVersion,
          servicePorts,
          keycloakPort,
          kafkaPort,
          dbUrlBase,
          dbUser,
          dbPassword,
          serviceStartTimeout,
          keycloakStartTimeout,
          databaseSuffix,
          serviceProperties,
          replicas);
    }
  }

  /** The record's toString without the database password. */
  @Override
  public String toString() {
    return "DevstackConfig[repoRoot="
        + repoRoot
        + ", logDir="
        + logDir
        + ", workDir="
        + workDir
        + ", keycloakCacheDir="
        + keycloakCacheDir
        + ", keycloakVersion="
        + keycloakVersion
        + ", servicePorts="
        + servicePorts
        + ", keycloakPort="
        + keycloakPort
        + ", kafkaPort="
        + kafkaPort
        + ", dbUrlBase="
        + dbUrlBase
        + ", dbUser="
        + dbUser
        + ", dbPassword="
        + (dbPassword.isEmpty() ? "(empty)" : "****")
        + ", serviceStartTimeout="
        + serviceStartTimeout
        + ", keycloakStartTimeout="
        + keycloakStartTimeout
        + ", databaseSuffix="
        + databaseSuffix
        + ", serviceProperties="
        + serviceProperties.keySet()
        + ", replicas="
        + replicas
        + "]";
  }
}
