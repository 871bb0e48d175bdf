package cn.dangjian.bench.statistics;

import cn.dangjian.bench.BenchKeys;
import cn.dangjian.bench.BenchLog;
import cn.dangjian.bench.BenchMain;
import cn.dangjian.bench.ProvinceTree;
import cn.dangjian.bench.ProvinceTree.OrgRow;
import cn.dangjian.bench.RssSampler;
import cn.dangjian.bench.ServiceProcess;
import cn.dangjian.bench.statistics.StatisticsApi.Timings;
import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.TestDatabase;
import cn.dangjian.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Issue 23's benchmark: member-service's 党内统计 read model at province scale. Publishes the province
 * ({@link ProvinceEvents}: 53,786 orgs, 1,000,000 members) onto member.events, starts
 * member-service on a fresh schema and times (1) the replay into the read model and a rebuild (POST
 * /api/statistics/rebuild), then measures over HTTP (2) the overview of the root, (3) the member
 * and org structure of a county and of the root, (4) the annual tables of the root if the endpoint
 * exists, (6) the drill-down to records, and last (5) freshness: a marker member per second at
 * 1,000 events/s until it shows in its branch's figure. See bench/README.md.
 */
public final class StatisticsBench {

  private final Map<String, String> options;
  private final BenchLog log = new BenchLog();
  private final List<String> markdown = new ArrayList<>();

  private StatisticsBench(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) {
    BenchMain.run(args, options -> new StatisticsBench(options).run());
  }

  private String opt(String key, String fallback) {
    return options.getOrDefault(key, fallback);
  }

  private int intOpt(String key, int fallback) {
    return Integer.parseInt(opt(key, Integer.toString(fallback)));
  }

  private void run() throws Exception {
    int members = intOpt("members", 1_000_000);
    int branches = intOpt("branches", 50_000);
    long seed = Long.parseLong(opt("seed", "20261207"));
    Set<String> skip = Set.of(opt("skip", "").split(","));
    Path out = Path.of(opt("out", "bench/target/bench-results"));
    Files.createDirectories(out);
    Path jar = out.resolve("member-service-statbench.jar");
    Files.copy(
        Path.of(opt("service-jar", "member-service/target/member-service.jar")),
        jar,
        StandardCopyOption.REPLACE_EXISTING);
    LocalDate historyStart = LocalDate.parse(opt("history-start", "2025-12-01"));
    ProvinceTree tree = ProvinceEvents.tree(branches, seed, historyStart);
    ProvinceEvents events =
        new ProvinceEvents(
            tree, seed, members, historyStart, intOpt("months", 12), intOpt("import-share", 95));
    OrgRow root = tree.provinceOrg();
    OrgRow county =
        tree.orgs().stream()
            .filter(o -> o.depth() == 3 && o.county() == 0)
            .findFirst()
            .orElseThrow();
    OrgRow marker =
        tree.org(
            tree.branches().stream()
                .filter(b -> tree.org(b).county() == 5)
                .findFirst()
                .orElseThrow());
    String schema = opt("schema", "member_statbench");
    boolean probeOnly = Boolean.parseBoolean(opt("probe-only", "false"));
    // --probe-only=true: only the SQL part, on the schema an earlier run left (same seed and shape)
    String url =
        (probeOnly ? TestDatabase.serverUrl() + schema : TestDatabase.fresh(schema))
            + opt("db-params", "");
    log.line(
        "== 党内统计 read model at province scale (issue 23): %,d members, %,d branches, %,d orgs",
        members, branches, tree.orgs().size());
    log.line(
        "   machine: %d cores, %s; MariaDB buffer pool %s MB",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        ReadModelSql.bufferPoolMb(url));
    ReadModelSql sql = new ReadModelSql(url, TestDatabase.user(), TestDatabase.password());
    if (probeOnly) {
      YearMonth now = YearMonth.now(ProvinceEvents.ZONE);
      sql.explain(log, "county", county.id().toString(), county.path(), now);
      sql.explain(log, "root", root.id().toString(), root.path(), now);
      Files.writeString(
          out.resolve("statistics-probe.txt"), log.toString(), StandardCharsets.UTF_8);
      return;
    }

    try (FakeKeycloak keycloak = FakeKeycloak.start()) {
      TestKafka kafka =
          TestKafka.shared("dues.events", "orglife.events", "alert.events", "assessment.events");
      int partitions = intOpt("partitions", 6);
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        admin
            .createTopics(List.of(new NewTopic("member.events", partitions, (short) 1)))
            .all()
            .get();
      }
      long published;
      try (KafkaProducer<String, byte[]> bulk = ProvinceEvents.producer(kafka, "50", "1048576")) {
        ProvinceEvents.Sink sink =
            (key, value) -> bulk.send(new ProducerRecord<>("member.events", key, value));
        long t0 = System.nanoTime();
        published = events.publishOrgs(sink);
        published += events.publishMembers(sink);
        bulk.flush();
        double s = (System.nanoTime() - t0) / 1e9;
        log.line(
            "-- published %,d events on member.events (%d partitions) in %.1f s (%.0f/s)",
            published, partitions, s, published / s);
      }

      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("spring.datasource.url", url);
      properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
      properties.put("spring.flyway.out-of-order", "true");
      properties.put("logging.level.root", "WARN");
      properties.putAll(keycloak.resourceServerProperties());
      properties.putAll(BenchMain.under(options, "set."));
      List<String> jvm = Arrays.asList(opt("jvm", "-Xms1g -Xmx1g").split(" "));
      Map<String, String> env = new LinkedHashMap<>();
      env.put("SPRING_DATASOURCE_USERNAME", TestDatabase.user());
      env.put("SPRING_DATASOURCE_PASSWORD", TestDatabase.password());
      // the member tables stay empty; the service needs its keys to start all the same
      BenchKeys keys = BenchKeys.loadOrCreate();
      env.putAll(keys.memberServiceEnvironment());
      Map<String, Long> dbBefore = sql.counters();
      long launched = System.nanoTime();
      try (ServiceProcess service =
          ServiceProcess.start(
              jar,
              out.resolve("member-service-statbench.log"),
              jvm,
              properties,
              env,
              Duration.ofMinutes(5))) {
        String token =
            keycloak
                .token()
                .roles("platform-admin")
                .username("bench-admin")
                .lifetime(Duration.ofHours(12))
                .build();
        StatisticsApi api = new StatisticsApi(service.baseUrl(), token);
        RssSampler rss = new RssSampler(service.pid());
        rss.start();
        log.line(
            "   member-service ready in %.1f s (pid %d), JVM %s; events applied at readiness: %,d",
            service.startTime().toMillis() / 1000.0,
            service.pid(),
            String.join(" ", jvm),
            api.eventsApplied());

        // 1. replay
        StackSampler stacks = new StackSampler(service.pid(), "member-service-statistics");
        if (!skip.contains("stacks")) {
          stacks.start(intOpt("stack-interval-ms", 10000));
        }
        Replay replay =
            Replay.await(
                api,
                service.pid(),
                published,
                launched,
                "replay",
                intOpt("replay-minutes", 180),
                log);
        stacks.stop();
        log.line(
            "-- replay of %,d events: %.1f s from launch, %.1f s after readiness; %.0f events/s after readiness; service %.2f cores, MariaDB %.2f cores; peak RSS %d MB",
            published,
            replay.fromLaunch(),
            replay.afterReady(),
            replay.rate(),
            replay.serviceCores(),
            replay.dbCores(),
            rss.peakMb());
        log.line(
            "   database during the replay: %s", ReadModelSql.deltas(dbBefore, sql.counters()));
        markdown.add(
            String.format(
                java.util.Locale.ROOT,
                "| replay of the province (%,d events) from start | %.0f s (%.0f events/s; service %.2f cores, MariaDB %.2f cores) | — |",
                published,
                replay.afterReady(),
                replay.rate(),
                replay.serviceCores(),
                replay.dbCores()));
        if (!skip.contains("stacks")) {
          stacks.report(log, 12);
        }
        sql.sizes(log);

        YearMonth now = YearMonth.now(ProvinceEvents.ZONE);
        if (!skip.contains("latency")) {
          latencies(api, root, county, now);
        }
        if (!skip.contains("annual")) {
          annual(api, root, now.getYear());
        }
        if (!skip.contains("sql")) {
          log.line("-- SQL behind the endpoints (JDBC, MariaDB ANALYZE)");
          sql.explain(log, "county", county.id().toString(), county.path(), now);
          sql.explain(log, "root", root.id().toString(), root.path(), now);
        }

        // 1b. rebuild
        if (!skip.contains("rebuild")) {
          long t0 = System.nanoTime();
          StatisticsApi.Answer a = api.post("/api/statistics/rebuild");
          double answered = (System.nanoTime() - t0) / 1e9;
          log.line("-- POST /api/statistics/rebuild: HTTP %d in %.1f s", a.status(), answered);
          Replay rebuilt =
              Replay.await(
                  api, service.pid(), published, t0, "rebuild", intOpt("replay-minutes", 180), log);
          log.line(
              "-- rebuild caught up after %.1f s (%.0f events/s; service %.2f cores, MariaDB %.2f cores)",
              rebuilt.fromLaunch(),
              published / rebuilt.fromLaunch(),
              rebuilt.serviceCores(),
              rebuilt.dbCores());
          markdown.add(
              String.format(
                  java.util.Locale.ROOT,
                  "| POST /api/statistics/rebuild → caught up | %.0f s (answer in %.1f s; %.0f events/s) | — |",
                  rebuilt.fromLaunch(),
                  answered,
                  published / rebuilt.fromLaunch()));
        }

        // 5. freshness
        if (!skip.contains("freshness")) {
          freshness(kafka, events, api, marker, seed);
        }
        log.line("   service RSS peak %d MB", rss.peakMb());
        rss.stop();
      }
    }
    Files.writeString(out.resolve("statistics-bench.txt"), log.toString(), StandardCharsets.UTF_8);
    Files.writeString(
        out.resolve("statistics-bench.md"),
        "| measurement | result | target |\n|---|---|---|\n" + String.join("\n", markdown) + "\n",
        StandardCharsets.UTF_8);
    System.out.println("\nwritten to " + out.resolve("statistics-bench.txt") + " and .md");
  }

  private void latencies(StatisticsApi api, OrgRow root, OrgRow county, YearMonth now)
      throws Exception {
    int warmup = intOpt("warmup", 30);
    int requests = intOpt("requests", 200);
    int structure = intOpt("structure-requests", 50);
    log.line("-- latency, sequential, one client (warm-up %d each)", warmup);
    StatisticsApi.Answer overview = api.get("/api/statistics/overview?orgId=" + root.id());
    StringBuilder keys = new StringBuilder();
    for (var figure : overview.json().path("keyFigures")) {
      keys.append(figure.path("key").asString())
          .append('=')
          .append(figure.path("count"))
          .append(' ');
    }
    log.line("   root overview: %s", keys.toString().strip());
    row(
        api.series(
            "overview of the root",
            "/api/statistics/overview?orgId=" + root.id(),
            warmup,
            requests),
        "p99 < 200 ms",
        200);
    row(
        api.series(
            "overview of the county",
            "/api/statistics/overview?orgId=" + county.id(),
            warmup,
            requests),
        "—",
        0);
    for (OrgRow org : List.of(county, root)) {
      String which = org == root ? "root" : "county";
      row(
          api.series(
              "members structure of the " + which,
              "/api/statistics/members?orgId=" + org.id(),
              warmup / 3,
              structure),
          "< 1 s",
          1000);
      row(
          api.series(
              "orgs structure of the " + which,
              "/api/statistics/orgs?orgId=" + org.id(),
              warmup / 3,
              structure),
          "< 1 s",
          1000);
    }
    for (OrgRow org : List.of(county, root)) {
      String which = org == root ? "root" : "county";
      row(
          api.series(
              "records GENDER=FEMALE of the " + which + " (page 0)",
              "/api/statistics/records?orgId="
                  + org.id()
                  + "&dimension=GENDER&value=FEMALE&asOf="
                  + now,
              warmup / 3,
              structure),
          "—",
          0);
    }
    StatisticsApi.Answer total =
        api.get(
            "/api/statistics/records?orgId="
                + root.id()
                + "&dimension=GENDER&value=FEMALE&asOf="
                + now);
    log.line("   records total for the root: %s", total.json().path("total"));
    row(
        api.series(
            "records GENDER=FEMALE of the county (page 100)",
            "/api/statistics/records?orgId="
                + county.id()
                + "&dimension=GENDER&value=FEMALE&page=100&asOf="
                + now,
            warmup / 3,
            structure),
        "—",
        0);
  }

  private void annual(StatisticsApi api, OrgRow root, int year) throws Exception {
    String path = "/api/statistics/annual-tables/" + year + "?orgId=" + root.id() + "&format=";
    StatisticsApi.Answer first = api.get(path + "xlsx");
    if (first.status() == 404 && !first.text().contains("statistics.org-not-found")) {
      log.line("-- annual tables: HTTP 404, the endpoint is not in this jar: not measured");
      markdown.add(
          "| annual tables (xlsx) of the root | not measured (endpoint not in this build) | < 10 s |");
      return;
    }
    log.line(
        "-- annual tables of the root, first call: HTTP %d, %,d bytes in %.1f ms",
        first.status(), first.body().length, first.nanos() / 1e6);
    for (String format : List.of("xlsx", "csv", "json")) {
      row(
          api.series(
              "annual tables " + year + " of the root (" + format + ")",
              path + format,
              1,
              intOpt("annual-requests", 10)),
          "< 10 s",
          10_000);
    }
  }

  private void freshness(
      TestKafka kafka, ProvinceEvents events, StatisticsApi api, OrgRow marker, long seed)
      throws Exception {
    int rate = intOpt("rate", 1000);
    int seconds = intOpt("seconds", 60);
    log.line(
        "-- freshness: %,d events/s for %d s, a marker member per second in %s",
        rate, seconds, marker.name());
    try (KafkaProducer<String, byte[]> live = ProvinceEvents.producer(kafka, "0", "16384")) {
      Freshness.Result r =
          new Freshness(
                  events,
                  (k, v) -> live.send(new ProducerRecord<>("member.events", k, v)),
                  live::flush,
                  api,
                  log)
              .run(marker, rate, seconds, intOpt("poll-ms", 100), seed + 1);
      log.line(
          "   markers visible %d of %d: lag p50 %.0f ms, p99 %.0f ms, max %.0f ms; all events applied %.1f s after the last send",
          r.seen(), r.markers(), r.p50(), r.p99(), r.max(), r.catchUpSeconds());
      markdown.add(
          String.format(
              java.util.Locale.ROOT,
              "| freshness at %.0f events/s for %d s: marker → branch figure (%d of %d seen) | p50 %.0f ms, p99 **%.0f ms**, max %.0f ms | < 5 s |",
              r.sentPerSecond(),
              seconds,
              r.seen(),
              r.markers(),
              r.p50(),
              r.p99(),
              r.max()));
    }
  }

  private void row(Timings t, String target, double limitMs) {
    log.line("   %s", t.line());
    String verdict =
        limitMs <= 0 ? "" : t.p99() < limitMs && t.errors() == 0 ? " (met)" : " (**not met**)";
    markdown.add(
        String.format(
            java.util.Locale.ROOT,
            "| %s | n=%d: p50 %.1f ms, p99 **%.1f ms**, max %.1f ms%s | %s%s |",
            t.name(),
            t.count(),
            t.p50(),
            t.p99(),
            t.max(),
            t.errors() == 0 ? "" : ", " + t.errors() + " errors",
            target,
            verdict));
  }
}
