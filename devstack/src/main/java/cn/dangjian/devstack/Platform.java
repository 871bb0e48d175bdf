package cn.dangjian.devstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole local platform: database check, Kafka (in-process), Keycloak and every built service.
 * {@code Devstack} runs it from a terminal; e2e tests call {@link #start(DevstackConfig)} and
 * {@link #stop()} in-process.
 *
 * <p>Start order: database check, Keycloak launched in the background, Kafka, wait for Keycloak,
 * then each service of {@link ServiceCatalog} whose jar exists (waiting for its readiness), then
 * {@link DemoData}. Stop order: services (reverse), Keycloak, Kafka. A JVM shutdown hook stops
 * everything if the JVM exits (Ctrl-C, SIGTERM, a test JVM ending).
 */
public final class Platform implements AutoCloseable {

  private final DevstackConfig config;
  private final Consumer<String> out;
  private final KafkaLauncher kafka;
  private final KeycloakLauncher keycloak;
  private final KeycloakAdmin keycloakAdmin;
  private final Map<String, ServiceLauncher> services = new LinkedHashMap<>();
  private final List<String> skipped = new ArrayList<>();
  private final Map<String, Duration> startTimes = new LinkedHashMap<>();
  private final Thread shutdownHook;
  private Duration totalStartTime;
  private volatile boolean stopped;

  private Platform(DevstackConfig config, Consumer<String> out) {
    this.config = config;
    this.out = out;
    this.kafka = new KafkaLauncher(config.kafkaPort());
    this.keycloak = new KeycloakLauncher(config);
    this.keycloakAdmin = new KeycloakAdmin(keycloak.internalUrl());
    this.shutdownHook = new Thread(this::stopFromHook, "devstack-shutdown");
  }

  /** Starts everything with the default {@link DemoData}; returns once all is ready. */
  public static Platform start(DevstackConfig config) {
    return start(config, new DemoData());
  }

  public static Platform start(DevstackConfig config, DemoData demoData) {
    return start(config, demoData, line -> System.out.println("[devstack] " + line));
  }

  /**
   * @param out receives progress lines
   */
  public static Platform start(DevstackConfig config, DemoData demoData, Consumer<String> out) {
    Platform platform = new Platform(config, out);
    Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
    try {
      platform.startAll(demoData);
      return platform;
    } catch (RuntimeException | Error e) {
      platform.stop();
      throw e;
    }
  }

  private void startAll(DemoData demoData) {
    Instant begin = Instant.now();
    String database = DatabaseCheck.requireReachable(config);
    out.accept("database: " + database + " at " + config.dbUrlBase());

    List<ServiceDefinition> toStart = new ArrayList<>();
    for (ServiceDefinition service : ServiceCatalog.all()) {
      if (java.nio.file.Files.isRegularFile(config.jarOf(service.module()))) {
        toStart.add(service);
      } else {
        skipped.add(service.module());
      }
    }
    // every port up front: a second devstack fails before it starts anything
    PortCheck.requireFree(config.kafkaPort(), "Kafka", Settings.howToSet("kafka.port"));
    PortCheck.requireFree(config.keycloakPort(), "Keycloak", Settings.howToSet("keycloak.port"));
    for (ServiceDefinition service : toStart) {
      PortCheck.requireFree(
          config.servicePort(service.module()),
          service.module(),
          Settings.howToSet(service.module() + ".port"));
    }

    out.accept(
        "Keycloak: starting on port "
            + config.keycloakPort()
            + " (log: "
            + keycloak.logFile()
            + ")");
    keycloak.launch();
    out.accept("Kafka: starting on port " + config.kafkaPort());
    kafka.start();
    startTimes.put("kafka", kafka.startDuration().orElseThrow());
    out.accept(
        "Kafka: ready at "
            + kafka.bootstrapServers()
            + " in "
            + Processes.seconds(startTimes.get("kafka")));
    keycloak.awaitReady();
    startTimes.put("keycloak", keycloak.startDuration().orElseThrow());
    out.accept(
        "Keycloak: ready at "
            + keycloak.baseUrl()
            + " in "
            + Processes.seconds(startTimes.get("keycloak")));

    ServiceDefinition.Endpoints endpoints =
        new ServiceDefinition.Endpoints(
            config, kafka.bootstrapServers(), keycloak.issuerUri(), keycloak.jwkSetUri());
    for (ServiceDefinition service : toStart) {
      Map<String, String> properties = new LinkedHashMap<>(service.properties().apply(endpoints));
      properties.putAll(config.serviceProperties().getOrDefault(service.module(), Map.of()));
      ServiceLauncher launcher = ServiceLauncher.of(config, service.module(), properties);
      services.put(service.module(), launcher);
      out.accept(
          service.module()
              + ": starting on port "
              + launcher.port()
              + " (log: "
              + launcher.logFile()
              + ")");
      launcher.start();
      startTimes.put(service.module(), launcher.lastStartDuration().orElseThrow());
      out.accept(
          service.module() + ": ready in " + Processes.seconds(startTimes.get(service.module())));
    }
    for (String module : skipped) {
      out.accept(
          module
              + ": skipped (no "
              + config.jarOf(module)
              + "; run ./mvnw -DskipTests package first)");
    }

    Instant demoStart = Instant.now();
    demoData.load(this);
    startTimes.put("demo-data", Duration.between(demoStart, Instant.now()));
    totalStartTime = Duration.between(begin, Instant.now());
  }

  /** Stops services (reverse start order), then Keycloak, then Kafka. Idempotent. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down
    }
    List<ServiceLauncher> reverse = new ArrayList<>(services.values());
    Collections.reverse(reverse);
    for (ServiceLauncher service : reverse) {
      quietly("stop " + service.module(), service::stop);
    }
    quietly("stop Keycloak", keycloak::stop);
    quietly("stop Kafka", kafka::stop);
  }

  private void stopFromHook() {
    if (!stopped) {
      out.accept("stopping (services, then Keycloak, then Kafka)...");
      stop();
      out.accept("stopped");
    }
  }

  private void quietly(String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      out.accept("could not " + what + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    stop();
  }

  public DevstackConfig config() {
    return config;
  }

  public KafkaLauncher kafka() {
    return kafka;
  }

  public KeycloakLauncher keycloak() {
    return keycloak;
  }

  /** A client for Keycloak's admin and token endpoints (admin/admin). */
  public KeycloakAdmin keycloakAdmin() {
    return keycloakAdmin;
  }

  /** The started service of a module, if its jar existed. */
  public Optional<ServiceLauncher> service(String module) {
    return Optional.ofNullable(services.get(module));
  }

  public ServiceLauncher requireService(String module) {
    return service(module)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    module + " is not running (no jar " + config.jarOf(module) + "?)"));
  }

  /** The started services, in start order. */
  public List<ServiceLauncher> services() {
    return List.copyOf(services.values());
  }

  /** Modules not started because their jar is missing. */
  public List<String> skippedModules() {
    return List.copyOf(skipped);
  }

  /** {@code http://localhost:<gateway port>}. */
  public String gatewayUrl() {
    return "http://localhost:" + config.gatewayPort();
  }

  public String swaggerUiUrl() {
    return gatewayUrl() + "/swagger-ui.html";
  }

  public String issuerUri() {
    return keycloak.issuerUri();
  }

  public String jwkSetUri() {
    return keycloak.jwkSetUri();
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** Start time of each component (kafka, keycloak, each module, demo-data), in start order. */
  public Map<String, Duration> startTimes() {
    return Collections.unmodifiableMap(startTimes);
  }

  /** From the database check to demo data loaded. */
  public Duration totalStartTime() {
    return totalStartTime;
  }

  public boolean isStopped() {
    return stopped;
  }
}
