package cn.dangjian.bench.orglife;

import static cn.dangjian.bench.UuidV7s.bytes;

import cn.dangjian.bench.BenchLog;
import cn.dangjian.bench.ServiceProcess;
import cn.dangjian.events.Topics;
import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.TestKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * org-life-service at county scale (issue 5): 2,000 branches with 100,000 approved meetings and
 * their attendance (~2 million rows) in 2025; measures the county's yearly / quarterly / monthly
 * compliance summary and the submit of a record (anti-formalism checks, incl. MinHash duplicate
 * minutes) in a branch with 500 earlier records and ~1,200 more in its sibling branches.
 *
 * <p>Run from the repository root after {@code ./mvnw -B -Pbench -pl org-life-service,bench -am
 * -DskipTests package}: {@code java -cp "bench/target/classes:$(cat bench/target/cp.txt)"
 * cn.dangjian.bench.orglife.OrgLifeBench} (see bench/README.md).
 */
public final class OrgLifeBench {

  static final int TOWNSHIPS = 80;
  static final int BRANCHES_PER_TOWNSHIP = 25;
  static final int MEETINGS_PER_BRANCH = 50;
  static final int MEMBERS_PER_BRANCH = 20;
  static final int EARLIER_RECORDS = 500;
  static final String DB = "orglife_bench";
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final Random random = new Random(20261201);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final BenchLog report = new BenchLog();

  private UUID county;
  private final List<UUID> townships = new ArrayList<>();
  private final List<UUID> branches = new ArrayList<>();
  private final Map<UUID, String> paths = new HashMap<>();
  private final List<UUID> benchMembers = new ArrayList<>();
  private String base;

  public static void main(String[] args) throws Exception {
    new OrgLifeBench().run();
  }

  void run() throws Exception {
    Path results = Path.of("bench", "target", "bench-results");
    Files.createDirectories(results);
    String serverUrl = env("DANGJIAN_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
    String user = env("DANGJIAN_DB_USER", "root");
    String password = env("DANGJIAN_DB_PASSWORD", "");
    try (Connection c = DriverManager.getConnection(serverUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DB);
      s.execute("CREATE DATABASE " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    String dbUrl = serverUrl + DB + "?rewriteBatchedStatements=true";
    FakeKeycloak keycloak = FakeKeycloak.start();
    TestKafka kafka = TestKafka.shared(Topics.MEMBER_EVENTS, Topics.ORGLIFE_EVENTS);
    Path jar = Path.of("org-life-service", "target", "org-life-service.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " not found: build it first");
    }
    Path copy = results.resolve("org-life-service-bench.jar");
    Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
    int port = freePort();
    base = "http://127.0.0.1:" + port;
    List<String> cmd = new ArrayList<>();
    cmd.add(ServiceProcess.currentJava().toString());
    cmd.addAll(List.of("-Xms512m", "-Xmx512m", "-jar", copy.toString()));
    cmd.add("--server.port=" + port);
    cmd.add("--spring.datasource.url=" + dbUrl);
    cmd.add("--spring.datasource.username=" + user);
    cmd.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
    cmd.add("--logging.structured.format.console=");
    cmd.add(
        "--dangjian.org-life.attachments.directory="
            + results.resolve("attachments").toAbsolutePath());
    keycloak.resourceServerProperties().forEach((k, v) -> cmd.add("--" + k + "=" + v));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("SPRING_DATASOURCE_PASSWORD", password);
    pb.redirectErrorStream(true);
    pb.redirectOutput(results.resolve("org-life-service.log").toFile());
    Instant started = Instant.now();
    Process service = pb.start();
    try {
      waitReady(service, Duration.ofSeconds(180));
      report.line("service ready in %d ms", Duration.between(started, Instant.now()).toMillis());
      try (Connection c = DriverManager.getConnection(dbUrl, user, password)) {
        load(c);
      }
      String admin = keycloak.token().roles("platform-admin").username("bench-admin").build();
      String worker =
          keycloak
              .token()
              .roles("party-worker")
              .orgId(townships.get(0))
              .username("bench-worker")
              .build();
      for (String period : List.of("2025", "2025-Q4", "2025-11")) {
        measure(
            "summary county period=" + period,
            admin,
            base + "/api/org-life/compliance/summary?orgId=" + county + "&period=" + period,
            50,
            500);
      }
      measure(
          "plan vs actual, one branch, 2025",
          worker,
          base + "/api/org-life/compliance/orgs/" + branches.get(0) + "?period=2025",
          50,
          500);
      submits(worker, 20, 200);
      try (Connection c = DriverManager.getConnection(dbUrl, user, password)) {
        duplicateCheck(c, 50, 500);
      }
    } finally {
      service.destroy();
      if (!service.waitFor(20, TimeUnit.SECONDS)) {
        service.destroyForcibly();
      }
      keycloak.close();
      kafka.stop();
    }
    Files.writeString(results.resolve("orglife.md"), report.toString());
    System.out.println("\nwritten to " + results.resolve("orglife.md"));
  }

  // --- load

  void load(Connection c) throws SQLException {
    Instant t0 = Instant.now();
    c.setAutoCommit(false);
    Timestamp now = Timestamp.from(Instant.now());
    county = UUID.randomUUID();
    paths.put(county, "/" + county + "/");
    try (PreparedStatement org =
        c.prepareStatement(
            "INSERT INTO proj_org (org_id, parent_id, name, org_type, path, depth, dissolved,"
                + " updated_at) VALUES (?,?,?,?,?,?,FALSE,?)")) {
      addOrg(org, county, null, "示范县委", "PARTY_COMMITTEE", 0, now);
      for (int t = 0; t < TOWNSHIPS; t++) {
        UUID town = UUID.randomUUID();
        townships.add(town);
        paths.put(town, paths.get(county) + town + "/");
        addOrg(org, town, county, "乡镇党委" + t, "PARTY_COMMITTEE", 1, now);
        for (int b = 0; b < BRANCHES_PER_TOWNSHIP; b++) {
          UUID branch = UUID.randomUUID();
          branches.add(branch);
          paths.put(branch, paths.get(town) + branch + "/");
          addOrg(org, branch, town, "第" + b + "党支部", "BRANCH", 2, now);
        }
      }
      org.executeBatch();
    }
    try (PreparedStatement m =
        c.prepareStatement(
            "INSERT INTO proj_member (member_id, org_id, org_path, stage, status, dues_category,"
                + " join_date, full_member_date, flags, status_since, org_since, updated_at)"
                + " VALUES (?,?,?,'FULL','ACTIVE','EMPLOYED','2010-07-01','2011-07-01','',"
                + "'2010-07-01','2010-07-01',?)")) {
      UUID b0 = branches.get(0);
      for (int i = 0; i < MEMBERS_PER_BRANCH; i++) {
        UUID id = UUID.randomUUID();
        benchMembers.add(id);
        m.setBytes(1, bytes(id));
        m.setBytes(2, bytes(b0));
        m.setString(3, paths.get(b0));
        m.setTimestamp(4, now);
        m.addBatch();
      }
      m.executeBatch();
    }
    c.commit();

    Map<String, int[]> counts = new HashMap<>();
    long meetings = 0, attendance = 0;
    String sql =
        "INSERT INTO meeting (id, org_id, org_path, parent_path, org_type, meeting_type, status,"
            + " title, starts_at, ends_at, held_on, place, minutes, expected_count, actual_count,"
            + " voting_entitled, training_tenths, record_version, minhash, planned_by, recorded_by,"
            + " first_recorded_at, submitted_by, submitted_at, reviewed_by, reviewed_at,"
            + " counted_month, created_at, updated_at, version) VALUES"
            + " (?,?,?,?,'BRANCH',?,'APPROVED',?,?,?,?,'党员活动室',?,?,?,?,0,0,?,'bench','bench',?,"
            + "'bench',?,'bench',?,?,?,?,3)";
    try (PreparedStatement mt = c.prepareStatement(sql);
        PreparedStatement at =
            c.prepareStatement(
                "INSERT INTO meeting_attendance (id, meeting_id, member_id, expected, can_vote,"
                    + " present, absence_reason, excluded_from_base, note) VALUES"
                    + " (?,?,?,TRUE,TRUE,?,?,FALSE,NULL)")) {
      for (int bi = 0; bi < branches.size(); bi++) {
        UUID branch = branches.get(bi);
        UUID town = townships.get(bi / BRANCHES_PER_TOWNSHIP);
        boolean signed = bi < BRANCHES_PER_TOWNSHIP; // the bench branch's township: MinHash
        List<UUID> members = bi == 0 ? benchMembers : randomMembers();
        List<Object[]> plan = yearPlan(bi);
        if (bi == 0) {
          for (int i = 0; i < EARLIER_RECORDS - plan.size(); i++) {
            plan.add(
                new Object[] {
                  i % 2 == 0 ? "COMMITTEE_MEETING" : "THEMED_PARTY_DAY",
                  LocalDate.of(2023, 1, 1).plusDays(i * 2L)
                });
          }
        }
        for (Object[] p : plan) {
          String type = (String) p[0];
          LocalDate day = (LocalDate) p[1];
          UUID id = UUID.randomUUID();
          LocalDateTime start = day.atTime(9 + random.nextInt(8), 0);
          int present = MEMBERS_PER_BRANCH - random.nextInt(4);
          String minutes = signed ? minutes() : "会议纪要";
          int k = 1;
          mt.setBytes(k++, bytes(id));
          mt.setBytes(k++, bytes(branch));
          mt.setString(k++, paths.get(branch));
          mt.setString(k++, paths.get(town));
          mt.setString(k++, type);
          mt.setString(k++, type + " " + day);
          mt.setObject(k++, start);
          mt.setObject(k++, start.plusMinutes(90));
          mt.setObject(k++, day);
          mt.setString(k++, minutes);
          mt.setInt(k++, MEMBERS_PER_BRANCH);
          mt.setInt(k++, present);
          mt.setInt(k++, MEMBERS_PER_BRANCH);
          mt.setBytes(k++, signed ? signature(minutes) : null);
          Timestamp ts = Timestamp.valueOf(start.plusHours(3));
          mt.setTimestamp(k++, ts);
          mt.setTimestamp(k++, ts);
          mt.setTimestamp(k++, ts);
          int month = day.getYear() * 100 + day.getMonthValue();
          mt.setInt(k++, month);
          mt.setTimestamp(k++, ts);
          mt.setTimestamp(k++, ts);
          mt.addBatch();
          meetings++;
          counts.computeIfAbsent(branch + "|" + type + "|" + month, x -> new int[1])[0]++;
          for (int i = 0; i < members.size(); i++) {
            at.setBytes(1, bytes(UUID.randomUUID()));
            at.setBytes(2, bytes(id));
            at.setBytes(3, bytes(members.get(i)));
            boolean here = i < present;
            at.setBoolean(4, here);
            at.setString(5, here ? null : (i % 2 == 0 ? "ILLNESS" : "WORK"));
            at.addBatch();
            attendance++;
          }
          if (meetings % 1000 == 0) {
            mt.executeBatch();
            at.executeBatch();
            c.commit();
          }
        }
      }
      mt.executeBatch();
      at.executeBatch();
      c.commit();
    }
    try (PreparedStatement cc =
        c.prepareStatement(
            "INSERT INTO compliance_count (org_id, meeting_type, period_month, org_path, held)"
                + " VALUES (?,?,?,?,?)")) {
      int n = 0;
      for (Map.Entry<String, int[]> e : counts.entrySet()) {
        String[] parts = e.getKey().split("\\|");
        UUID org = UUID.fromString(parts[0]);
        cc.setBytes(1, bytes(org));
        cc.setString(2, parts[1]);
        cc.setInt(3, Integer.parseInt(parts[2]));
        cc.setString(4, paths.get(org));
        cc.setInt(5, e.getValue()[0]);
        cc.addBatch();
        if (++n % 2000 == 0) {
          cc.executeBatch();
        }
      }
      cc.executeBatch();
      c.commit();
    }
    try (Statement s = c.createStatement()) {
      for (String t :
          List.of("proj_org", "proj_member", "meeting", "meeting_attendance", "compliance_count")) {
        s.execute("ANALYZE TABLE " + t);
      }
    }
    c.commit();
    report.line(
        "loaded %d orgs (%d branches), %d meetings, %d attendance rows, %d count rows in %d s",
        paths.size(),
        branches.size(),
        meetings,
        attendance,
        counts.size(),
        Duration.between(t0, Instant.now()).toSeconds());
  }

  /**
   * A branch's 2025: 25 支委会 (two a month, one extra), 15 主题党日, 4 党员大会, 4 党课, 1 组织生活会, 1 民主评议 = 50.
   * Every 37th branch has no 支委会 in one month (both moved to the next): a gap.
   */
  private List<Object[]> yearPlan(int bi) {
    List<Object[]> plan = new ArrayList<>();
    int gap = bi % 37 == 0 ? 1 + bi % 11 : -1;
    for (int m = 1; m <= 12; m++) {
      int target = m == gap ? m + 1 : m;
      plan.add(new Object[] {"COMMITTEE_MEETING", LocalDate.of(2025, target, 5)});
      plan.add(new Object[] {"COMMITTEE_MEETING", LocalDate.of(2025, target, 20)});
      plan.add(new Object[] {"THEMED_PARTY_DAY", LocalDate.of(2025, m, 15)});
    }
    plan.add(new Object[] {"COMMITTEE_MEETING", LocalDate.of(2025, 12, 28)});
    for (int q = 0; q < 4; q++) {
      plan.add(new Object[] {"BRANCH_GENERAL_MEETING", LocalDate.of(2025, q * 3 + 2, 10)});
      plan.add(new Object[] {"PARTY_LECTURE", LocalDate.of(2025, q * 3 + 3, 12)});
    }
    for (int i = 0; i < 3; i++) {
      plan.add(new Object[] {"THEMED_PARTY_DAY", LocalDate.of(2025, 3 + i * 3, 25)});
    }
    plan.add(new Object[] {"ORG_LIFE_MEETING", LocalDate.of(2025, 12, 10)});
    plan.add(new Object[] {"DEMOCRATIC_APPRAISAL", LocalDate.of(2025, 12, 11)});
    return plan;
  }

  private List<UUID> randomMembers() {
    List<UUID> l = new ArrayList<>(MEMBERS_PER_BRANCH);
    for (int i = 0; i < MEMBERS_PER_BRANCH; i++) {
      l.add(UUID.randomUUID());
    }
    return l;
  }

  private static final String[] PHRASES = {
    "传达学习上级党委文件精神",
    "研究发展党员工作",
    "讨论党员志愿服务安排",
    "开展批评与自我批评",
    "部署党费收缴工作",
    "学习党章党规",
    "交流学习体会",
    "确定入党积极分子培养联系人",
    "听取党小组工作汇报",
    "研究困难党员帮扶",
    "安排社区走访",
    "通报上月工作完成情况",
    "布置下月重点任务",
    "开展警示教育",
    "学习先进典型事迹",
    "讨论整改措施",
    "研究换届筹备工作",
    "组织专题研讨",
    "落实意识形态工作责任制",
    "检查三会一课落实情况"
  };

  private String minutes() {
    StringBuilder sb = new StringBuilder("会议由支部书记主持。");
    int n = 10 + random.nextInt(8);
    for (int i = 0; i < n; i++) {
      sb.append(PHRASES[random.nextInt(PHRASES.length)])
          .append("，")
          .append((char) ('甲' + random.nextInt(200)))
          .append("同志发言")
          .append(random.nextInt(100))
          .append("分钟。");
    }
    return sb.toString();
  }

  private void addOrg(
      PreparedStatement ps,
      UUID id,
      UUID parent,
      String name,
      String type,
      int depth,
      Timestamp now)
      throws SQLException {
    ps.setBytes(1, bytes(id));
    ps.setBytes(2, parent == null ? null : bytes(parent));
    ps.setString(3, name);
    ps.setString(4, type);
    ps.setString(5, paths.get(id));
    ps.setInt(6, depth);
    ps.setTimestamp(7, now);
    ps.addBatch();
  }

  // --- measure

  void measure(String name, String token, String url, int warmup, int count) throws Exception {
    for (int i = 0; i < warmup; i++) {
      get(token, url);
    }
    long[] nanos = new long[count];
    String sample = null;
    for (int i = 0; i < count; i++) {
      long t = System.nanoTime();
      sample = get(token, url);
      nanos[i] = System.nanoTime() - t;
    }
    row(name, nanos);
    report.line("  sample: %s", sample.length() > 300 ? sample.substring(0, 300) + "…" : sample);
  }

  /** Plans and records a meeting in branch 0 (not timed), then times its submit. */
  void submits(String token, int warmup, int count) throws Exception {
    long[] nanos = new long[count];
    LocalDateTime day =
        LocalDateTime.now(ZONE).minusDays(1).withHour(8).withMinute(0).withSecond(0).withNano(0);
    for (int i = -warmup; i < count; i++) {
      LocalDateTime start = day.minusMinutes(7L * (i + warmup));
      String planned =
          send(
              token,
              "POST",
              base + "/api/org-life/meetings",
              String.format(
                  "{\"orgId\":\"%s\",\"type\":\"THEMED_PARTY_DAY\",\"title\":\"bench\","
                      + "\"startsAt\":\"%s\",\"endsAt\":\"%s\"}",
                  branches.get(0), start, start.plusMinutes(5)),
              null);
      String id = field(planned, "id");
      String version = field(planned, "version");
      StringBuilder attendees = new StringBuilder();
      for (UUID m : benchMembers) {
        attendees.append(attendees.length() == 0 ? "" : ",").append('"').append(m).append('"');
      }
      String record =
          String.format(
              "{\"title\":\"bench\",\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"place\":\"活动室\","
                  + "\"hostMemberId\":\"%s\",\"recorderMemberId\":\"%s\",\"minutes\":\"%s\","
                  + "\"theme\":\"主题\",\"attendees\":[%s],\"absentees\":[]}",
              start,
              start.plusMinutes(5),
              benchMembers.get(0),
              benchMembers.get(1),
              minutes(),
              attendees);
      String recorded =
          send(token, "PUT", base + "/api/org-life/meetings/" + id + "/record", record, version);
      String v2 = field(recorded, "version");
      long t = System.nanoTime();
      send(token, "POST", base + "/api/org-life/meetings/" + id + "/submit", null, v2);
      long d = System.nanoTime() - t;
      if (i >= 0) {
        nanos[i] = d;
      }
    }
    row("submit (4 checks, MinHash vs ~1,700 earlier records of the branch and siblings)", nanos);
  }

  /**
   * The duplicate-minutes check alone, as FormalismChecker runs it on submit: the signature of the
   * new minutes, the signatures of the branch's and its siblings' earlier records (same SQL), and
   * the comparison.
   */
  void duplicateCheck(Connection c, int warmup, int count) throws SQLException {
    String parent = paths.get(townships.get(0));
    byte[] self = bytes(UUID.randomUUID());
    long[] nanos = new long[count];
    int compared = 0;
    for (int i = -warmup; i < count; i++) {
      String text = minutes();
      long t = System.nanoTime();
      byte[] sig = signature(text);
      double best = 0;
      compared = 0;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, org_id, held_on, minhash FROM meeting WHERE parent_path = ? AND held_on"
                  + " <= ? AND id <> ? AND minhash IS NOT NULL"
                  + " AND status IN ('SUBMITTED','RETURNED','APPROVED','ARCHIVED')"
                  + " ORDER BY held_on DESC LIMIT 2000")) {
        ps.setString(1, parent);
        ps.setObject(2, LocalDate.now(ZONE));
        ps.setBytes(3, self);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            compared++;
            best = Math.max(best, similarity(sig, rs.getBytes(4)));
          }
        }
      }
      long d = System.nanoTime() - t;
      if (i >= 0) {
        nanos[i] = d;
      }
    }
    row(
        "duplicate-minutes check alone (signature + fetch + compare " + compared + " records)",
        nanos);
  }

  static double similarity(byte[] a, byte[] b) {
    ByteBuffer x = ByteBuffer.wrap(a);
    ByteBuffer y = ByteBuffer.wrap(b);
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (x.getInt() == y.getInt()) {
        same++;
      }
    }
    return same / (double) HASHES;
  }

  private String get(String token, String url) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private String send(String token, String method, String url, String body, String ifMatch)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (ifMatch != null) {
      b.header("If-Match", "\"" + ifMatch + "\"");
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + url + " → " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  /** A top-level scalar field of a JSON object (ids, versions): enough for the bench. */
  static String field(String json, String name) {
    String key = "\"" + name + "\":";
    int i = json.lastIndexOf(key);
    int s = i + key.length();
    if (json.charAt(s) == '"') {
      return json.substring(s + 1, json.indexOf('"', s + 1));
    }
    int e = s;
    while (e < json.length() && (Character.isDigit(json.charAt(e)))) {
      e++;
    }
    return json.substring(s, e);
  }

  private void row(String name, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    report.line(
        "%-80s n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms",
        name,
        sorted.length,
        ms(pct(sorted, 0.50)),
        ms(pct(sorted, 0.95)),
        ms(pct(sorted, 0.99)),
        ms(sorted[sorted.length - 1]));
  }

  private static long pct(long[] sorted, double p) {
    int idx = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }

  private void waitReady(Process p, Duration timeout) throws Exception {
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "org-life-service exited; see bench/target/bench-results/org-life-service.log");
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("org-life-service not ready after " + timeout);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  // the service's MinHash (org-life-service formalism.MinHash), so loaded records compare alike
  private static final int HASHES = 128;
  private static final long[] SEEDS = new long[HASHES];

  static {
    long s = 0x5DEECE66DL;
    for (int i = 0; i < HASHES; i++) {
      s = mix(s + 0x9E3779B97F4A7C15L);
      SEEDS[i] = s;
    }
  }

  public static byte[] signature(String text) {
    StringBuilder sb = new StringBuilder();
    text.codePoints()
        .filter(Character::isLetterOrDigit)
        .map(Character::toLowerCase)
        .forEach(sb::appendCodePoint);
    int[] cps = sb.toString().codePoints().toArray();
    int[] mins = new int[HASHES];
    Arrays.fill(mins, -1);
    int shingles = Math.max(1, cps.length - 5 + 1);
    for (int start = 0; start < shingles; start++) {
      long h = 0xCBF29CE484222325L;
      for (int k = start; k < Math.min(cps.length, start + 5); k++) {
        h = (h ^ cps[k]) * 0x100000001B3L;
      }
      for (int i = 0; i < HASHES; i++) {
        int v = (int) (mix(h ^ SEEDS[i]) >>> 32);
        if (Integer.compareUnsigned(v, mins[i]) < 0) {
          mins[i] = v;
        }
      }
    }
    ByteBuffer out = ByteBuffer.allocate(HASHES * 4);
    for (int v : mins) {
      out.putInt(v);
    }
    return out.array();
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
