package cn.dangjian.bench.province;

import cn.dangjian.bench.BenchKeys;
import cn.dangjian.bench.BenchSettings;
import cn.dangjian.bench.MigrationSet;
import cn.dangjian.bench.ProvinceLoader;
import cn.dangjian.bench.ProvinceTree;
import cn.dangjian.bench.ServiceProcess;
import cn.dangjian.bench.UuidV7s;
import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The province data set every service sees consistently (issue 9, item 1): member-service's
 * register (one province committee, ≥ 1,000,000 members in ≥ 50,000 branches, {@link
 * ProvinceLoader}), and in each consuming service's own schema the member projection plus a year of
 * its own records: dues-service the twelve monthly bills per billed member with payments and
 * arrears, org-life-service the 三会一课 with attendance and the approval counts. Each schema is
 * created by its service's own Flyway migrations (the jar runs against the empty schema) and filled
 * over JDBC in the service's own row format (the bulk-import path). The data is as of
 * {@link #AS_OF}, so the same seed and size give the same rows whenever they are generated.
 */
public final class ProvinceGenerator {

  static final String SHAPE_VERSION = "p1";
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** The day the data set is as of: the year loaded is December 2025 – November 2026. */
  static final Instant AS_OF = LocalDate.of(2026, 12, 1).atStartOfDay(ZONE).toInstant();

  static final YearMonth FIRST_MONTH = YearMonth.of(2025, 12);
  static final int MONTHS = 12;

  /** Module name → schema suffix. */
  static final Map<String, String> SERVICES = services();

  private static Map<String, String> services() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("member-service", "member");
    s.put("dues-service", "dues");
    s.put("org-life-service", "orglife");
    s.put("alert-service", "alert");
    s.put("assessment-service", "assessment");
    return s;
  }

  private final GeneratorSettings settings;
  private final boolean verify;
  private final Path repo;
  private final Path work;
  private final Map<String, Double> phaseSeconds = new LinkedHashMap<>();
  private final Map<String, Long> rowCounts = new LinkedHashMap<>();
  private final List<String> checks = new ArrayList<>();

  /** Services whose schema was (re)loaded in this run: what depends on them is loaded again. */
  private final java.util.Set<String> loadedThisRun = new java.util.HashSet<>();

  /** The first schema given the projection in this run; the others copy it server-side. */
  private String projectionSource;

  private FakeKeycloak keycloak;
  private TestKafka kafka;

  private ProvinceGenerator(GeneratorSettings settings, boolean verify) {
    this.settings = settings;
    this.verify = verify;
    this.repo = repoRoot();
    this.work = repo.resolve("bench/target/province");
  }

  /** Loads what is missing (a bench_meta row per schema records seed+size), returns the handles. */
  public static GeneratedProvince ensure(GeneratorSettings settings) throws Exception {
    return new ProvinceGenerator(settings, false).run();
  }

  /**
   * {@code --seed --members --branches --reload --schema-prefix --db-url --db-user --db-password}
   * and {@code --verify=false} (skip the HTTP sanity reads after a load).
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = GeneratorSettings.parseArgs(args);
    GeneratorSettings settings = GeneratorSettings.fromArgs(options);
    boolean verify = Boolean.parseBoolean(options.getOrDefault("verify", "true"));
    ProvinceGenerator generator = new ProvinceGenerator(settings, verify);
    Instant began = Instant.now();
    GeneratedProvince province;
    try {
      province = generator.run();
    } finally {
      generator.stopInfrastructure();
    }
    generator.summary(province, Duration.between(began, Instant.now()));
    System.exit(0); // the in-process Kafka broker keeps non-daemon threads
  }

  static Map<String, String> schemas(GeneratorSettings settings) {
    Map<String, String> schemas = new LinkedHashMap<>();
    SERVICES.forEach((service, suffix) -> schemas.put(service, settings.schemaPrefix() + suffix));
    return schemas;
  }

  static LocalDateTime asOfUtc() {
    return LocalDateTime.ofInstant(AS_OF, ZoneOffset.UTC);
  }

  /** The day the org tree was registered (ProvinceLoader: five years and 60 days before). */
  static LocalDate orgsCreatedOn() {
    return LocalDate.ofInstant(AS_OF.minus(Duration.ofDays(5 * 365 + 60)), ZONE);
  }

  private GeneratedProvince run() throws Exception {
    Map<String, String> schemas = schemas(settings);
    BenchKeys keys = BenchKeys.loadOrCreate();
    ProvinceTree tree =
        ProvinceLoader.tree(settings.branches(), settings.seed(), AS_OF.toEpochMilli());
    System.out.printf(
        Locale.ROOT,
        "province %s: %,d members in %,d branches (%,d orgs), seed %d, as of %s, schemas %s*%n",
        tree.provinceOrg().name(),
        settings.members(),
        tree.branches().size(),
        tree.orgs().size(),
        settings.seed(),
        LocalDate.ofInstant(AS_OF, ZONE),
        settings.schemaPrefix());
    warnIfBufferPoolSmall();
    ensureMembers(keys, schemas.get("member-service"));
    Instant readBegan = Instant.now();
    ProvinceMembers register =
        ProvinceMembers.read(
            tree,
            settings.schemaUrl(schemas.get("member-service")),
            settings.user(),
            settings.password());
    phaseSeconds.put("read register back", seconds(readBegan));
    List<SampleBranch> samples = samples(register);
    for (String service :
        List.of("dues-service", "org-life-service", "alert-service", "assessment-service")) {
      ensureService(service, schemas.get(service), register, samples);
    }
    return new GeneratedProvince(settings, schemas, tree.provinceOrg().id(), samples);
  }

  /**
   * At full size the bill and attendance indexes outgrow a small InnoDB buffer pool and the load
   * becomes disk-bound (measured: 48k → 7k bill rows/s with 1 GB); the server is not ours to
   * reconfigure, so say what to set.
   */
  private void warnIfBufferPoolSmall() throws java.sql.SQLException {
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(
                settings.jdbcUrl(), settings.user(), settings.password());
        java.sql.ResultSet rs =
            c.createStatement().executeQuery("SELECT @@innodb_buffer_pool_size")) {
      rs.next();
      long pool = rs.getLong(1);
      long wanted = Math.max(1L << 30, settings.members() * 4096L);
      if (pool < wanted) {
        System.out.printf(
            Locale.ROOT,
            "WARNING: innodb_buffer_pool_size is %,d MB; %,d members load at full speed with"
                + " ≥ %,d MB (SET GLOBAL innodb_buffer_pool_size=%d)%n",
            pool >> 20,
            settings.members(),
            wanted >> 20,
            wanted);
      }
    }
  }

  // ------------------------------------------------------------------ member-service

  private void ensureMembers(BenchKeys keys, String schema) throws Exception {
    Path jar = jarCopy("member-service");
    BenchSettings memberSettings =
        BenchSettings.parse(
            new String[] {
              "--members=" + settings.members(),
              "--branches=" + settings.branches(),
              "--seed=" + settings.seed(),
              "--schema=" + schema,
              "--db-url=" + settings.jdbcUrl(),
              "--db-user=" + settings.user(),
              "--db-password=" + settings.password(),
              "--repo-root=" + repo
            });
    ProvinceLoader loader = new ProvinceLoader(memberSettings, keys, MigrationSet.of(jar), AS_OF);
    if (!settings.reload() && loader.inspect().isPresent()) {
      System.out.println("member-service: " + schema + " holds this province, kept");
      return;
    }
    Instant began = Instant.now();
    loadedThisRun.add("member-service");
    loader.recreateSchema();
    try (ServiceProcess service = start("member-service", jar, schema)) {
      phaseSeconds.put("member-service start + migrations", seconds(began));
      Progress progress = new Progress("member register", settings.members());
      loader.onMemberProgress(progress::set);
      Instant loadBegan = Instant.now();
      Map<String, String> meta = loader.load().meta();
      progress.finish();
      phaseSeconds.put("member-service load", seconds(loadBegan));
      rowCounts.put(schema + ".org_unit", Long.parseLong(meta.get("orgs")));
      rowCounts.put(schema + ".member", Long.parseLong(meta.get("members")));
      loader.recordMigrations();
      if (verify) {
        UUID county = UUID.fromString(meta.get("bench_county_id"));
        check(service, "member page of county 0", "/api/members?orgId=" + county + "&size=20");
      }
    }
  }

  // ------------------------------------------------------------------ consuming services

  private void ensureService(
      String service, String schema, ProvinceMembers register, List<SampleBranch> samples)
      throws Exception {
    Path jar = jarCopy(service);
    MigrationSet migrations = MigrationSet.of(jar);
    Loading loading = new Loading(settings, service, schema);
    Map<String, String> meta = loading.readMeta();
    if (!settings.reload()
        && !upstreamLoaded(service)
        && "true".equals(meta.get("complete"))
        && settings.shape().equals(meta.get("shape"))
        && migrations.missingOrChanged(MigrationSet.parse(meta.get("migrations"))).isEmpty()) {
      System.out.println(service + ": " + schema + " holds this province, kept");
      return;
    }
    Instant began = Instant.now();
    loadedThisRun.add(service);
    try (Connection c =
            java.sql.DriverManager.getConnection(
                settings.jdbcUrl(), settings.user(), settings.password());
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + schema);
      st.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    try (ServiceProcess process = start(service, jar, schema)) {
      phaseSeconds.put(service + " start + migrations", seconds(began));
      loading.writeMeta(Map.of("complete", "false", "shape", settings.shape()));
      Instant loadBegan = Instant.now();
      if (projectionSource == null) {
        ProjectionRows.write(register, loading);
        projectionSource = schema;
      } else {
        ProjectionRows.copy(projectionSource, loading);
      }
      switch (service) {
        case "dues-service" -> DuesYear.write(register, loading, settings.seed());
        case "org-life-service" -> OrgLifeYear.write(register, loading, settings.seed());
        case "alert-service" ->
            DerivedState.alert(
                loading,
                schemas(settings).get("org-life-service"),
                schemas(settings).get("dues-service"));
        case "assessment-service" ->
            DerivedState.assessment(
                loading,
                schemas(settings).get("org-life-service"),
                schemas(settings).get("dues-service"));
        default -> {}
      }
      Instant analyzeBegan = Instant.now();
      loading.analyze();
      double analyze = seconds(analyzeBegan);
      phaseSeconds.put(service + " load", seconds(loadBegan) - analyze);
      phaseSeconds.put(service + " analyze", analyze);
      loading.rows.forEach((table, n) -> rowCounts.put(schema + "." + table, n));
      Map<String, String> done = new LinkedHashMap<>();
      done.put("migrations", migrations.encode());
      loading.rows.forEach((table, n) -> done.put("rows_" + table, Long.toString(n)));
      done.put("load_seconds", String.format(Locale.ROOT, "%.1f", seconds(loadBegan)));
      done.put("complete", "true");
      loading.writeMeta(done);
      if (verify) {
        sanityReads(process, service, samples.get(0));
      }
    }
  }

  /** Every schema follows the register; alerts and assessment also follow dues and org life. */
  private boolean upstreamLoaded(String service) {
    List<String> upstream =
        service.equals("alert-service") || service.equals("assessment-service")
            ? List.of("member-service", "dues-service", "org-life-service")
            : List.of("member-service");
    return upstream.stream().anyMatch(loadedThisRun::contains);
  }

  private void sanityReads(ServiceProcess process, String service, SampleBranch branch)
      throws Exception {
    switch (service) {
      case "dues-service" -> {
        check(process, "arrears of county", "/api/dues/arrears?orgId=" + branch.countyOrgId());
        check(process, "arrears of one branch", "/api/dues/arrears?orgId=" + branch.orgId());
      }
      case "org-life-service" -> {
        check(
            process,
            "meetings of one branch",
            "/api/org-life/meetings?orgId=" + branch.orgId() + "&size=50");
        check(
            process,
            "compliance of one branch, 2026",
            "/api/org-life/compliance/orgs/" + branch.orgId() + "?period=2026");
      }
      case "alert-service" -> check(process, "alert list", "/api/alerts?size=5");
      case "assessment-service" ->
          check(process, "indicator systems", "/api/assessments/indicator-systems");
      default -> {}
    }
  }

  /** One GET as platform-admin; fails the run unless it answers 2xx. */
  private void check(ServiceProcess process, String what, String path) throws Exception {
    String token = keycloak.token().roles("platform-admin").username("province-generator").build();
    HttpClient http = HttpClient.newHttpClient();
    Instant began = Instant.now();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(process.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    String line =
        String.format(
            Locale.ROOT,
            "%s %s: HTTP %d in %.0f ms, %s",
            process.log().getFileName().toString().replace(".log", ""),
            what,
            response.statusCode(),
            seconds(began) * 1000,
            summary(body));
    System.out.println("  check " + line);
    checks.add(line);
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("sanity read failed: " + line + "\n" + body);
    }
  }

  /** The total if the answer is a page (PageResponse), else its first characters. */
  private static String summary(String body) {
    java.util.regex.Matcher total =
        java.util.regex.Pattern.compile("\"total\":(\\d+)").matcher(body);
    if (body.startsWith("{\"items\"") && total.find()) {
      return "total " + total.group(1);
    }
    return body.length() <= 100 ? body : body.substring(0, 100) + "…";
  }

  // ------------------------------------------------------------------ samples

  /** Two branches of every county (its first and its middle one), with their admitted members. */
  private static List<SampleBranch> samples(ProvinceMembers register) {
    ProvinceTree tree = register.tree;
    Map<Integer, List<Integer>> byCounty = new LinkedHashMap<>();
    for (int b : tree.branches()) {
      byCounty.computeIfAbsent(tree.org(b).county(), k -> new ArrayList<>()).add(b);
    }
    List<SampleBranch> samples = new ArrayList<>();
    for (List<Integer> branches : byCounty.values()) {
      for (int b : List.of(branches.get(0), branches.get(branches.size() / 2))) {
        ProvinceTree.OrgRow org = tree.org(b);
        List<UUID> members = new ArrayList<>();
        for (int m : register.of(b)) {
          if (register.members.get(m).current()) {
            members.add(UuidV7s.fromBytes(register.members.get(m).id()));
          }
        }
        UUID county = UUID.fromString(org.path().split("/")[3]);
        samples.add(new SampleBranch(org.id(), org.path(), county, List.copyOf(members)));
      }
    }
    return List.copyOf(samples);
  }

  // ------------------------------------------------------------------ services

  private ServiceProcess start(String service, Path jar, String schema) throws Exception {
    startInfrastructure();
    GeneratedProvince handles = new GeneratedProvince(settings, schemas(settings), null, List.of());
    Map<String, String> properties = new LinkedHashMap<>(handles.serviceProperties(service));
    properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
    properties.putAll(keycloak.resourceServerProperties());
    properties.put("logging.structured.format.console", "");
    if (service.equals("org-life-service")) {
      properties.put(
          "dangjian.org-life.attachments.directory", work.resolve("attachments").toString());
    }
    return ServiceProcess.start(
        jar,
        work.resolve(service + ".log"),
        List.of("-Xms512m", "-Xmx512m"),
        properties,
        handles.serviceEnvironment(service),
        Duration.ofSeconds(300));
  }

  private void startInfrastructure() {
    if (keycloak == null) {
      keycloak = FakeKeycloak.start();
      kafka =
          TestKafka.shared(
              "member.events",
              "dues.events",
              "orglife.events",
              "alert.events",
              "assessment.events");
    }
  }

  private void stopInfrastructure() {
    if (keycloak != null) {
      keycloak.close();
      kafka.stop();
    }
  }

  /** A copy of the service's fat jar, so a rebuild during the run does not pull it away. */
  private Path jarCopy(String service) throws Exception {
    Path jar = repo.resolve(service + "/target/" + service + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " not found: build it first (./mvnw -B -Pbench -DskipTests package -pl bench,"
              + service
              + " -am)");
    }
    Files.createDirectories(work);
    Path copy = work.resolve(service + ".jar");
    Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
    return copy;
  }

  private static Path repoRoot() {
    for (Path p = Path.of(".").toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("member-service"))
          && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("run from the repository (no member-service/ above here)");
  }

  // ------------------------------------------------------------------ summary

  private void summary(GeneratedProvince province, Duration total) {
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Province data set (seed %d), %.1f s in all%n",
        settings.seed(),
        total.toMillis() / 1000.0);
    System.out.println("| phase | seconds |");
    System.out.println("|---|---:|");
    phaseSeconds.forEach((phase, s) -> System.out.printf(Locale.ROOT, "| %s | %.1f |%n", phase, s));
    System.out.println();
    System.out.println("| table | rows |");
    System.out.println("|---|---:|");
    rowCounts.forEach((table, n) -> System.out.printf(Locale.ROOT, "| %s | %,d |%n", table, n));
    if (!checks.isEmpty()) {
      System.out.println();
      checks.forEach(c -> System.out.println("- " + c));
    }
    System.out.println();
    System.out.println(
        "province org "
            + province.provinceOrgId()
            + ", "
            + province.sampleBranches().size()
            + " sample branches, schemas "
            + province.schemas());
    Optional.ofNullable(
            province.sampleBranches().isEmpty() ? null : province.sampleBranches().get(0))
        .ifPresent(
            b ->
                System.out.println(
                    "first sample branch "
                        + b.orgId()
                        + " ("
                        + b.memberIds().size()
                        + " admitted members)"));
  }

  static double seconds(Instant since) {
    return Duration.between(since, Instant.now()).toMillis() / 1000.0;
  }
}
