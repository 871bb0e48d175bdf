package cn.dangjian.bench.dues;

import cn.dangjian.bench.BenchMain;
import cn.dangjian.bench.ServiceProcess;
import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * dues-service at province scale (issue 4, "Done means"): a month's bills for 1,000,000 members in
 * under 60 s, and a payment call p99 under 50 ms at 200 payments/s.
 *
 * <p>Run from the repository root after {@code ./mvnw -B -Pbench -pl dues-service,bench -am
 * -DskipTests package}:
 *
 * <pre>
 * java -cp bench/target/bench.jar -Dloader.main=cn.dangjian.bench.dues.DuesBench \
 *     org.springframework.boot.loader.launch.PropertiesLauncher [--members=1000000] [--rate=200]
 *     [--seconds=30]
 * </pre>
 *
 * <p>The schema {@code dues_bench} is made by dues-service's own Flyway migrations (the service jar
 * is started against it); the member projection (proj_org, proj_member) and the dues profiles are
 * then loaded with JDBC batches in exactly the shape member.events and the profile API produce, and
 * kept for later runs.
 */
public final class DuesBench {

  static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");
  static final int BRANCH_SIZE = 20;

  final int members;
  final int rate;
  final int seconds;
  final int warmupSeconds;
  final int warmupRate;
  final String serverUrl;
  final String user;
  final String password;
  final Path jar;
  final Path javaBinary;
  final Path out;
  final Map<String, String> serviceProperties = new LinkedHashMap<>();

  DuesBench(Map<String, String> args) {
    // --prop.<name>=<value> is passed to the service, e.g.
    // --prop.management.tracing.sampling.probability=0.1
    serviceProperties.putAll(BenchMain.under(args, "prop."));
    members = Integer.parseInt(args.getOrDefault("members", "1000000"));
    rate = Integer.parseInt(args.getOrDefault("rate", "200"));
    seconds = Integer.parseInt(args.getOrDefault("seconds", "60"));
    // the JIT needs minutes of traffic on 2 cores (C2 still takes a quarter of the CPU after one
    // minute); a gentler warm-up rate keeps it from queueing
    warmupSeconds = Integer.parseInt(args.getOrDefault("warmup", "180"));
    warmupRate = Integer.parseInt(args.getOrDefault("warmup-rate", "150"));
    serverUrl = env("DANGJIAN_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
    user = env("DANGJIAN_DB_USER", "root");
    password = env("DANGJIAN_DB_PASSWORD", "");
    jar = Path.of(args.getOrDefault("jar", "dues-service/target/dues-service.jar"));
    // --java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java: e.g. virtual threads need JDK 21+
    javaBinary =
        args.containsKey("java") ? Path.of(args.get("java")) : ServiceProcess.currentJava();
    out = Path.of(args.getOrDefault("out", "bench/target/bench-results"));
  }

  public static void main(String[] args) {
    BenchMain.run(args, options -> new DuesBench(options).run());
  }

  private static String token(FakeKeycloak keycloak) {
    return keycloak
        .token()
        .roles("platform-admin")
        .username("bench-admin")
        .lifetime(Duration.ofHours(2))
        .build();
  }

  /** JVM options of the service: -Xms1g -Xmx1g plus DUES_BENCH_JVM_OPTS (e.g. a JFR recording). */
  static List<String> jvmOpts() {
    List<String> opts = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
    String extra = System.getenv("DUES_BENCH_JVM_OPTS");
    if (extra != null && !extra.isBlank()) {
      opts.addAll(Arrays.asList(extra.trim().split("\\s+")));
    }
    return opts;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  String schemaUrl() {
    return serverUrl + "dues_bench?createDatabaseIfNotExist=true&rewriteBatchedStatements=true";
  }

  void run() throws Exception {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " not found: build dues-service first");
    }
    Files.createDirectories(out);
    Path copy = out.resolve("dues-service-under-test.jar");
    Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    System.out.println("== dues-service at province scale (issue 4)");
    System.out.println(
        "   "
            + Runtime.getRuntime().availableProcessors()
            + " cores, "
            + members
            + " members, service on "
            + javaBinary);
    try (FakeKeycloak keycloak = FakeKeycloak.start()) {
      TestKafka kafka = TestKafka.shared("member.events", "dues.events");
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("spring.datasource.url", schemaUrl());
      properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
      properties.putAll(keycloak.resourceServerProperties());
      properties.put("spring.datasource.hikari.maximum-pool-size", "20");
      properties.put("dangjian.dues.arrears.monthly-sweep", "false");
      properties.putAll(serviceProperties);
      if (!serviceProperties.isEmpty()) {
        System.out.println("   service properties: " + serviceProperties);
      }
      try (ServiceProcess service =
          ServiceProcess.start(
              javaBinary,
              copy,
              out.resolve("dues-service.log"),
              jvmOpts(),
              properties,
              Map.of("SPRING_DATASOURCE_USERNAME", user, "SPRING_DATASOURCE_PASSWORD", password),
              Duration.ofSeconds(180))) {
        System.out.printf(
            "   dues-service ready in %.1f s%n", service.startTime().toMillis() / 1000.0);
        UUID root;
        try (Connection c = DriverManager.getConnection(schemaUrl(), user, password)) {
          root = new BenchLoad(c, members).loadIfNeeded();
        }
        YearMonth month = YearMonth.now(CALENDAR);
        generation(service, token(keycloak), root, month);
        payments(service, token(keycloak), month);
      }
    }
  }

  /**
   * Truncates the bills, then bills the month twice: the first run issues, the second is a no-op.
   */
  void generation(ServiceProcess service, String admin, UUID root, YearMonth month)
      throws Exception {
    try (Connection c = DriverManager.getConnection(schemaUrl(), user, password);
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE TABLE dues_bill");
      s.execute("TRUNCATE TABLE dues_payment");
      s.execute("TRUNCATE TABLE dues_payment_item");
      s.execute("TRUNCATE TABLE dues_arrears");
      s.execute("TRUNCATE TABLE idempotency_key");
      s.execute("DELETE FROM event_publication");
    }
    HttpClient http = HttpClient.newHttpClient();
    for (String label :
        List.of("first run (issues every bill)", "second run (idempotent, issues nothing)")) {
      String body = "{\"month\":\"" + month + "\",\"orgId\":\"" + root + "\"}";
      long start = System.nanoTime();
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/dues/bills/runs"))
                  .timeout(Duration.ofMinutes(1))
                  .header("Authorization", "Bearer " + admin)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      double accepted = (System.nanoTime() - start) / 1e6;
      if (response.statusCode() != 202) {
        throw new IllegalStateException(
            "bill run answered " + response.statusCode() + ": " + response.body());
      }
      // a retried start while the run is going returns the same job (natural key month + org)
      HttpResponse<String> retried =
          http.send(
              HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/dues/bills/runs"))
                  .header("Authorization", "Bearer " + admin)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String location = response.headers().firstValue("Location").orElseThrow();
      String job = followJob(http, service.baseUrl() + location, admin);
      double took = (System.nanoTime() - start) / 1e9;
      boolean sameJob = retried.body().contains(location.substring(location.lastIndexOf('/') + 1));
      System.out.printf(
          "   bill run %s: 202 in %.0f ms, job ended after %.1f s (retried start → same job:"
              + " %s) → %s%n",
          label, accepted, took, sameJob, job);
    }
  }

  /** Reads the job until it ends; answers its last JSON. */
  private static String followJob(HttpClient http, String url, String token) throws Exception {
    while (true) {
      String job =
          http.send(
                  HttpRequest.newBuilder(URI.create(url))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      if (!job.contains("\"status\":\"QUEUED\"") && !job.contains("\"status\":\"RUNNING\"")) {
        return job;
      }
      Thread.sleep(200);
    }
  }

  /** Open loop at the target rate: each member pays the month offline (one bill each). */
  void payments(ServiceProcess service, String admin, YearMonth month) throws Exception {
    List<UUID> payers = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(schemaUrl(), user, password);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT member_id FROM dues_bill WHERE bill_month = ? AND status = 'UNPAID'"
                    + " LIMIT ?")) {
      ps.setObject(1, month.atDay(1));
      ps.setInt(2, warmupRate * warmupSeconds + rate * seconds + 400);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ByteBuffer b = ByteBuffer.wrap(rs.getBytes(1));
          payers.add(new UUID(b.getLong(), b.getLong()));
        }
      }
    }
    java.util.Collections.shuffle(payers, new java.util.Random(7));
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(32))
            .build();
    // --warmup= seconds at the rate first, untimed (the JIT is still compiling the payment path)
    int warmup = Math.min(warmupRate * warmupSeconds, payers.size() - rate * seconds - 400);
    System.out.printf(
        "   payments: %d warm-up at %d/s, then %d/s for %d s (open loop)%n",
        warmup, warmupRate, rate, seconds);
    run(http, service, admin, month, payers.subList(0, warmup), warmupRate, null);
    int sequential = 200;
    long[] one = new long[sequential];
    Duration cpuBefore = cpu(service);
    for (int i = 0; i < sequential; i++) {
      UUID payer = payers.get(payers.size() - 1 - i);
      long start = System.nanoTime();
      HttpResponse<String> response =
          http.send(payment(service, admin, month, payer), HttpResponse.BodyHandlers.ofString());
      one[i] = System.nanoTime() - start;
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            "payment answered " + response.statusCode() + ": " + response.body());
      }
    }
    Arrays.sort(one);
    System.out.printf(
        "   payment, one client in a closed loop: n=%d, p50 %.1f ms, p99 %.1f ms,"
            + " service CPU %.2f ms per payment%n",
        sequential,
        pct(one, 50),
        pct(one, 99),
        cpu(service).minus(cpuBefore).toNanos() / 1e6 / sequential);
    cpuBefore = cpu(service);
    long wallBefore = System.nanoTime();
    long[] latencies = new long[rate * seconds];
    AtomicInteger failures = new AtomicInteger();
    int measured =
        run(
            http,
            service,
            admin,
            month,
            payers.subList(warmup, warmup + rate * seconds),
            rate,
            latencies,
            failures);
    double serviceCores =
        cpu(service).minus(cpuBefore).toNanos() / (double) (System.nanoTime() - wallBefore);
    double cpuPerPayment = cpu(service).minus(cpuBefore).toNanos() / 1e6 / Math.max(1, measured);
    long[] sorted = Arrays.copyOf(latencies, measured);
    Arrays.sort(sorted);
    System.out.printf(
        "   payment POST /api/dues/payments at %d/s: n=%d, failures=%d, p50 %.1f ms, p95 %.1f ms,"
            + " p99 %.1f ms, max %.1f ms%n",
        rate,
        measured,
        failures.get(),
        pct(sorted, 50),
        pct(sorted, 95),
        pct(sorted, 99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    System.out.printf(
        "   service CPU during the open loop: %.2f cores, %.2f ms per payment%n",
        serviceCores, cpuPerPayment);
  }

  /** CPU time the service process has used so far (user + system, all threads). */
  private static Duration cpu(ServiceProcess service) {
    return ProcessHandle.of(service.pid())
        .flatMap(handle -> handle.info().totalCpuDuration())
        .orElse(Duration.ZERO);
  }

  private int run(
      HttpClient http,
      ServiceProcess service,
      String admin,
      YearMonth month,
      List<UUID> payers,
      int perSecond,
      long[] latencies)
      throws Exception {
    return run(http, service, admin, month, payers, perSecond, latencies, new AtomicInteger());
  }

  /** Sends one payment every 1/rate s; latency counts from the scheduled send time. */
  private int run(
      HttpClient http,
      ServiceProcess service,
      String admin,
      YearMonth month,
      List<UUID> payers,
      int perSecond,
      long[] latencies,
      AtomicInteger failures)
      throws Exception {
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    long intervalNanos = 1_000_000_000L / perSecond;
    long begin = System.nanoTime() + 50_000_000L;
    AtomicInteger index = new AtomicInteger();
    for (int i = 0; i < payers.size(); i++) {
      int n = i;
      long due = begin + n * intervalNanos;
      UUID member = payers.get(n);
      CompletableFuture<Void> done = new CompletableFuture<>();
      inFlight.add(done);
      ticker.schedule(
          () -> {
            HttpRequest request = payment(service, admin, month, member);
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete(
                    (response, error) -> {
                      long latency = System.nanoTime() - due;
                      if (error != null || response.statusCode() != 201) {
                        if (failures.incrementAndGet() <= 3) {
                          System.out.println(
                              "   failed: "
                                  + (error != null
                                      ? error
                                      : response.statusCode() + " " + response.body()));
                        }
                      }
                      if (latencies != null) {
                        latencies[n] = latency;
                      }
                      index.incrementAndGet();
                      done.complete(null);
                    });
          },
          Math.max(0, due - System.nanoTime()),
          TimeUnit.NANOSECONDS);
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
    ticker.shutdown();
    return index.get();
  }

  private static HttpRequest payment(
      ServiceProcess service, String admin, YearMonth month, UUID member) {
    String body =
        "{\"memberId\":\""
            + member
            + "\",\"months\":[\""
            + month
            + "\"],\"channel\":\"OFFLINE\",\"receiptNo\":\"B-"
            + member
            + "\"}";
    return HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/dues/payments"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + admin)
        .header("Idempotency-Key", "bench-" + member)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /** UUIDv7 at a given millisecond. */
  static UUID v7(long millis, SplittableRandom random) {
    long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random.nextInt(4096));
    long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }

  static LocalDateTime utcNow() {
    return LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
  }

  static LocalDate firstOfYear() {
    return LocalDate.of(YearMonth.now(CALENDAR).getYear(), 1, 1);
  }
}
