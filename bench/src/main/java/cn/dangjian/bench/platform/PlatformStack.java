package cn.dangjian.bench.platform;

import cn.dangjian.bench.BenchKeys;
import cn.dangjian.bench.ServiceProcess;
import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.TestDatabase;
import cn.dangjian.testsupport.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform as production runs it, on loopback: each backend and the gateway in its own JVM from
 * a copy of its fat jar (a rebuild during the run cannot pull a jar from under it), one in-process
 * KRaft broker and FakeKeycloak (RS256 JWKS). Services start one after the other, so each start
 * time (process start → readiness UP) is measured on an otherwise idle machine.
 */
final class PlatformStack implements AutoCloseable {

  static final List<String> BACKENDS =
      List.of("member-service", "dues-service", "org-life-service", "alert-service");

  private final FakeKeycloak keycloak;
  private final TestKafka kafka;
  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  private ServiceProcess gateway;

  private PlatformStack(FakeKeycloak keycloak, TestKafka kafka) {
    this.keycloak = keycloak;
    this.kafka = kafka;
  }

  /**
   * @param base service → the properties and environment its data set needs (datasource, keys)
   * @param jvm JVM options per process name ("default" for the others)
   * @param extra process → properties on top (--set.<process>.<prop>=)
   */
  static PlatformStack start(
      Path out,
      Map<String, ServiceSetup> base,
      Map<String, List<String>> jvm,
      Map<String, Map<String, String>> extra)
      throws Exception {
    FakeKeycloak keycloak = FakeKeycloak.start();
    TestKafka kafka =
        TestKafka.shared(
            "member.events", "dues.events", "orglife.events", "assessment.events", "alert.events");
    PlatformStack stack = new PlatformStack(keycloak, kafka);
    try {
      for (String service : BACKENDS) {
        Map<String, String> props = new LinkedHashMap<>(base.get(service).properties());
        props.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        props.put("logging.level.root", "WARN");
        props.putAll(keycloak.resourceServerProperties());
        props.putAll(extra.getOrDefault(service, Map.of()));
        Map<String, String> env = new LinkedHashMap<>(base.get(service).environment());
        // as the pods run (k8s/base/*/deployment.yaml): glibc's per-thread malloc arenas are
        // tens of MB of RSS that the heap flags do not bound
        env.putIfAbsent("MALLOC_ARENA_MAX", "2");
        stack.services.put(
            service,
            ServiceProcess.start(
                copyJar(out, service),
                out.resolve("platform-" + service + ".log"),
                jvmFor(jvm, service),
                props,
                env,
                Duration.ofMinutes(5)));
        System.out.printf(
            "   %s ready in %.1f s%n",
            service, stack.services.get(service).startTime().toMillis() / 1000.0);
      }
      Map<String, String> props = new LinkedHashMap<>();
      stack.services.forEach(
          (name, process) -> props.put("dangjian.services." + name + ".uri", process.baseUrl()));
      props.put("logging.level.root", "WARN");
      props.putAll(keycloak.resourceServerProperties());
      props.putAll(extra.getOrDefault("gateway", Map.of()));
      stack.gateway =
          ServiceProcess.start(
              copyJar(out, "gateway"),
              out.resolve("platform-gateway.log"),
              jvmFor(jvm, "gateway"),
              props,
              Map.of(),
              Duration.ofMinutes(3));
      System.out.printf(
          "   gateway ready in %.1f s%n", stack.gateway.startTime().toMillis() / 1000.0);
      return stack;
    } catch (Exception e) {
      stack.close();
      throw e;
    }
  }

  /** What one service needs to run against its data set. */
  record ServiceSetup(Map<String, String> properties, Map<String, String> environment) {

    /** A plat_ schema of our own (created if missing), as the generator's setup would be. */
    static ServiceSetup ownSchema(String service, String schema) {
      Map<String, String> props = new LinkedHashMap<>();
      props.put(
          "spring.datasource.url",
          TestDatabase.serverUrl() + schema + "?createDatabaseIfNotExist=true");
      props.put("spring.flyway.out-of-order", "true");
      if (service.equals("alert-service")) {
        props.put("dangjian.alerts.sweep-cron", "-");
      }
      Map<String, String> env = new LinkedHashMap<>();
      env.put("SPRING_DATASOURCE_USERNAME", TestDatabase.user());
      env.put("SPRING_DATASOURCE_PASSWORD", TestDatabase.password());
      if (service.equals("member-service")) {
        BenchKeys keys = BenchKeys.loadOrCreate();
        env.putAll(keys.memberServiceEnvironment());
      }
      return new ServiceSetup(props, env);
    }
  }

  private static Path copyJar(Path out, String module) throws Exception {
    Path copy = out.resolve(module + "-platform-under-test.jar");
    Files.copy(
        Path.of(module, "target", module + ".jar"), copy, StandardCopyOption.REPLACE_EXISTING);
    return copy;
  }

  private static List<String> jvmFor(Map<String, List<String>> jvm, String process) {
    return new ArrayList<>(jvm.getOrDefault(process, jvm.get("default")));
  }

  static List<String> split(String options) {
    return Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  FakeKeycloak keycloak() {
    return keycloak;
  }

  TestKafka kafka() {
    return kafka;
  }

  ServiceProcess service(String name) {
    return services.get(name);
  }

  ServiceProcess gateway() {
    return gateway;
  }

  /** Every platform process by name, the gateway last. */
  Map<String, ServiceProcess> processes() {
    Map<String, ServiceProcess> all = new LinkedHashMap<>(services);
    all.put("gateway", gateway);
    return all;
  }

  /** Base URL of the service that owns a path, or the gateway's. */
  String base(String owner, boolean throughGateway) {
    return throughGateway ? gateway.baseUrl() : services.get(owner).baseUrl();
  }

  @Override
  public void close() {
    if (gateway != null) {
      gateway.close();
    }
    services.values().forEach(ServiceProcess::close);
    keycloak.close();
  }
}
