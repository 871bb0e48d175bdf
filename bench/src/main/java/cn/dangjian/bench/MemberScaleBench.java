package cn.dangjian.bench;

import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.TestKafka;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 3's benchmark: member-service at province scale. Loads (once) 1,000,000 members in 50,000
 * branches into its own schema, starts the member-service jar against it and measures, over HTTP on
 * loopback, a page of a county's members filtered by status (target p99 < 50 ms) and moving a
 * subtree of 500 branches (target < 2 s). See bench/README.md for the command and the options.
 */
public final class MemberScaleBench {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final BenchSettings settings;
  private final Report report = new Report();

  private MemberScaleBench(BenchSettings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    BenchSettings settings = BenchSettings.parse(args);
    int code = 0;
    try {
      new MemberScaleBench(settings).run();
    } catch (Exception e) {
      System.err.println("\nBENCHMARK FAILED: " + e);
      e.printStackTrace();
      code = 1;
    }
    // the in-process broker and WireMock leave non-daemon threads behind
    System.exit(code);
  }

  private void run() throws Exception {
    Instant began = Instant.now();
    BenchKeys keys = BenchKeys.loadOrCreate();
    if (!Files.isRegularFile(settings.serviceJar())) {
      throw new IllegalStateException(
          settings.serviceJar()
              + " not found: build it first (./mvnw -B -Pbench -pl member-service,bench -am"
              + " -DskipTests package)");
    }
    // Run a copy: a rebuild of member-service during the run must not pull the jar from under it.
    Path logDir = settings.outputDir();
    Files.createDirectories(logDir);
    Path jar = logDir.resolve("member-service-under-test.jar");
    Files.copy(settings.serviceJar(), jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    report.serviceJar =
        settings.serviceJar()
            + " built "
            + Files.getLastModifiedTime(settings.serviceJar()).toInstant();
    ProvinceLoader loader = new ProvinceLoader(settings, keys, MigrationSet.of(jar));
    System.out.println("== member-service at province scale (issue 3)");
    System.out.println("   database " + settings.schemaUrl() + ", shape " + loader.shape());

    try (Connection c = loader.server()) {
      report.machine = MachineInfo.collect(c);
    }
    System.out.println("   machine: " + report.machine.describe());

    Optional<ProvinceLoader.Loaded> loaded =
        settings.reload() ? Optional.empty() : loader.inspect();
    if (loaded.isEmpty()) {
      System.out.println("-- creating schema " + settings.schema() + " (drop + create)");
      loader.recreateSchema();
    } else {
      System.out.println(
          "-- schema " + settings.schema() + " already loaded with this shape: reusing it");
    }

    System.out.println("-- starting fake JWKS, in-process Kafka broker, member-service");
    try (FakeKeycloak keycloak = FakeKeycloak.start()) {
      TestKafka kafka = TestKafka.shared("member.events");
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("spring.datasource.url", settings.schemaUrl());
      properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
      properties.putAll(keycloak.resourceServerProperties());
      // Later migrations of the other engineers may be numbered below one already applied here.
      properties.put("spring.flyway.out-of-order", "true");
      if (settings.showSql()) {
        properties.put("spring.jpa.show-sql", "true");
        properties.put("logging.level.org.hibernate.orm.jdbc.bind", "TRACE");
      }
      Map<String, String> env = new LinkedHashMap<>();
      env.putAll(keys.memberServiceEnvironment());
      env.put("SPRING_DATASOURCE_USERNAME", settings.dbUser());
      env.put("SPRING_DATASOURCE_PASSWORD", settings.dbPassword());
      System.out.println("   service jar: " + report.serviceJar);
      try (ServiceProcess service =
          ServiceProcess.start(
              jar,
              logDir.resolve("member-service.log"),
              settings.serviceJvmOpts(),
              properties,
              env,
              settings.serviceStartTimeout())) {
        System.out.printf(
            Locale.ROOT,
            "   member-service ready in %.1f s on %s (pid %d, log %s)%n",
            ProvinceLoader.secs(service.startTime()),
            service.baseUrl(),
            service.pid(),
            service.log());
        report.serviceJvmOpts = String.join(" ", settings.serviceJvmOpts());

        ProvinceLoader.Loaded data;
        if (loaded.isEmpty()) {
          System.out.println("-- loading the province (one-off; later runs reuse it)");
          data = loader.load();
        } else {
          data = loader.ensureStatusFilled(loaded.get());
        }
        loader.recordMigrations();
        report.meta = data.meta();
        report.loadedNow = loaded.isEmpty();
        System.out.println(
            "   "
                + report.shapeLine()
                + (loaded.isEmpty()
                    ? ""
                    : " (loaded "
                        + data.meta().get("loaded_at")
                        + " in "
                        + data.meta().get("load_total_seconds")
                        + " s)"));

        Scenario scenario =
            new Scenario(settings, loader, data, keycloak, service.baseUrl(), service.pid());
        scenario.prepare();
        report.filter = scenario.filterDescription();
        if (!settings.skip("http")) {
          scenario.latency(report);
        }
        if (!settings.skip("sql")) {
          new SqlProbe(settings, loader, scenario).run(report);
        }
        if (!settings.skip("move")) {
          new MoveBench(settings, loader, scenario).run(report);
        }
      }
    }
    report.totalSeconds = ProvinceLoader.secs(Duration.between(began, Instant.now()));
    String text = report.text();
    String markdown = report.markdown(settings);
    System.out.println();
    System.out.println(text);
    Path dir = settings.outputDir();
    Files.createDirectories(dir);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path md = dir.resolve("member-scale-" + stamp + ".md");
    Files.writeString(md, markdown, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("member-scale-" + stamp + ".txt"), text, StandardCharsets.UTF_8);
    System.out.println("Markdown fragment: " + md);
  }

  /** The data the requests address, the callers and their tokens. */
  static final class Scenario {
    final BenchSettings settings;
    final ProvinceLoader loader;
    final ProvinceLoader.Loaded data;
    final HttpLoad http;
    final String secretaryToken;
    final String adminToken;
    final UUID county;
    final CpuMonitor cpu;
    String countyPath;
    String filterParam;
    String filterColumn;
    String filterValue;
    List<UUID> countyMemberIds = new ArrayList<>();

    Scenario(
        BenchSettings settings,
        ProvinceLoader loader,
        ProvinceLoader.Loaded data,
        FakeKeycloak keycloak,
        String baseUrl,
        long servicePid) {
      this.settings = settings;
      this.cpu = new CpuMonitor(servicePid);
      this.loader = loader;
      this.data = data;
      this.http = new HttpLoad(baseUrl);
      this.county = data.id("bench_county_id");
      this.secretaryToken =
          keycloak
              .token()
              .username("bench-county-secretary")
              .roles("secretary")
              .orgId(county)
              .lifetime(Duration.ofHours(6))
              .build();
      this.adminToken =
          keycloak
              .token()
              .username("bench-admin")
              .roles("platform-admin")
              .lifetime(Duration.ofHours(6))
              .build();
    }

    void prepare() throws Exception {
      boolean status =
          switch (settings.filter()) {
            case "status" -> true;
            case "stage" -> false;
            default -> loader.hasStatusColumn();
          };
      filterParam = status ? "status" : "stage";
      filterColumn = status ? "status" : "stage";
      filterValue = status ? "ACTIVE" : "FULL";
      try (Connection c = loader.schema()) {
        countyPath = pathOf(c, county);
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id FROM member WHERE org_path LIKE ? ORDER BY RAND(42) LIMIT 5000")) {
          ps.setString(1, countyPath + "%");
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              countyMemberIds.add(UuidV7s.fromBytes(rs.getBytes(1)));
            }
          }
        }
      }
      // Sanity: the API answers, honours the filter, and can decrypt what the loader encrypted.
      long expected = countFiltered();
      HttpResponse<String> page =
          http.send(
              http.request(
                      "/api/members?orgId="
                          + county
                          + "&"
                          + filterParam
                          + "="
                          + filterValue
                          + "&size=1",
                      secretaryToken)
                  .build());
      if (page.statusCode() != 200) {
        throw new IllegalStateException(
            "GET /api/members answered " + page.statusCode() + ": " + page.body());
      }
      long total = JSON.readTree(page.body()).path("total").asLong();
      if (total != expected) {
        throw new IllegalStateException(
            "the API's total "
                + total
                + " differs from the database's "
                + expected
                + " for "
                + filterColumn
                + "="
                + filterValue
                + " under the county (does the API know the '"
                + filterParam
                + "' parameter?)");
      }
      HttpResponse<String> one =
          http.send(http.request("/api/members/" + countyMemberIds.get(0), secretaryToken).build());
      JsonNode member = JSON.readTree(one.body());
      if (one.statusCode() != 200
          || !member.path("idNumber").asString().matches("\\d{3}\\*{11}\\d{3}[\\dX]")) {
        throw new IllegalStateException(
            "GET /api/members/{id} answered " + one.statusCode() + ": " + one.body());
      }
      System.out.printf(
          Locale.ROOT,
          "-- checks: API total %,d = database count for %s=%s under %s; a member renders as %s %s%n",
          total,
          filterColumn,
          filterValue,
          data.meta().get("bench_county_name"),
          member.path("name").asString(),
          member.path("idNumber").asString());
    }

    long countFiltered() throws Exception {
      try (Connection c = loader.schema();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM member WHERE org_path LIKE ? AND "
                      + filterColumn
                      + " = ?")) {
        ps.setString(1, countyPath + "%");
        ps.setString(2, filterValue);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }

    static String pathOf(Connection c, UUID org) throws Exception {
      try (PreparedStatement ps = c.prepareStatement("SELECT path FROM org_unit WHERE id = ?")) {
        ps.setBytes(1, UuidV7s.bytes(org));
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("org " + org + " not in the schema");
          }
          return rs.getString(1);
        }
      }
    }

    String filterDescription() {
      return filterParam + "=" + filterValue;
    }

    String countyListQuery(int page) {
      return "/api/members?orgId="
          + county
          + "&"
          + filterParam
          + "="
          + filterValue
          + "&page="
          + page
          + "&size="
          + settings.pageSize();
    }

    void latency(Report report) throws Exception {
      int n = settings.requests();
      int w = settings.warmup();
      int c = settings.concurrency();
      Duration limit = settings.phaseLimit();
      int maxPage = settings.maxPage();
      System.out.println(
          "-- latency: "
              + n
              + " measured requests after "
              + w
              + " warm-up per phase, pages 0.."
              + maxPage
              + " of "
              + settings.pageSize()
              + ", "
              + filterDescription());
      List<LatencyStats> results = report.latency;
      for (int clients : new int[] {1, c}) {
        results.add(
            print(
                measure(
                    "county members, " + filterDescription() + ", secretary",
                    clients,
                    w,
                    n,
                    limit,
                    11,
                    r ->
                        http.request(countyListQuery(r.nextInt(maxPage + 1)), secretaryToken)
                            .build())));
      }
      for (int clients : new int[] {1, c}) {
        results.add(
            print(
                measure(
                    "county members, " + filterDescription() + ", platform-admin",
                    clients,
                    w,
                    n,
                    limit,
                    13,
                    r ->
                        http.request(countyListQuery(r.nextInt(maxPage + 1)), adminToken)
                            .build())));
      }
      for (int clients : new int[] {1, c}) {
        results.add(
            print(
                measure(
                    "GET /api/orgs?parentId=<county> (children), secretary",
                    clients,
                    w,
                    n,
                    limit,
                    17,
                    r ->
                        http.request(
                                "/api/orgs?parentId="
                                    + county
                                    + "&page="
                                    + r.nextInt(3)
                                    + "&size=20",
                                secretaryToken)
                            .build())));
      }
      for (int clients : new int[] {1, c}) {
        results.add(
            print(
                measure(
                    "GET /api/members/{id} (county member), secretary",
                    clients,
                    w,
                    n,
                    limit,
                    19,
                    r ->
                        http.request(
                                "/api/members/"
                                    + countyMemberIds.get(r.nextInt(countyMemberIds.size())),
                                secretaryToken)
                            .build())));
      }
      // Not a target, but where the page total hurts first: the whole province, no orgId.
      results.add(
          print(
              measure(
                  "province members, " + filterDescription() + ", platform-admin (no orgId)",
                  1,
                  Math.min(w, 10),
                  Math.max(20, n / 20),
                  limit,
                  23,
                  r ->
                      http.request(
                              "/api/members?"
                                  + filterParam
                                  + "="
                                  + filterValue
                                  + "&page="
                                  + r.nextInt(maxPage + 1)
                                  + "&size="
                                  + settings.pageSize(),
                              adminToken)
                          .build())));
    }

    /** One phase, with the InnoDB buffer-pool misses it caused. */
    private LatencyStats measure(
        String name,
        int clients,
        int warmup,
        int requests,
        Duration limit,
        long seed,
        java.util.function.Function<java.util.SplittableRandom, java.net.http.HttpRequest> source)
        throws Exception {
      try (Connection c = loader.schema()) {
        if (warmup > 0) {
          http.run(name, clients, 0, warmup, settings.warmupLimit(), seed ^ 0x5DEECE66DL, source);
        }
        cpu.awaitQuiet(0.25, settings.quietWaitSeconds());
        long before = bufferPoolReads(c);
        CpuMonitor.Sample a = cpu.sample();
        LatencyStats stats = http.run(name, clients, 0, requests, limit, seed, source);
        return stats.withContext(
            bufferPoolReads(c) - before, CpuMonitor.foreignCores(a, cpu.sample()));
      }
    }

    static long bufferPoolReads(Connection c) throws java.sql.SQLException {
      try (java.sql.Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_reads'")) {
        rs.next();
        return rs.getLong(2);
      }
    }

    private static LatencyStats print(LatencyStats stats) {
      System.out.println("   " + stats.line());
      return stats;
    }
  }
}
