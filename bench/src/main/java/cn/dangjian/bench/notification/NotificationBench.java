package cn.dangjian.bench.notification;

import cn.dangjian.bench.BenchLog;
import cn.dangjian.bench.BenchMain;
import cn.dangjian.bench.RssSampler;
import cn.dangjian.bench.ServiceProcess;
import cn.dangjian.bench.UuidV7s;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 24's measures on alert-service's notification module: a month-end bill run for a province
 * (one {@code dues.bill.issued} for the root org, 1,000,000 members) must be in every member's
 * inbox within 5 minutes with the service's RSS ≤ 512 MB; a member with 1,000 notifications lists
 * the inbox at p99 < 50 ms.
 *
 * <p>A fresh schema {@code notify_bench}; the service (a copy of its jar) starts against it with
 * FakeKeycloak and an in-process broker; the org tree and the member projection (the rows the
 * shared projection would have built from member.events) are loaded with JDBC batches. Options:
 * --members= (default 1000000), --branches= (50000), --jvm= (default "-Xms256m -Xmx256m
 * -XX:+UseSerialGC"), --env.NAME=value, --set.property=value, --requests= (inbox, 2000).
 */
public final class NotificationBench {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SplittableRandom RANDOM = new SplittableRandom(24);

  private final Map<String, String> options;
  private final int members;
  private final int branches;
  private final BenchLog report = new BenchLog();

  private NotificationBench(Map<String, String> options) {
    this.options = options;
    this.members = Integer.parseInt(options.getOrDefault("members", "1000000"));
    this.branches = Integer.parseInt(options.getOrDefault("branches", "50000"));
  }

  public static void main(String[] args) {
    BenchMain.run(args, options -> new NotificationBench(options).run());
  }

  private void run() throws Exception {
    Path out = Path.of("bench/target/bench-results");
    Files.createDirectories(out);
    Path jar = out.resolve("alert-service-notify-under-test.jar");
    Files.copy(
        Path.of("alert-service/target/alert-service.jar"),
        jar,
        StandardCopyOption.REPLACE_EXISTING);
    String url = TestDatabase.fresh("notify_bench") + "?rewriteBatchedStatements=true";
    report.line(
        "== notifications at province scale (issue 24): %,d members, %,d branches",
        members, branches);
    try (FakeKeycloak keycloak = FakeKeycloak.start()) {
      TestKafka kafka =
          TestKafka.shared(
              "member.events",
              "dues.events",
              "orglife.events",
              "assessment.events",
              "alert.events");
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("spring.datasource.url", url);
      properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
      properties.put("dangjian.alerts.sweep-cron", "-");
      properties.put("logging.level.root", "WARN");
      properties.putAll(keycloak.resourceServerProperties());
      properties.putAll(BenchMain.under(options, "set."));
      List<String> jvm =
          Arrays.asList(
              options.getOrDefault("jvm", "-Xms256m -Xmx256m -XX:+UseSerialGC").split(" "));
      Map<String, String> env = new LinkedHashMap<>();
      env.put("SPRING_DATASOURCE_USERNAME", TestDatabase.user());
      env.put("SPRING_DATASOURCE_PASSWORD", TestDatabase.password());
      env.put("MALLOC_ARENA_MAX", "2");
      env.putAll(BenchMain.under(options, "env."));
      try (ServiceProcess service =
          ServiceProcess.start(
              jar,
              out.resolve("alert-service-notify.log"),
              jvm,
              properties,
              env,
              Duration.ofMinutes(3))) {
        report.line(
            "   alert-service ready in %.1f s (pid %d), JVM %s",
            service.startTime().toMillis() / 1000.0, service.pid(), String.join(" ", jvm));
        RssSampler rss = new RssSampler(service.pid());
        rss.start();
        Instant loadStart = Instant.now();
        Province province = load(url);
        report.line(
            "-- loaded %,d members in %,d branches in %.1f s; RSS %d MB",
            province.members(),
            branches,
            Duration.between(loadStart, Instant.now()).toMillis() / 1000.0,
            rss.currentMb());
        rss.resetPeak();
        billRun(url, kafka, province, rss);
        inbox(url, service, keycloak, province);
        report.line("   RSS at the end: %d MB", rss.currentMb());
        rss.stop();
      }
    }
    Files.writeString(
        out.resolve("notification-bench.txt"), report.toString(), StandardCharsets.UTF_8);
    System.out.println("\nwritten to " + out.resolve("notification-bench.txt"));
  }

  /** One dues.bill.issued for the root: timed until every active member has it in the inbox. */
  private void billRun(String url, TestKafka kafka, Province province, RssSampler rss)
      throws Exception {
    Map<String, Object> envelope = new LinkedHashMap<>();
    String root = province.root().toString();
    envelope.put("eventId", UUID.randomUUID().toString());
    envelope.put("type", "dues.bill.issued");
    envelope.put("version", 1);
    envelope.put("occurredAt", Instant.now().toString());
    envelope.put("source", "bench");
    envelope.put("subjectId", root);
    envelope.put("orgPath", "/" + root + "/");
    envelope.put(
        "payload",
        Map.of(
            "runId",
            UUID.randomUUID().toString(),
            "month",
            "2026-12",
            "orgId",
            root,
            "issued",
            province.members(),
            "billed",
            province.members(),
            "amountFen",
            4500L * province.members()));
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    Instant begin = Instant.now();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      producer
          .send(new ProducerRecord<>("dues.events", root, JSON.writeValueAsBytes(envelope)))
          .get();
    }
    report.line("-- bill run: one dues.bill.issued for the province root (%s)", root);
    long count = 0;
    long lastReport = 0;
    Duration limit = Duration.ofMinutes(Integer.parseInt(options.getOrDefault("limit", "15")));
    try (Connection c =
            DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM notification WHERE kind = 'DUES_BILL_ISSUED'")) {
      while (count < province.members()
          && Duration.between(begin, Instant.now()).compareTo(limit) < 0) {
        Thread.sleep(2_000);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          count = rs.getLong(1);
        }
        long secs = Duration.between(begin, Instant.now()).toSeconds();
        if (secs - lastReport >= 30) {
          lastReport = secs;
          System.out.printf(
              Locale.ROOT, "   %,d s: %,d in inboxes, RSS %d MB%n", secs, count, rss.currentMb());
        }
      }
    }
    double secs = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
    report.line(
        "   %,d of %,d members have it in the inbox after %.1f s (%.0f/s); peak RSS %d MB",
        count, province.members(), secs, count / secs, rss.peakMb());
  }

  /** A member with 1,000 notifications lists the inbox: closed loop, one client. */
  private void inbox(String url, ServiceProcess service, FakeKeycloak keycloak, Province province)
      throws Exception {
    UUID member = province.sampleMember();
    try (Connection c =
            DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO notification (id, member_id, kind, dedup_key, title, body, urgent,"
                    + " created_at, read_at) VALUES (?,?,?,?,?,?,FALSE,?,?)")) {
      c.setAutoCommit(false);
      Instant start = Instant.parse("2026-01-01T00:00:00Z");
      for (int i = 0; i < 999; i++) {
        insert.setBytes(1, UuidV7s.bytes(UuidV7s.at(System.currentTimeMillis(), RANDOM)));
        insert.setBytes(2, UuidV7s.bytes(member));
        insert.setString(3, i % 2 == 0 ? "MEETING_PLANNED" : "ALERT_RAISED");
        insert.setString(4, "bench:" + i);
        insert.setString(5, "三会一课通知");
        insert.setString(6, "请于12月10日19:00参加支部党员大会（第" + i + "条）。");
        insert.setTimestamp(7, Timestamp.from(start.plusSeconds(i * 28_800L)));
        insert.setTimestamp(8, i % 3 == 0 ? null : Timestamp.from(start.plusSeconds(i * 28_800L)));
        insert.addBatch();
      }
      insert.executeBatch();
      c.commit();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT COUNT(*) FROM notification WHERE member_id = 0x"
                      + member.toString().replace("-", ""))) {
        rs.next();
        report.line("-- inbox: a member with %,d notifications", rs.getLong(1));
      }
    }
    String token =
        keycloak.token().roles("member").memberId(member).username("bench-member").build();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int requests = Integer.parseInt(options.getOrDefault("requests", "2000"));
    for (String path :
        List.of(
            "/api/notifications?page=0&size=20",
            "/api/notifications?page=10&size=20",
            "/api/notifications?unread=true&page=0&size=20",
            "/api/notifications/unread-count")) {
      URI uri = URI.create(service.baseUrl() + path);
      HttpRequest request =
          HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build();
      for (int i = 0; i < 200; i++) {
        check(http.send(request, HttpResponse.BodyHandlers.ofByteArray()), path);
      }
      long[] nanos = new long[requests];
      for (int i = 0; i < requests; i++) {
        long t = System.nanoTime();
        check(http.send(request, HttpResponse.BodyHandlers.ofByteArray()), path);
        nanos[i] = System.nanoTime() - t;
      }
      Arrays.sort(nanos);
      report.line(
          "   GET %-45s p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d requests)",
          path, ms(nanos, 0.50), ms(nanos, 0.99), nanos[requests - 1] / 1e6, requests);
    }
  }

  private static void check(HttpResponse<byte[]> response, String path) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          path
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
  }

  private static double ms(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  record Province(UUID root, int members, UUID sampleMember) {}

  /** Province root → counties → branches; members ACTIVE, FULL, spread evenly over branches. */
  private Province load(String url) throws Exception {
    UUID root = UUID.randomUUID();
    UUID sample = null;
    int loaded = 0;
    try (Connection c =
            DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
        PreparedStatement org =
            c.prepareStatement(
                "INSERT INTO proj_org (org_id, parent_id, name, org_type, path, depth, dissolved,"
                    + " created_on, updated_at) VALUES (?,?,?,?,?,?,FALSE,'2025-01-01',NOW(6))");
        PreparedStatement member =
            c.prepareStatement(
                "INSERT INTO proj_member (member_id, org_id, org_path, stage, status,"
                    + " dues_category, join_date, full_member_date, flags, status_since,"
                    + " org_since, updated_at) VALUES"
                    + " (?,?,?,'FULL','ACTIVE','EMPLOYED','2015-07-01','2016-07-01','',"
                    + "'2025-01-01','2025-01-01',NOW(6))")) {
      c.setAutoCommit(false);
      String rootPath = "/" + root + "/";
      insertOrg(org, root, null, "省委", "PARTY_COMMITTEE", rootPath, 1);
      int counties = Math.max(1, branches / 500);
      UUID[] countyIds = new UUID[counties];
      String[] countyPaths = new String[counties];
      for (int i = 0; i < counties; i++) {
        countyIds[i] = UUID.randomUUID();
        countyPaths[i] = rootPath + countyIds[i] + "/";
        insertOrg(org, countyIds[i], root, "县委" + i, "PARTY_COMMITTEE", countyPaths[i], 2);
      }
      org.executeBatch();
      int perBranch = members / branches;
      int extra = members % branches;
      for (int b = 0; b < branches; b++) {
        UUID branch = UUID.randomUUID();
        String path = countyPaths[b % counties] + branch + "/";
        insertOrg(org, branch, countyIds[b % counties], "党支部" + b, "BRANCH", path, 3);
        int count = perBranch + (b < extra ? 1 : 0);
        for (int m = 0; m < count; m++) {
          UUID id = UuidV7s.at(System.currentTimeMillis(), RANDOM);
          if (sample == null) {
            sample = id;
          }
          member.setBytes(1, UuidV7s.bytes(id));
          member.setBytes(2, UuidV7s.bytes(branch));
          member.setString(3, path);
          member.addBatch();
          loaded++;
        }
        if (b % 500 == 499) {
          org.executeBatch();
          member.executeBatch();
          c.commit();
          if (b % 10_000 == 9_999) {
            System.out.printf(Locale.ROOT, "   %,d / %,d branches%n", b + 1, branches);
          }
        }
      }
      org.executeBatch();
      member.executeBatch();
      c.commit();
      try (Statement s = c.createStatement()) {
        for (String table : List.of("proj_org", "proj_member")) {
          try (ResultSet rs = s.executeQuery("ANALYZE TABLE " + table)) {
            rs.next();
          }
        }
      }
      c.commit();
    }
    return new Province(root, loaded, sample);
  }

  private static void insertOrg(
      PreparedStatement org, UUID id, UUID parent, String name, String type, String path, int depth)
      throws Exception {
    org.setBytes(1, UuidV7s.bytes(id));
    org.setBytes(2, parent == null ? null : UuidV7s.bytes(parent));
    org.setString(3, name);
    org.setString(4, type);
    org.setString(5, path);
    org.setInt(6, depth);
    org.addBatch();
  }
}
