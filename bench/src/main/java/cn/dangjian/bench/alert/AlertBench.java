package cn.dangjian.bench.alert;

import static cn.dangjian.bench.UuidV7s.bytes;
import static cn.dangjian.bench.UuidV7s.fromBytes;

import cn.dangjian.bench.BenchLog;
import cn.dangjian.bench.BenchMain;
import cn.dangjian.bench.RssSampler;
import cn.dangjian.bench.ServiceProcess;
import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.TestDatabase;
import cn.dangjian.testsupport.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 6's benchmark: alert-service at province scale. Loads 1,000,000 members in 50,000 branches
 * into the service's own projection and state tables (what its consumers would have built from a
 * year of events), then measures (1) the daily sweep over all of them, twice (the second run finds
 * nothing to change), and (2) event → alert: dues.arrears.changed events sent at a fixed rate, each
 * timed until its alert.raised arrives on the service's SSE stream. The service's RSS is sampled
 * throughout. Options: --members=, --branches=, --rate= (events/s), --seconds=, --concurrency=
 * (listener threads), --env.<NAME>=<value> (service environment), --warmup= (seconds of the same
 * load before the timed run), --set.<property>=<value> (a service property), --raising= (percent of
 * the events that raise an alert, default 100), --sweeps= (how many sweeps before the event run,
 * default 2), --jvm="-Xmx512m ...", --reuse=true (keep the schema of the last run: no load, and the
 * first sweep finds what the last one left).
 */
public final class AlertBench {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, String> options;
  private final int members;
  private final int branches;
  private final int rate;
  private final int seconds;
  private final int warmup;
  private final BenchLog report = new BenchLog();

  private AlertBench(Map<String, String> options) {
    this.options = options;
    this.members = Integer.parseInt(options.getOrDefault("members", "1000000"));
    this.branches = Integer.parseInt(options.getOrDefault("branches", "50000"));
    this.rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
    this.seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
    this.warmup = Integer.parseInt(options.getOrDefault("warmup", "0"));
  }

  public static void main(String[] args) {
    BenchMain.run(args, options -> new AlertBench(options).run());
  }

  private void run() throws Exception {
    Path out = Path.of("bench/target/bench-results");
    Files.createDirectories(out);
    Path jar = out.resolve("alert-service-under-test.jar");
    Files.copy(
        Path.of("alert-service/target/alert-service.jar"),
        jar,
        StandardCopyOption.REPLACE_EXISTING);
    boolean reuse = Boolean.parseBoolean(options.getOrDefault("reuse", "false"));
    String url =
        (reuse ? TestDatabase.serverUrl() + "alert_bench" : TestDatabase.fresh("alert_bench"))
            + "?rewriteBatchedStatements=true";
    report.line(
        "== alert-service at province scale (issue 6): %,d members, %,d branches",
        members, branches);
    report.line(
        "   machine: %d cores, %s",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"));

    try (FakeKeycloak keycloak = FakeKeycloak.start()) {
      TestKafka kafka =
          TestKafka.shared("member.events", "orglife.events", "assessment.events", "alert.events");
      int partitions = Integer.parseInt(options.getOrDefault("concurrency", "2"));
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("dues.events", partitions, (short) 1))).all().get();
      }
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("spring.datasource.url", url);
      properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
      properties.put("spring.kafka.listener.concurrency", Integer.toString(partitions));
      properties.put("dangjian.alerts.consumer-concurrency", Integer.toString(partitions));
      properties.put("spring.datasource.hikari.maximum-pool-size", "12");
      properties.put("dangjian.alerts.sweep-cron", "-");
      properties.put("logging.level.root", "WARN");
      properties.putAll(keycloak.resourceServerProperties());
      // --set.<property>=<value>: any of the service's properties, to try a setting
      properties.putAll(BenchMain.under(options, "set."));
      List<String> jvm =
          Arrays.asList(
              options.getOrDefault("jvm", "-Xms512m -Xmx512m -XX:+UseSerialGC").split(" "));
      Map<String, String> env = new LinkedHashMap<>();
      env.put("SPRING_DATASOURCE_USERNAME", TestDatabase.user());
      env.put("SPRING_DATASOURCE_PASSWORD", TestDatabase.password());
      // --env.<NAME>=<value>: the service's environment (e.g. MALLOC_ARENA_MAX=2)
      env.putAll(BenchMain.under(options, "env."));
      try (ServiceProcess service =
          ServiceProcess.start(
              jar, out.resolve("alert-service.log"), jvm, properties, env, Duration.ofMinutes(3))) {
        report.line(
            "   alert-service ready in %.1f s (pid %d), JVM %s",
            service.startTime().toMillis() / 1000.0, service.pid(), String.join(" ", jvm));
        RssSampler rss = new RssSampler(service.pid());
        rss.start();
        report.line("   RSS after start: %d MB", rss.currentMb());
        Instant loadStart = Instant.now();
        List<byte[]> quietMembers = reuse ? quiet(url) : load(url);
        report.line(
            "-- %s in %.1f s",
            reuse ? "reusing the loaded schema" : "loaded",
            Duration.between(loadStart, Instant.now()).toMillis() / 1000.0);

        String token = keycloak.token().roles("platform-admin").username("bench-admin").build();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int sweeps = Integer.parseInt(options.getOrDefault("sweeps", "2"));
        for (int run = 1; run <= sweeps; run++) {
          rss.resetPeak();
          Instant begin = Instant.now();
          HttpResponse<String> response =
              http.send(
                  HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/alerts/sweeps"))
                      .timeout(Duration.ofMinutes(1))
                      .header("Authorization", "Bearer " + token)
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString("{\"asOf\":\"2026-11-30\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          double acceptedMs = Duration.between(begin, Instant.now()).toMillis();
          // a job: followed until it ends; its result is the sweep report
          String jobUrl =
              service.baseUrl() + response.headers().firstValue("Location").orElseThrow();
          JsonNode job = JSON.readTree(response.body());
          while (job.path("status").asString().equals("QUEUED")
              || job.path("status").asString().equals("RUNNING")) {
            Thread.sleep(200);
            job =
                JSON.readTree(
                    http.send(
                            HttpRequest.newBuilder(URI.create(jobUrl))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                            HttpResponse.BodyHandlers.ofString())
                        .body());
          }
          double secs = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
          JsonNode sweep = job.path("result");
          report.line("-- sweep %d: 202 in %.0f ms, job %s", run, acceptedMs, job.path("status"));
          report.line(
              "-- sweep %d as of 2026-11-30: %.1f s (HTTP %d): %s members, %s orgs, raised %s,"
                  + " changed %s, resolved %s, escalated %s; peak RSS %d MB",
              run,
              secs,
              response.statusCode(),
              sweep.path("members"),
              sweep.path("orgs"),
              sweep.path("raised"),
              sweep.path("changed"),
              sweep.path("resolved"),
              sweep.path("escalated"),
              rss.peakMb());
        }
        rss.resetPeak();
        eventToAlert(service, token, kafka, quietMembers);
        report.line(
            "   peak RSS during the event run: %d MB; RSS at the end: %d MB",
            rss.peakMb(), rss.currentMb());
        rss.stop();
      }
    }
    Files.writeString(out.resolve("alert-bench.txt"), report.toString(), StandardCharsets.UTF_8);
    System.out.println("\nwritten to " + out.resolve("alert-bench.txt"));
  }

  /** Dues events at a fixed rate; each is timed until its alert.raised is on the SSE stream. */
  private void eventToAlert(
      ServiceProcess service, String token, TestKafka kafka, List<byte[]> quiet) throws Exception {
    int total = Math.min(rate * seconds, quiet.size());
    // the warm-up's members are taken from the end of the list
    // the share of events that raise an alert (3 months behind); the others report one month
    // behind, which changes the member's state but raises nothing, as most events of a month do
    int raisingPercent = Integer.parseInt(options.getOrDefault("raising", "100"));
    int raising = 0;
    for (int i = 0; i < total; i++) {
      raising += raises(i, raisingPercent) ? 1 : 0;
    }
    RaisedAlertTimer timer =
        new RaisedAlertTimer(
            service.baseUrl() + "/api/alerts/stream", token, "DUES_ARREARS", raising);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    report.line(
        "-- event → alert: %,d dues.arrears.changed at %,d/s over %d partitions",
        total, rate, Integer.parseInt(options.getOrDefault("concurrency", "2")));
    report.line(
        "   %d %% of them (%,d) raise an alert; the others change state only",
        raisingPercent, raising);
    Instant begin = Instant.now();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      // the same load for --warmup seconds first, untimed, to other members: a service runs warm
      int warm = Math.min(rate * warmup, quiet.size() - total);
      if (warm > 0) {
        report.line("   warm-up: %,d events over %d s, not timed", warm, warmup);
        for (int w = 0; w < warm; w++) {
          long due = System.nanoTime() + 1_000_000_000L / rate;
          byte[] member = quiet.get(quiet.size() - 1 - w);
          producer.send(
              new ProducerRecord<>(
                  "dues.events",
                  fromBytes(member).toString(),
                  JSON.writeValueAsBytes(arrears(fromBytes(member), raises(w, raisingPercent)))));
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
        }
        producer.flush();
        Thread.sleep(10_000);
        begin = Instant.now();
      }
      long start = System.nanoTime();
      for (int i = 0; i < total; i++) {
        long due = start + (long) i * 1_000_000_000L / rate;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        UUID member = fromBytes(quiet.get(i));
        String id = member.toString();
        Map<String, Object> envelope = arrears(member, raises(i, raisingPercent));
        if (raises(i, raisingPercent)) {
          timer.sent(id);
        }
        producer.send(new ProducerRecord<>("dues.events", id, JSON.writeValueAsBytes(envelope)));
      }
      producer.flush();
    }
    double sendSecs = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
    timer.await(raising, Duration.ofSeconds(120));
    double allSecs = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
    timer.close();
    long[] sorted = timer.sortedLatencies();
    int n = sorted.length;
    report.line(
        "   sent in %.1f s (%.0f/s), %,d of %,d alerts on the stream after %.1f s (%.0f alerts/s)",
        sendSecs, total / sendSecs, n, raising, allSecs, n / allSecs);
    if (n > 0) {
      report.line(
          "   event → alert on SSE: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms",
          ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted[n - 1] / 1e6);
    }
  }

  /** Members of an already loaded schema with no dues alert, for the event run. */
  private List<byte[]> quiet(String url) throws Exception {
    List<byte[]> quiet = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
        PreparedStatement s =
            c.prepareStatement(
                "SELECT ms.member_id FROM member_state ms WHERE ms.arrears_months = 0 AND"
                    + " ms.training_hours >= 32 AND ms.absent_since IS NULL AND NOT EXISTS (SELECT"
                    + " 1 FROM alert a WHERE a.subject_id = ms.member_id AND a.rule_id ="
                    + " 'DUES_ARREARS') LIMIT ?")) {
      s.setInt(1, rate * (seconds + warmup));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          quiet.add(rs.getBytes(1));
        }
      }
    }
    return quiet;
  }

  /** A dues.arrears.changed envelope: 3 months behind (raises an alert) or 1 (raises nothing). */
  public static Map<String, Object> arrears(UUID member, boolean raising) {
    String id = member.toString();
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("eventId", UUID.randomUUID().toString());
    envelope.put("type", "dues.arrears.changed");
    envelope.put("version", 1);
    envelope.put("occurredAt", Instant.now().toString());
    envelope.put("source", "bench");
    envelope.put("subjectId", id);
    envelope.put("orgPath", null);
    envelope.put(
        "payload",
        Map.of(
            "memberId",
            id,
            "orgId",
            UUID.randomUUID().toString(),
            "consecutiveMonths",
            raising ? 3 : 1,
            "sinceMonth",
            "2026-09",
            "outstandingFen",
            4500));
    return envelope;
  }

  private static boolean raises(int i, int percent) {
    return (i * 37) % 100 < percent; // spread over the run, not in bursts
  }

  private static double ms(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  /**
   * The projections and state the consumers would have built: a province of counties and branches,
   * members with a few absent (absent_since) and a few in arrears, committees with terms, two
   * months of meetings for most branches, 95 % with this year's training hours. Returns members not
   * in arrears, for the event run.
   */
  private List<byte[]> load(String url) throws Exception {
    Random random = new Random(42);
    List<byte[]> quiet = new ArrayList<>();
    try (Connection c =
        DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
      c.setAutoCommit(false);
      byte[] root = bytes(UUID.randomUUID());
      String rootPath = "/" + fromBytes(root) + "/";
      int counties = Math.max(1, branches / 500);
      byte[][] countyIds = new byte[counties][];
      String[] countyPaths = new String[counties];
      try (PreparedStatement org =
          c.prepareStatement(
              "INSERT INTO proj_org (org_id, parent_id, name, org_type, path, depth, dissolved,"
                  + " created_on, updated_at) VALUES (?,?,?,?,?,?,FALSE,'2025-01-01',NOW(6))")) {
        insertOrg(org, root, null, "省委", "PARTY_COMMITTEE", rootPath, 1);
        for (int i = 0; i < counties; i++) {
          countyIds[i] = bytes(UUID.randomUUID());
          countyPaths[i] = rootPath + fromBytes(countyIds[i]) + "/";
          insertOrg(org, countyIds[i], root, "县委" + i, "PARTY_COMMITTEE", countyPaths[i], 2);
        }
        org.executeBatch();
        try (PreparedStatement state =
                c.prepareStatement(
                    "INSERT INTO org_state (org_id, term_id, term_ends_on, term_due_on,"
                        + " committee_seats, updated_at) VALUES (?,?,?,?,?,NOW(6))");
            PreparedStatement meeting =
                c.prepareStatement(
                    "INSERT INTO org_meeting (meeting_id, org_id, meeting_type, held_on, status,"
                        + " counted, record_version) VALUES (?,?,?,?,'APPROVED',TRUE,1)");
            PreparedStatement member =
                c.prepareStatement(
                    "INSERT INTO proj_member (member_id, org_id, org_path, stage, status,"
                        + " dues_category, join_date, full_member_date, flags, status_since,"
                        + " org_since, updated_at) VALUES"
                        + " (?,?,?,'FULL','ACTIVE','EMPLOYED','2015-07-01','2016-07-01','','2025-01-01','2025-01-01',NOW(6))");
            PreparedStatement memberState =
                c.prepareStatement(
                    "INSERT INTO member_state (member_id, tracked_since, absent_since,"
                        + " arrears_months, arrears_since, arrears_fen, training_year,"
                        + " training_hours, updated_at) VALUES"
                        + " (?,'2025-01-01',?,?,?,?,2026,?,NOW(6))")) {
          int perBranch = members / branches;
          int extra = members % branches;
          for (int b = 0; b < branches; b++) {
            byte[] branch = bytes(UUID.randomUUID());
            String path = countyPaths[b % counties] + fromBytes(branch) + "/";
            insertOrg(org, branch, countyIds[b % counties], "党支部" + b, "BRANCH", path, 3);
            boolean committee = random.nextInt(100) < 30;
            if (committee) {
              LocalDate due = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(3 * 365));
              state.setBytes(1, branch);
              state.setBytes(2, bytes(UUID.randomUUID()));
              state.setObject(3, due);
              state.setObject(4, due);
              state.setInt(5, 5);
              state.addBatch();
            }
            for (String type : List.of("THEMED_PARTY_DAY", "COMMITTEE_MEETING")) {
              if (type.equals("COMMITTEE_MEETING") && !committee) {
                continue;
              }
              for (int month = 10; month <= 11; month++) {
                if (random.nextInt(100) < 95) {
                  meeting.setBytes(1, bytes(UUID.randomUUID()));
                  meeting.setBytes(2, branch);
                  meeting.setString(3, type);
                  meeting.setObject(4, LocalDate.of(2026, month, 5 + random.nextInt(20)));
                  meeting.addBatch();
                }
              }
            }
            int count = perBranch + (b < extra ? 1 : 0);
            for (int m = 0; m < count; m++) {
              byte[] id = bytes(UUID.randomUUID());
              member.setBytes(1, id);
              member.setBytes(2, branch);
              member.setString(3, path);
              member.addBatch();
              int dice = random.nextInt(100);
              memberState.setBytes(1, id);
              memberState.setObject(
                  2, dice < 3 ? LocalDate.of(2026, 6 + random.nextInt(4), 10) : null);
              boolean arrears = dice >= 3 && dice < 5;
              memberState.setInt(3, arrears ? 3 + random.nextInt(4) : 0);
              memberState.setString(4, arrears ? "2026-06" : null);
              memberState.setLong(5, arrears ? 9000 : 0);
              // 95 % have their 32 学时 by the end of November
              boolean trained = random.nextInt(100) < 95;
              memberState.setBigDecimal(6, new java.math.BigDecimal(trained ? "40.0" : "12.0"));
              memberState.addBatch();
              // quiet: nothing any rule would raise, so each event raises exactly what it says
              if (!arrears && trained && dice >= 5 && quiet.size() < rate * (seconds + warmup)) {
                quiet.add(id);
              }
            }
            if (b % 500 == 499) {
              org.executeBatch();
              state.executeBatch();
              meeting.executeBatch();
              member.executeBatch();
              memberState.executeBatch();
              c.commit();
              if (b % 5000 == 4999) {
                System.out.printf(Locale.ROOT, "   %,d / %,d branches%n", b + 1, branches);
              }
            }
          }
          org.executeBatch();
          state.executeBatch();
          meeting.executeBatch();
          member.executeBatch();
          memberState.executeBatch();
          c.commit();
        }
      }
      try (Statement s = c.createStatement()) {
        for (String table :
            List.of("proj_org", "proj_member", "member_state", "org_state", "org_meeting")) {
          try (ResultSet rs = s.executeQuery("ANALYZE TABLE " + table)) {
            rs.next();
          }
        }
      }
      c.commit();
    }
    return quiet;
  }

  private static void insertOrg(
      PreparedStatement org,
      byte[] id,
      byte[] parent,
      String name,
      String type,
      String path,
      int depth)
      throws Exception {
    org.setBytes(1, id);
    org.setBytes(2, parent);
    org.setString(3, name);
    org.setString(4, type);
    org.setString(5, path);
    org.setInt(6, depth);
    org.addBatch();
  }
}
