package cn.dangjian.bench;

import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9: what the gateway costs. member-service and the gateway run as they do in production
 * (separate JVMs; the gateway validates the JWT and relays it); the same read mix (an org by id, an
 * org's children) is sent directly to member-service and through the gateway, alternately, in one
 * run: one client in a closed loop (latency the gateway adds) and {@code --clients} in a closed
 * loop for {@code --seconds} (throughput). Also: start time, CPU seconds and peak RSS of both
 * processes. Options: --clients= (8), --seconds= (20), --requests= (2000, one-client phases),
 * --rounds= (2), --jvm= (both services' JVM options).
 */
public final class GatewayBench {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, String> options;
  private final BenchLog report = new BenchLog();

  private GatewayBench(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) {
    BenchMain.run(args, options -> new GatewayBench(options).run());
  }

  private int option(String name, int fallback) {
    return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
  }

  private void run() throws Exception {
    Path out = Path.of("bench/target/bench-results");
    Files.createDirectories(out);
    Path memberJar = out.resolve("member-service-gw-under-test.jar");
    Path gatewayJar = out.resolve("gateway-under-test.jar");
    Files.copy(
        Path.of("member-service/target/member-service.jar"),
        memberJar,
        StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        Path.of("gateway/target/gateway.jar"), gatewayJar, StandardCopyOption.REPLACE_EXISTING);
    List<String> jvm =
        Arrays.asList(options.getOrDefault("jvm", "-Xms256m -Xmx256m -XX:+UseSerialGC").split(" "));
    report.line(
        "== gateway overhead (issue 9): %d cores, JVM %s",
        Runtime.getRuntime().availableProcessors(), String.join(" ", jvm));
    try (FakeKeycloak keycloak = FakeKeycloak.start()) {
      TestKafka kafka = TestKafka.shared("member.events");
      try (ServiceProcess member =
          BenchServices.memberService(
              memberJar,
              out.resolve("member-service-gw.log"),
              jvm,
              "gateway_bench_member",
              kafka,
              keycloak,
              BenchMain.under(options, "set."))) {
        Map<String, String> gatewayProps = new LinkedHashMap<>();
        gatewayProps.put("dangjian.services.member-service.uri", member.baseUrl());
        gatewayProps.put("logging.level.root", "WARN");
        gatewayProps.putAll(keycloak.resourceServerProperties());
        // --set.<property>=<value>: a property for both processes (e.g. tracing sampling)
        gatewayProps.putAll(BenchMain.under(options, "set."));
        try (ServiceProcess gateway =
            ServiceProcess.start(
                gatewayJar,
                out.resolve("gateway.log"),
                jvm,
                gatewayProps,
                Map.of(),
                Duration.ofMinutes(3))) {
          report.line(
              "   started: member-service %.1f s, gateway %.1f s",
              member.startTime().toMillis() / 1000.0, gateway.startTime().toMillis() / 1000.0);
          measure(keycloak, member, gateway);
        }
      }
    }
    Files.writeString(out.resolve("gateway-bench.txt"), report.toString(), StandardCharsets.UTF_8);
    System.out.println("\nwritten to " + out.resolve("gateway-bench.txt"));
  }

  private void measure(FakeKeycloak keycloak, ServiceProcess member, ServiceProcess gateway)
      throws Exception {
    String admin =
        keycloak
            .token()
            .roles("platform-admin")
            .username("bench-admin")
            .lifetime(Duration.ofHours(2))
            .build();
    // many callers, as in production: the gateway throttles each caller (50 req/s by default)
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      tokens.add(
          keycloak
              .token()
              .roles("platform-admin")
              .username("bench-user-" + i)
              .lifetime(Duration.ofHours(2))
              .build());
    }
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    UUID root = create(http, member.baseUrl(), admin, null, "压测党委", "PARTY_COMMITTEE");
    List<UUID> branches = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      branches.add(create(http, member.baseUrl(), admin, root, "压测第" + i + "支部", "BRANCH"));
    }
    OrgReads mix = new OrgReads(http, tokens, root, branches);
    int clients = option("clients", 8);
    int seconds = option("seconds", 20);
    int requests = option("requests", 2000);
    int rounds = option("rounds", 2);
    report.line("   data: 1 committee, %d branches; mix: GET /api/orgs/{id} and its children", 40);
    Probe memberCpu = new Probe(member.pid());
    Probe gatewayCpu = new Probe(gateway.pid());
    memberCpu.rss.start();
    gatewayCpu.rss.start();
    // warm both paths (the JIT), untimed
    closedLoop("gateway", gateway.baseUrl(), mix, clients, 3_000, Duration.ofSeconds(60));
    closedLoop("direct", member.baseUrl(), mix, clients, 3_000, Duration.ofSeconds(60));
    List<Result> direct1 = new ArrayList<>();
    List<Result> gateway1 = new ArrayList<>();
    List<Result> directN = new ArrayList<>();
    List<Result> gatewayN = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      direct1.add(closedLoop("direct", member.baseUrl(), mix, 1, requests, null));
      gateway1.add(closedLoop("gateway", gateway.baseUrl(), mix, 1, requests, null));
      directN.add(
          closedLoop(
              "direct",
              member.baseUrl(),
              mix,
              clients,
              Integer.MAX_VALUE,
              Duration.ofSeconds(seconds)));
      double memberBefore = memberCpu.cpuSeconds();
      double gatewayBefore = gatewayCpu.cpuSeconds();
      Result through =
          closedLoop(
              "gateway",
              gateway.baseUrl(),
              mix,
              clients,
              Integer.MAX_VALUE,
              Duration.ofSeconds(seconds));
      gatewayN.add(
          through.withCpu(
              memberCpu.cpuSeconds() - memberBefore, gatewayCpu.cpuSeconds() - gatewayBefore));
    }
    report.line("| run | path | clients | n | req/s | p50 ms | p99 ms | p99.9 ms | errors |");
    report.line("|---|---|---|---|---|---|---|---|---|");
    for (int r = 0; r < rounds; r++) {
      for (Result result :
          List.of(direct1.get(r), gateway1.get(r), directN.get(r), gatewayN.get(r))) {
        report.line("| %d | %s |", r + 1, result.row());
      }
    }
    double added =
        median(gateway1.stream().mapToDouble(Result::p99).toArray())
            - median(direct1.stream().mapToDouble(Result::p99).toArray());
    double ratio =
        median(gatewayN.stream().mapToDouble(Result::throughput).toArray())
            / median(directN.stream().mapToDouble(Result::throughput).toArray());
    report.line(
        "-- gateway: added p99 (one client) %.2f ms (target ≤ 5 ms); throughput %.0f %% of direct"
            + " with %d clients (target ≥ 80 %%)",
        added, ratio * 100, clients);
    Result last = gatewayN.get(gatewayN.size() - 1);
    report.line(
        "-- CPU per request through the gateway (%d clients): member-service %.2f ms,"
            + " gateway %.2f ms",
        clients, last.memberCpu() * 1000 / last.count(), last.gatewayCpu() * 1000 / last.count());
    report.line(
        "-- peak RSS: member-service %d MB, gateway %d MB",
        memberCpu.rss.peakMb(), gatewayCpu.rss.peakMb());
    memberCpu.rss.stop();
    gatewayCpu.rss.stop();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static UUID create(
      HttpClient http, String base, String token, UUID parent, String name, String type)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    if (parent != null) {
      body.put("parentId", parent.toString());
    }
    body.put("name", name + "-" + UUID.randomUUID().toString().substring(0, 8));
    body.put("type", type);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/orgs"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "POST /api/orgs answered " + response.statusCode() + ": " + response.body());
    }
    return UUID.fromString(JSON.readTree(response.body()).path("id").asString());
  }

  /**
   * The requests both paths are measured with: an org or its children, under one of many callers'
   * tokens.
   */
  private record OrgReads(HttpClient http, List<String> tokens, UUID root, List<UUID> branches) {}

  /** Clients each send the next request once the previous answer is read (keep-alive). */
  private static Result closedLoop(
      String label, String base, OrgReads mix, int clients, int requests, Duration limit)
      throws InterruptedException {
    HttpClient http = mix.http();
    List<String> tokens = mix.tokens();
    UUID root = mix.root();
    List<UUID> branches = mix.branches();
    long end = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    List<long[]> perClient = new ArrayList<>();
    List<AtomicInteger> counts = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long begin = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      long[] nanos = new long[limit == null ? requests : 2_000_000];
      AtomicInteger count = new AtomicInteger();
      perClient.add(nanos);
      counts.add(count);
      SplittableRandom random = new SplittableRandom(31L * c + 7);
      Thread thread =
          new Thread(
              () -> {
                while (System.nanoTime() < end && sent.getAndIncrement() < requests) {
                  String path =
                      random.nextBoolean()
                          ? "/api/orgs/" + branches.get(random.nextInt(branches.size()))
                          : "/api/orgs?parentId=" + root + "&size=20";
                  long start = System.nanoTime();
                  try {
                    HttpResponse<String> response =
                        http.send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                .header(
                                    "Authorization",
                                    "Bearer " + tokens.get(random.nextInt(tokens.size())))
                                .header("Accept", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                      if (errors.getAndIncrement() == 0) {
                        System.out.printf(
                            "   first error on %s: HTTP %d %s%n",
                            label,
                            response.statusCode(),
                            response.body().substring(0, Math.min(200, response.body().length())));
                      }
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  int i = count.getAndIncrement();
                  if (i < nanos.length) {
                    nanos[i] = System.nanoTime() - start;
                  }
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double wall = (System.nanoTime() - begin) / 1e9;
    int total = counts.stream().mapToInt(AtomicInteger::get).sum();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      int n = Math.min(counts.get(c).get(), perClient.get(c).length);
      System.arraycopy(perClient.get(c), 0, all, at, n);
      at += n;
    }
    long[] sorted = Arrays.copyOf(all, at);
    Arrays.sort(sorted);
    return new Result(
        label,
        clients,
        at,
        at / wall,
        pct(sorted, 0.50),
        pct(sorted, 0.99),
        pct(sorted, 0.999),
        errors.get(),
        0,
        0);
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private record Result(
      String path,
      int clients,
      int count,
      double throughput,
      double p50,
      double p99,
      double p999,
      int errors,
      double memberCpu,
      double gatewayCpu) {

    Result withCpu(double member, double gateway) {
      return new Result(path, clients, count, throughput, p50, p99, p999, errors, member, gateway);
    }

    String row() {
      return String.format(
          Locale.ROOT,
          "%s | %d | %,d | %.0f | %.2f | %.2f | %.2f | %d",
          path,
          clients,
          count,
          throughput,
          p50,
          p99,
          p999,
          errors);
    }
  }

  /** CPU seconds (user + system) and RSS of a process, from /proc. */
  private static final class Probe {
    final long pid;
    final RssSampler rss;

    Probe(long pid) {
      this.pid = pid;
      this.rss = new RssSampler(pid);
    }

    double cpuSeconds() {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of the whole line (12 and 13 after the name)
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
      } catch (Exception e) {
        return Double.NaN;
      }
    }
  }
}
