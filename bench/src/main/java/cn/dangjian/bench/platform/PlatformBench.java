package cn.dangjian.bench.platform;

import cn.dangjian.bench.BenchLog;
import cn.dangjian.bench.BenchMain;
import cn.dangjian.bench.MachineInfo;
import cn.dangjian.bench.ServiceProcess;
import cn.dangjian.bench.platform.ProcessUsage.Usage;
import cn.dangjian.bench.province.GeneratedProvince;
import cn.dangjian.bench.province.GeneratorSettings;
import cn.dangjian.bench.province.ProvinceGenerator;
import cn.dangjian.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9: the whole platform in one run. member-, dues-, org-life- and alert-service and the
 * gateway run as in production (separate JVMs, fat-jar copies) with one KRaft broker and a fake
 * Keycloak; a Gatling simulation sends a branch secretary's console and the members' mini-program
 * mix directly to the services and through the gateway, step by step at rising offered rates (open
 * model), one path after the other at each rate; then the event pipeline (a write through the
 * gateway → the alert on alert-service's SSE stream) is timed while 1,000 events/s go to Kafka in
 * the background. RSS and CPU of every process per phase. Writes a Markdown summary, the Gatling
 * HTML report and PNG charts.
 *
 * <p>Options: --members=, --branches=, --seed=, --reload= (passed to the province generator; its
 * defaults 1,000,000 / 50,000), --data=api (instead: a small set made through the services' APIs,
 * --members= (500) in --branches= (50)), --rates= (50,100,200,400,800), --seconds= (30 per step and
 * path), --warmup= (20), --events= (1000 per second), --event-seconds= (30), --event-samples=
 * (200), --jvm= (every process; default "-Xms256m -Xmx256m -XX:+UseSerialGC"), --jvm.<process>=,
 * --set.<service>.<property>=, --charts= (docs/charts), --reuse=true (keep the plat_ schemas: no
 * seeding, needs a previous run).
 */
public final class PlatformBench {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DEFAULT_JVM = "-Xms256m -Xmx256m -XX:+UseSerialGC";
  private static final long RSS_TARGET_MB = 512;

  private final Map<String, String> options;
  private final BenchLog md = new BenchLog();

  private PlatformBench(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) {
    BenchMain.run(args, options -> new PlatformBench(options).run());
  }

  private int option(String name, int fallback) {
    return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
  }

  private void run() throws Exception {
    Path out = Path.of("bench/target/bench-results");
    Files.createDirectories(out);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    List<Integer> rates =
        Arrays.stream(options.getOrDefault("rates", "50,100,200,400,800").split(","))
            .map(String::trim)
            .map(Integer::parseInt)
            .toList();
    int seconds = option("seconds", 30);
    MachineInfo machine;
    try (Connection c =
        DriverManager.getConnection(
            TestDatabase.serverUrl(), TestDatabase.user(), TestDatabase.password())) {
      machine = MachineInfo.collect(c);
    }
    // the data: the province generator's schemas (default), or a small set made through the APIs
    boolean viaApi = options.getOrDefault("data", "province").equals("api");
    Map<String, PlatformStack.ServiceSetup> setups = new LinkedHashMap<>();
    GeneratedProvince province = null;
    long dataFrom = System.nanoTime();
    if (viaApi) {
      for (String service : PlatformStack.BACKENDS) {
        String schema = "plat_" + service.replace("-service", "").replace("-", "");
        TestDatabase.fresh(schema);
        setups.put(service, PlatformStack.ServiceSetup.ownSchema(service, schema));
      }
    } else {
      System.out.println("== province generator (loads only what is missing or of another shape)");
      province = ProvinceGenerator.ensure(GeneratorSettings.fromArgs(options));
      for (String service : PlatformStack.BACKENDS) {
        setups.put(
            service,
            new PlatformStack.ServiceSetup(
                province.serviceProperties(service), province.serviceEnvironment(service)));
      }
    }
    double generatorSeconds = (System.nanoTime() - dataFrom) / 1e9;
    Map<String, List<String>> jvm = new LinkedHashMap<>();
    jvm.put("default", PlatformStack.split(options.getOrDefault("jvm", DEFAULT_JVM)));
    Map<String, Map<String, String>> extra = new LinkedHashMap<>();
    options.forEach(
        (key, value) -> {
          if (key.startsWith("jvm.")) {
            jvm.put(key.substring(4), PlatformStack.split(value));
          } else if (key.startsWith("set.") && key.indexOf('.', 4) > 0) {
            String process = key.substring(4, key.indexOf('.', 4));
            extra
                .computeIfAbsent(process, k -> new LinkedHashMap<>())
                .put(key.substring(key.indexOf('.', 4) + 1), value);
          }
        });

    md.line("# Whole-platform load run (issue 9) — %s", stamp);
    md.line("");
    md.line("- machine: %s", machine.describe());
    md.line(
        "- JVM of every process: `%s`%s",
        String.join(" ", jvm.get("default")),
        jvm.size() > 1 ? " (overrides: " + jvm.keySet() + ")" : "");
    md.line("- options: `%s`", options);
    md.line("");
    System.out.println("== starting the platform");
    try (PlatformStack stack = PlatformStack.start(out, setups, jvm, extra)) {
      Map<String, Long> pids = new LinkedHashMap<>();
      stack.processes().forEach((name, p) -> pids.put(name, p.pid()));
      pids.put("bench JVM (Gatling)", ProcessHandle.current().pid());
      List<Long> db = cn.dangjian.bench.CpuMonitor.databasePids();
      if (!db.isEmpty()) {
        pids.put("mariadbd", db.get(0));
      }
      ProcessUsage usage = new ProcessUsage(pids);
      usage.start();
      md.line("## Start time (process start → readiness UP, one after the other)");
      md.line("");
      md.line("| process | start s | RSS after start MB |");
      md.line("|---|---|---|");
      for (Map.Entry<String, ServiceProcess> e : stack.processes().entrySet()) {
        md.line(
            "| %s | %.1f | %d |",
            e.getKey(),
            e.getValue().startTime().toMillis() / 1000.0,
            new cn.dangjian.bench.RssSampler(e.getValue().pid()).currentMb());
      }
      md.line("");

      long seedFrom = System.nanoTime();
      Fixture fixture =
          viaApi
              ? new ApiSeed(stack)
                  .seed(
                      option("branches", 50),
                      option("members", 500) / option("branches", 50),
                      seed())
              : Fixture.of(province);
      long seedTo = System.nanoTime();
      md.line("## Data");
      md.line("");
      md.line("- %s", fixture.description());
      md.line(
          "- %s took %.1f s; requests go to %d sample branches (%,d members)",
          viaApi ? "seeding through the services' APIs" : "ProvinceGenerator.ensure",
          viaApi ? (seedTo - seedFrom) / 1e9 : generatorSeconds,
          fixture.branches().size(),
          fixture.memberCount());
      md.line("");

      Map<UUID, List<String>> secretaries = secretaryTokens(stack, fixture);
      Map<UUID, String> members = memberTokens(stack, fixture);
      Map<UUID, List<LoadPlan.UnpaidBill>> unpaid = unpaidBills(stack, fixture);
      int unpaidCount = unpaid.values().stream().mapToInt(List::size).sum();
      Map<String, String> direct = new LinkedHashMap<>();
      for (String service : PlatformStack.BACKENDS) {
        direct.put(service, stack.service(service).baseUrl());
      }
      LoadPlan plan =
          new LoadPlan(
              LoadPlan.sweep(rates, seconds, option("warmup", 20)),
              direct,
              stack.gateway().baseUrl(),
              fixture.branches(),
              secretaries,
              members,
              LoadPlan.queues(unpaid),
              seed());
      System.out.printf(
          "== Gatling: %d steps, %d unpaid bills to pay, %d secretary callers%n",
          plan.steps().size(),
          unpaidCount,
          secretaries.values().stream().mapToInt(List::size).sum());
      // a failing phase is reported and the run goes on: one run on a shared machine is precious
      GatlingRun.Result gatling = null;
      List<LatencyChart.Point> points = List.of();
      try {
        gatling = GatlingRun.run(plan, out.resolve("gatling"), "platform " + stamp + " " + options);
        if (gatling.exitCode() != 0) {
          md.line("- Gatling exited with %d (see its console output above)", gatling.exitCode());
        }
        points = loadTables(plan, gatling, usage);
      } catch (Exception e) {
        md.line("- **the Gatling phase failed**: `%s`", e);
        e.printStackTrace();
      }

      System.out.println("== event → alert");
      int eventsPerSecond = option("events", 1000);
      try {
        EventToAlert.Result events =
            new EventToAlert(stack, fixture, secretaries)
                .run(eventsPerSecond, option("event-seconds", 30), option("event-samples", 200));
        eventTable(events, eventsPerSecond, usage);
      } catch (Exception e) {
        md.line("- **the event → alert phase failed**: `%s`", e);
        e.printStackTrace();
      }
      usage.stop();

      Path charts = Path.of(options.getOrDefault("charts", "docs/charts"));
      String subtitle =
          String.format(
              Locale.ROOT,
              "%s; %d s per step and path; %s",
              fixture.description().replaceAll(",.*", ""),
              seconds,
              machine.cores() + " cores");
      if (!points.isEmpty()) {
        LatencyChart.latency(points, charts.resolve("platform-latency-vs-load.png"), subtitle);
        LatencyChart.throughput(
            points, charts.resolve("platform-throughput-vs-load.png"), subtitle);
      }
      md.line("## Report and charts");
      md.line("");
      md.line(
          "- Gatling HTML report: `%s/index.html`", gatling == null ? "(none)" : gatling.report());
      md.line(
          "- charts: `%s`, `%s`",
          charts.resolve("platform-latency-vs-load.png"),
          charts.resolve("platform-throughput-vs-load.png"));
      md.line("- service logs: `%s/platform-<process>.log`", out);
    }
    Path summary = out.resolve("platform-" + stamp + ".md");
    Files.writeString(summary, md.toString(), StandardCharsets.UTF_8);
    System.out.println("\nwritten to " + summary);
  }

  private long seed() {
    return Long.parseLong(options.getOrDefault("seed", "20261201"));
  }

  /** Tables per step, the gateway's overhead, resources per step; returns the chart points. */
  private List<LatencyChart.Point> loadTables(
      LoadPlan plan, GatlingRun.Result gatling, ProcessUsage usage) {
    md.line("## Load: the console and mini-program mix, direct vs through the gateway (Gatling)");
    md.line("");
    md.line(
        "Open model, one user per action at the offered rate; each step runs %s, the direct path"
            + " first, then the gateway at the same rate. Per request, response times as Gatling"
            + " measures them (ms resolution); one action is one request except the phone update"
            + " (GET for the ETag, then PUT: two requests). KO = non-2xx or timeout.",
        plan.steps().get(plan.steps().size() - 1).seconds() + " s");
    md.line("");
    md.line(
        "| step | offered/s | answered actions/s | OK actions/s | n | KO | p50 ms | p95 ms | p99 ms"
            + " | p99.9 ms |");
    md.line("|---|---|---|---|---|---|---|---|---|---|");
    List<LatencyChart.Point> points = new ArrayList<>();
    // name → {OK actions/s, p50, p99, KO, n}: throughput counts successes only, since an overloaded
    // gateway answers fast 503s (breaker, time limiter) that would otherwise count as throughput
    Map<String, double[]> byStep = new LinkedHashMap<>();
    for (LoadPlan.Step step : plan.steps()) {
      if (!step.measured()) {
        continue;
      }
      StepLatencies.Numbers n = StepLatencies.of(step.name());
      long[] window = LoadPlan.WINDOWS.get(step.name());
      if (n.total() == 0 || window == null) {
        md.line("| %s | %d | (no data) | | | | | | | |", step.name(), step.rate());
        continue;
      }
      double wall = Math.max(1e-3, (window[1] - window[0]) / 1e9);
      double answered = n.total() / wall;
      double achieved = (n.total() - n.ko()) / wall;
      md.line(
          "| %s | %d | %.0f | %.0f | %,d | %d | %.0f | %.0f | %.0f | %.0f |",
          step.name(),
          step.rate(),
          answered,
          achieved,
          n.total(),
          n.ko(),
          n.p50(),
          n.p95(),
          n.p99(),
          n.p999());
      points.add(new LatencyChart.Point(step.path(), step.rate(), achieved, n.p50(), n.p99()));
      byStep.put(step.name(), new double[] {achieved, n.p50(), n.p99(), n.ko(), n.total()});
    }
    md.line("");
    md.line("### Gateway overhead per rate");
    md.line("");
    md.line(
        "| offered/s | OK throughput gateway/direct | added p50 ms | added p99 ms | direct KO %% |"
            + " gateway KO %% |");
    md.line("|---|---|---|---|---|---|");
    double bestDirect = 0;
    double bestGateway = 0;
    for (int rate :
        plan.steps().stream()
            .filter(LoadPlan.Step::measured)
            .map(LoadPlan.Step::rate)
            .distinct()
            .toList()) {
      double[] d = byStep.get("direct " + rate + "/s");
      double[] g = byStep.get("gateway " + rate + "/s");
      if (d == null || g == null) {
        continue;
      }
      bestDirect = Math.max(bestDirect, d[0]);
      bestGateway = Math.max(bestGateway, g[0]);
      md.line(
          "| %d | %.0f %% | %+.0f | %+.0f | %.1f | %.1f |",
          rate,
          100 * g[0] / d[0],
          g[1] - d[1],
          g[2] - d[2],
          100 * d[3] / Math.max(1, d[4]),
          100 * g[3] / Math.max(1, g[4]));
    }
    md.line("");
    md.line(
        "- highest OK throughput: direct %.0f actions/s, through the gateway %.0f actions/s → %.0f %%"
            + " (target ≥ 80 %%)",
        bestDirect, bestGateway, bestDirect == 0 ? 0 : 100 * bestGateway / bestDirect);
    md.line("");
    md.line("### Requests by type at the highest offered rate, per path");
    md.line("");
    md.line("| path | request | n | KO | p50 ms | p99 ms | p99.9 ms |");
    md.line("|---|---|---|---|---|---|---|");
    int top =
        plan.steps().stream()
            .filter(LoadPlan.Step::measured)
            .mapToInt(LoadPlan.Step::rate)
            .max()
            .orElse(0);
    for (String path : List.of("direct", "gateway")) {
      String step = path + " " + top + "/s";
      for (String request : StepLatencies.requests(step)) {
        StepLatencies.Numbers at = StepLatencies.of(step + " / " + request);
        md.line(
            "| %s | %s | %,d | %d | %.0f | %.0f | %.0f |",
            path, request, at.total(), at.ko(), at.p50(), at.p99(), at.p999());
      }
    }
    md.line("");
    md.line("### Resources per step (from /proc, 500 ms samples)");
    md.line("");
    StringBuilder header = new StringBuilder("| step |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String name : usage.names()) {
      header.append(' ').append(name).append(" RSS peak/mean MB, cores, CPU ms/req |");
      rule.append("---|");
    }
    md.line("%s", header);
    md.line("%s", rule);
    long[] peakOverall = new long[usage.names().size()];
    for (LoadPlan.Step step : plan.steps()) {
      long[] window = LoadPlan.WINDOWS.get(step.name());
      double[] s = byStep.get(step.name());
      if (window == null || !step.measured() || s == null) {
        continue;
      }
      Map<String, Usage> u = usage.between(window[0], window[1]);
      StringBuilder row = new StringBuilder("| " + step.name() + " |");
      int i = 0;
      for (String name : usage.names()) {
        Usage x = u.get(name);
        if (x == null) {
          row.append(" |");
        } else {
          peakOverall[i] = Math.max(peakOverall[i], x.peakMb());
          row.append(
              String.format(
                  Locale.ROOT,
                  " %d/%d, %.2f, %.2f |",
                  x.peakMb(),
                  x.meanMb(),
                  x.cores(),
                  x.cpuSeconds() * 1000 / Math.max(1, s[4])));
          // CPU ms per request of the step
        }
        i++;
      }
      md.line("%s", row);
    }
    md.line("");
    List<String> over = new ArrayList<>();
    int i = 0;
    for (String name : usage.names()) {
      if (!name.equals("mariadbd") && !name.startsWith("bench") && peakOverall[i] > RSS_TARGET_MB) {
        over.add(
            String.format(
                Locale.ROOT,
                "%s %d MB (+%d MB)",
                name,
                peakOverall[i],
                peakOverall[i] - RSS_TARGET_MB));
      }
      i++;
    }
    md.line(
        "- no service above %d MB RSS under the load: %s",
        RSS_TARGET_MB, over.isEmpty() ? "**met**" : "**missed**: " + String.join(", ", over));
    md.line("");
    return points;
  }

  private void eventTable(EventToAlert.Result r, int rate, ProcessUsage usage) {
    md.line("## Event pipeline: HTTP write → alert on the SSE stream");
    md.line("");
    md.line(
        "POST /api/members/{id}/flags (LOST_CONTACT since 7 months, through the gateway, as the"
            + " branch's secretary) → member.flag-changed (outbox → Kafka) → alert-service raises"
            + " LOST_CONTACT → `alert.raised` on GET /api/alerts/stream; meanwhile"
            + " dues.arrears.changed events (AlertBench's generator, no alert) at %,d/s.",
        rate);
    md.line("");
    md.line(
        "- %d writes (%d failed), %d alerts seen; background feed %,d events at %.0f/s",
        r.samples(), r.writeErrors(), r.received(), r.eventsSent(), r.eventsPerSecond());
    md.line(
        "- write → alert on SSE: p50 %.0f ms, p99 %.0f ms, max %.0f ms (target p99 ≤ 1,000 ms at"
            + " 1,000 events/s: %s)",
        r.p50(),
        r.p99(),
        r.max(),
        r.p99() <= 1000 && r.eventsPerSecond() >= 950
            ? "**met**"
            : "**missed** by " + String.format(Locale.ROOT, "%.0f ms", r.p99() - 1000));
    Map<String, Usage> u = usage.between(r.fromNanos(), r.toNanos());
    md.line("");
    md.line("| process | RSS peak MB | RSS mean MB | cores |");
    md.line("|---|---|---|---|");
    u.forEach(
        (name, x) -> md.line("| %s | %d | %d | %.2f |", name, x.peakMb(), x.meanMb(), x.cores()));
    md.line("");
  }

  private static Map<UUID, List<String>> secretaryTokens(PlatformStack stack, Fixture fixture) {
    // ≥ 200 callers over all branches, as GatewayBench: the gateway throttles each to 50 req/s
    int perBranch =
        Math.max(
            2, Math.min(20, (200 + fixture.branches().size() - 1) / fixture.branches().size()));
    Map<UUID, List<String>> tokens = new LinkedHashMap<>();
    for (Fixture.Branch b : fixture.branches()) {
      List<String> list = new ArrayList<>();
      for (int i = 0; i < perBranch; i++) {
        list.add(
            stack
                .keycloak()
                .token()
                .roles("secretary")
                .orgId(b.orgId())
                .username("bench-secretary-" + b.orgId().toString().substring(24) + "-" + i)
                .lifetime(Duration.ofHours(4))
                .build());
      }
      tokens.put(b.orgId(), list);
    }
    return tokens;
  }

  private static Map<UUID, String> memberTokens(PlatformStack stack, Fixture fixture) {
    Map<UUID, String> tokens = new LinkedHashMap<>();
    for (Fixture.Branch b : fixture.branches()) {
      for (UUID m : b.memberIds()) {
        tokens.put(
            m,
            stack
                .keycloak()
                .token()
                .roles("member")
                .orgId(b.orgId())
                .memberId(m)
                .username("bench-member-" + m)
                .lifetime(Duration.ofHours(4))
                .build());
      }
    }
    return tokens;
  }

  /** The unpaid bills of each sample branch, read as the console reads them. */
  private static Map<UUID, List<LoadPlan.UnpaidBill>> unpaidBills(
      PlatformStack stack, Fixture fixture) throws Exception {
    String admin = stack.keycloak().token().roles("platform-admin").username("bench-bills").build();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<UUID, List<LoadPlan.UnpaidBill>> bills = new LinkedHashMap<>();
    for (Fixture.Branch b : fixture.branches()) {
      List<LoadPlan.UnpaidBill> list = new ArrayList<>();
      for (int page = 0; page < 20; page++) {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            stack.service("dues-service").baseUrl()
                                + "/api/dues/bills?orgId="
                                + b.orgId()
                                + "&status=UNPAID&size=200&page="
                                + page))
                    .header("Authorization", "Bearer " + admin)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException(
              "GET /api/dues/bills answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode content = JSON.readTree(response.body()).path("items");
        for (JsonNode bill : content) {
          list.add(
              new LoadPlan.UnpaidBill(
                  UUID.fromString(bill.path("memberId").asString()),
                  bill.path("month").asString()));
        }
        if (content.size() < 200) {
          break;
        }
      }
      // oldest month first, as a secretary registers arrears; members interleaved
      list.sort(java.util.Comparator.comparing(LoadPlan.UnpaidBill::month));
      bills.put(b.orgId(), list);
    }
    return bills;
  }
}
