package cn.dangjian.devstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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

  /** Per module its instances, the first on the module's configured port. */
  private final Map<String, List<ServiceLauncher>> instances = new LinkedHashMap<>();

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
    Map<String, List<Integer>> replicaPorts = replicaPorts(toStart);
    List<CompletableFuture<Void>> replicasStarting = new ArrayList<>();
    for (ServiceDefinition service : toStart) {
      String module = service.module();
      Map<String, String> properties = new LinkedHashMap<>(service.properties().apply(endpoints));
      if (module.equals(DevstackConfig.GATEWAY)) {
        properties.putAll(loadBalancedTargets(replicaPorts));
      } else if (config.replicas() > 1) {
        // the gateway's balancer polls readiness every second: stop sending before we stop
        properties.put("dangjian.shutdown.drain-delay", "3s");
      }
      properties.putAll(config.serviceProperties().getOrDefault(module, Map.of()));
      List<ServiceLauncher> launchers = new ArrayList<>();
      launchers.add(ServiceLauncher.of(config, module, properties));
      List<Integer> extraPorts = replicaPorts.getOrDefault(module, List.of());
      for (int i = 0; i < extraPorts.size(); i++) {
        launchers.add(
            ServiceLauncher.replica(config, module, properties, i + 2, extraPorts.get(i)));
      }
      instances.put(module, launchers);
      if (module.equals(DevstackConfig.GATEWAY)) {
        // the gateway last, once every replica started in the background is ready
        replicasStarting.forEach(CompletableFuture::join);
      }
      // the first instance alone (it migrates the schema), further replicas in the background
      startInstance(module, launchers.get(0));
      for (ServiceLauncher replica : launchers.subList(1, launchers.size())) {
        replicasStarting.add(CompletableFuture.runAsync(() -> startInstance(module, replica)));
      }
    }
    replicasStarting.forEach(CompletableFuture::join);
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

  /** Stops the gateway, then all backend instances at once, then Keycloak and Kafka. Idempotent. */
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
    // the gateway first, then every backend instance at once: one by one, replicas that drain
    // for seconds each would outlast a test JVM's exit timeout and be left running
    instances.getOrDefault(DevstackConfig.GATEWAY, List.of()).forEach(this::stopQuietly);
    List<Thread> stopping = new ArrayList<>();
    for (ServiceLauncher service : services()) {
      if (!service.module().equals(DevstackConfig.GATEWAY)) {
        // own threads: the common pool has a single worker on a 2-core machine
        Thread thread = new Thread(() -> stopQuietly(service), "devstack-stop-" + service.port());
        thread.start();
        stopping.add(thread);
      }
    }
    for (Thread thread : stopping) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
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

  private void stopQuietly(ServiceLauncher service) {
    quietly("stop " + service.module() + " on port " + service.port(), service::stop);
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
    return instances.getOrDefault(module, List.of()).stream().findFirst();
  }

  /** Every started instance of a module (one unless {@link DevstackConfig#replicas()} > 1). */
  public List<ServiceLauncher> instances(String module) {
    return List.copyOf(instances.getOrDefault(module, List.of()));
  }

  public ServiceLauncher requireService(String module) {
    return service(module)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    module + " is not running (no jar " + config.jarOf(module) + "?)"));
  }

  /** The started services (every instance), in start order. */
  public List<ServiceLauncher> services() {
    List<ServiceLauncher> all = new ArrayList<>();
    instances.values().forEach(all::addAll);
    return all;
  }

  private void startInstance(String module, ServiceLauncher launcher) {
    out.accept(
        module + ": starting on port " + launcher.port() + " (log: " + launcher.logFile() + ")");
    launcher.start();
    Duration took = launcher.lastStartDuration().orElseThrow();
    synchronized (startTimes) {
      startTimes.merge(module, took, Duration::plus);
    }
    out.accept(module + ": ready on port " + launcher.port() + " in " + Processes.seconds(took));
  }

  /** Free ports for the instances after the first of every backend. */
  private Map<String, List<Integer>> replicaPorts(List<ServiceDefinition> toStart) {
    Map<String, List<Integer>> ports = new LinkedHashMap<>();
    for (ServiceDefinition service : toStart) {
      if (!service.module().equals(DevstackConfig.GATEWAY)) {
        List<Integer> extra = new ArrayList<>();
        for (int i = 1; i < config.replicas(); i++) {
          extra.add(PortCheck.freePort());
        }
        ports.put(service.module(), extra);
      }
    }
    return ports;
  }

  /**
   * With replicas the gateway routes to {@code lb://<module>}: Spring Cloud LoadBalancer over a
   * fixed list of instances, each taken out while its readiness is not UP (a replica stopping, or
   * not started yet), as a Kubernetes Service does with its endpoints.
   */
  private Map<String, String> loadBalancedTargets(Map<String, List<Integer>> replicaPorts) {
    Map<String, String> properties = new LinkedHashMap<>();
    if (config.replicas() < 2) {
      return properties;
    }
    replicaPorts.forEach(
        (module, extraPorts) -> {
          properties.put("dangjian.services." + module + ".uri", "lb://" + module);
          List<Integer> all = new ArrayList<>();
          all.add(config.servicePort(module));
          all.addAll(extraPorts);
          for (int i = 0; i < all.size(); i++) {
            properties.put(
                "spring.cloud.discovery.client.simple.instances." + module + "[" + i + "].uri",
                "http://127.0.0.1:" + all.get(i));
          }
        });
    // the balancer of each service is made (and its first health check run) at start, not on the
    // first request, which would otherwise find no instance checked yet
    properties.put(
        "spring.cloud.loadbalancer.eager-load.clients", String.join(",", replicaPorts.keySet()));
    return properties;
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
