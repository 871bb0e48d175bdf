package cn.dangjian.bench.assessment;

import static cn.dangjian.bench.UuidV7s.bytes;

import cn.dangjian.bench.BenchLog;
import cn.dangjian.bench.ServiceProcess;
import cn.dangjian.events.Topics;
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
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * assessment-service at province scale (issue 7): an annual cycle for 50,000 branches (5 members
 * each, a year of approved meetings, dues, training hours, development steps, alerts and tasks as
 * the consumers would have stored them), scored against an indicator system of six automatic and
 * one manual indicator plus 述职评议 ballots. Measures, through the service's HTTP API: opening the
 * cycle (50,000 orgs from the projection), the automatic scores, the combined score with ranking,
 * grades, bottom band and 整改清单 (the "< 30 s"), one results page, and the publication (one
 * outbox event per org).
 *
 * <p>Run from the repository root after {@code ./mvnw -B -Pbench -pl assessment-service,bench -am
 * -DskipTests package}: {@code java -cp "bench/target/classes:$(cat bench/target/cp.txt)"
 * cn.dangjian.bench.assessment.AssessmentBench [branches=50000]}.
 */
public final class AssessmentBench {

  static final int YEAR = 2025;
  static final int MEMBERS_PER_BRANCH = 5;
  static final int BRANCHES_PER_TOWNSHIP = 100;

  private final int branches;
  private final SplittableRandom random = new SplittableRandom(20261201);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final BenchLog report = new BenchLog();
  private UUID province;
  private final List<UUID> branchIds = new ArrayList<>();
  private final List<String> branchPaths = new ArrayList<>();

  private long sequence = System.currentTimeMillis() << 16;

  /** Time-ordered ids (like the services' UUIDv7): inserts append to the primary keys. */
  private UUID next() {
    return new UUID(sequence++, random.nextLong());
  }

  AssessmentBench(int branches) {
    this.branches = branches;
  }

  public static void main(String[] args) throws Exception {
    int branches = 50_000;
    for (String arg : args) {
      if (arg.startsWith("branches=")) {
        branches = Integer.parseInt(arg.substring("branches=".length()));
      }
    }
    new AssessmentBench(branches).run();
  }

  void run() throws Exception {
    Path out = Path.of("bench/target/bench-results");
    Files.createDirectories(out);
    Path jar = out.resolve("assessment-service-under-test.jar");
    Files.copy(
        Path.of("assessment-service/target/assessment-service.jar"),
        jar,
        StandardCopyOption.REPLACE_EXISTING);
    String url = TestDatabase.fresh("assessment_bench") + "?rewriteBatchedStatements=true";
    report.line("== assessment-service at province scale (issue 7): %,d branches", branches);
    report.line(
        "   machine: %d cores, %s, JVM %s",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("java.version"));
    try (FakeKeycloak keycloak = FakeKeycloak.start()) {
      TestKafka kafka =
          TestKafka.shared(
              Topics.MEMBER_EVENTS,
              Topics.DUES_EVENTS,
              Topics.ORGLIFE_EVENTS,
              Topics.ALERT_EVENTS,
              Topics.ASSESSMENT_EVENTS);
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("spring.datasource.url", url);
      properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
      properties.put("logging.level.root", "WARN");
      properties.put("logging.structured.format.console", "");
      properties.putAll(keycloak.resourceServerProperties());
      List<String> jvm = Arrays.asList("-Xms768m", "-Xmx768m", "-XX:+UseSerialGC");
      Map<String, String> env =
          Map.of(
              "SPRING_DATASOURCE_USERNAME",
              TestDatabase.user(),
              "SPRING_DATASOURCE_PASSWORD",
              TestDatabase.password());
      try (ServiceProcess service =
          ServiceProcess.start(
              jar,
              out.resolve("assessment-service.log"),
              jvm,
              properties,
              env,
              Duration.ofMinutes(3))) {
        report.line(
            "   service ready in %.1f s, JVM %s", service.startTime().toMillis() / 1000.0, jvm);
        Instant t0 = Instant.now();
        try (Connection c =
            DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
          c.setAutoCommit(false);
          load(c);
        }
        report.line("-- loaded in %.1f s", secondsSince(t0));
        String admin = keycloak.token().roles("platform-admin").username("bench-admin").build();
        String base = service.baseUrl();
        String version = indicatorVersion(base, admin);
        Timed open =
            timed(
                () ->
                    send(
                        admin,
                        "POST",
                        base + "/api/assessments/cycles",
                        "{\"name\":\"全省"
                            + YEAR
                            + "年度基层党建考核\",\"kind\":\"ANNUAL\",\"year\":"
                            + YEAR
                            + ",\"rootOrgId\":\""
                            + province
                            + "\",\"indicatorVersionId\":\""
                            + version
                            + "\"}",
                        null));
        String cycle = field(open.body(), "id");
        report.line(
            "   open the cycle (%s orgs): %.2f s", field(open.body(), "orgCount"), open.seconds());
        try (Connection c =
            DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
          c.setAutoCommit(false);
          manualScoresAndBallots(c, cycle);
        }
        Timed auto =
            timed(
                () ->
                    send(
                        admin,
                        "POST",
                        base
                            + "/api/assessments/cycles/"
                            + cycle
                            + "/automatic-scores?asOf="
                            + (YEAR + 1)
                            + "-01-15",
                        "",
                        null));
        Timed compute =
            timed(
                () ->
                    send(
                        admin,
                        "POST",
                        base + "/api/assessments/cycles/" + cycle + "/compute",
                        "",
                        etag(base, admin, cycle)));
        report.line("");
        report.line("| step (one annual cycle, %,d branches) | seconds |", branches);
        report.line("|---|---|");
        report.line(
            "| automatic scores: 6 indicators × %,d orgs (POST …/automatic-scores) | %.2f |",
            branches, auto.seconds());
        report.line(
            "| combined score, ranks, percentiles, grades, stars, bottom band, 整改清单 (POST"
                + " …/compute) | %.2f |",
            compute.seconds());
        report.line(
            "| **scoring + ranking** | **%.2f** (target < 30) |",
            auto.seconds() + compute.seconds());
        Timed page =
            timed(
                () ->
                    send(
                        admin,
                        "GET",
                        base + "/api/assessments/cycles/" + cycle + "/results?page=200&size=50",
                        null,
                        null));
        report.line("| one results page (page 200 of 50) | %.3f |", page.seconds());
        Timed publish =
            timed(
                () ->
                    send(
                        admin,
                        "POST",
                        base + "/api/assessments/cycles/" + cycle + "/publish",
                        "",
                        etag(base, admin, cycle)));
        report.line(
            "| publish: %,d cycle-published events into the outbox (POST …/publish) | %.2f |",
            branches, publish.seconds());
        try (Connection c =
            DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
          summary(c, cycle);
        }
      }
      kafka.stop();
    }
    Files.writeString(out.resolve("assessment.md"), report.toString());
    System.out.println("\nwritten to " + out.resolve("assessment.md"));
  }

  // --- load: what the consumers and the projection would have stored

  private void load(Connection c) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    province = next();
    String provincePath = "/" + province + "/";
    int townships = (branches + BRANCHES_PER_TOWNSHIP - 1) / BRANCHES_PER_TOWNSHIP;
    try (PreparedStatement org =
        c.prepareStatement(
            "INSERT INTO proj_org (org_id, parent_id, name, org_type, path, depth, dissolved,"
                + " updated_at) VALUES (?,?,?,?,?,?,FALSE,?)")) {
      addOrg(org, province, null, "省委", "PARTY_COMMITTEE", provincePath, 1, now);
      int made = 0;
      for (int t = 0; t < townships; t++) {
        UUID town = next();
        String townPath = provincePath + town + "/";
        addOrg(org, town, province, "乡镇党委" + t, "PARTY_COMMITTEE", townPath, 2, now);
        for (int b = 0; b < BRANCHES_PER_TOWNSHIP && made < branches; b++, made++) {
          UUID branch = next();
          String path = townPath + branch + "/";
          branchIds.add(branch);
          branchPaths.add(path);
          addOrg(org, branch, town, "第" + b + "党支部", "BRANCH", path, 3, now);
        }
        if (t % 50 == 0) {
          org.executeBatch();
        }
      }
      org.executeBatch();
    }
    c.commit();
    long members = 0;
    long meetings = 0;
    long dues = 0;
    try (PreparedStatement m =
            c.prepareStatement(
                "INSERT INTO proj_member (member_id, org_id, org_path, stage, status,"
                    + " dues_category, join_date, full_member_date, flags, status_since,"
                    + " org_since, updated_at) VALUES (?,?,?,'FULL','ACTIVE','EMPLOYED',"
                    + "'2010-07-01','2011-07-01','','2010-07-01','2010-07-01',?)");
        PreparedStatement meeting =
            c.prepareStatement(
                "INSERT INTO src_meeting (meeting_id, org_id, meeting_type, held_on, counted,"
                    + " record_version) VALUES (?,?,?,?,TRUE,0)");
        PreparedStatement paid =
            c.prepareStatement(
                "INSERT INTO src_dues_month (member_id, pay_month, org_id, payment_id, paid_on,"
                    + " on_time) VALUES (?,?,?,?,?,TRUE)");
        PreparedStatement training =
            c.prepareStatement(
                "INSERT INTO src_training (member_id, credit_year, org_id, hours) VALUES"
                    + " (?,?,?,?)");
        PreparedStatement step =
            c.prepareStatement(
                "INSERT INTO src_dev_step (member_id, step_number, org_id, step, due_on, done_on)"
                    + " VALUES (?,?,?,'TALK',?,?)");
        PreparedStatement alert =
            c.prepareStatement(
                "INSERT INTO src_alert (alert_id, org_id, deadline, status, raised_on, closed_on)"
                    + " VALUES (?,?,?,?,?,?)");
        PreparedStatement task =
            c.prepareStatement(
                "INSERT INTO resp_task (id, goal_id, org_id, org_path, title, owner_org_id,"
                    + " owner_name, deadline, progress, status, completed_on, row_version,"
                    + " created_by, created_at) VALUES (?,?,?,?,'支部标准化建设',?,'支部书记',?,?,?,?,0,"
                    + "'bench',?)")) {
      UUID goal = next();
      for (int i = 0; i < branchIds.size(); i++) {
        UUID branch = branchIds.get(i);
        byte[] b = bytes(branch);
        // each branch has its own diligence: how likely it holds a meeting or pays a month
        double diligence = 0.5 + 0.5 * random.nextDouble();
        for (int k = 0; k < MEMBERS_PER_BRANCH; k++) {
          UUID member = next();
          byte[] mb = bytes(member);
          m.setBytes(1, mb);
          m.setBytes(2, b);
          m.setString(3, branchPaths.get(i));
          m.setTimestamp(4, now);
          m.addBatch();
          members++;
          for (int month = 1; month <= 12; month++) {
            if (random.nextDouble() < diligence) {
              paid.setBytes(1, mb);
              paid.setString(2, String.format(Locale.ROOT, "%d-%02d", YEAR, month));
              paid.setBytes(3, b);
              paid.setBytes(4, bytes(next()));
              paid.setDate(5, Date.valueOf(LocalDate.of(YEAR, month, 5)));
              paid.addBatch();
              dues++;
            }
          }
          training.setBytes(1, mb);
          training.setInt(2, YEAR);
          training.setBytes(3, b);
          training.setBigDecimal(4, java.math.BigDecimal.valueOf(random.nextInt(10, 60)));
          training.addBatch();
        }
        for (int month = 1; month <= 12; month++) {
          for (String type : new String[] {"COMMITTEE_MEETING", "THEMED_PARTY_DAY"}) {
            if (random.nextDouble() < diligence) {
              addMeeting(meeting, b, type, LocalDate.of(YEAR, month, 10));
              meetings++;
            }
          }
          if (month % 3 == 0) {
            for (String type : new String[] {"BRANCH_GENERAL_MEETING", "PARTY_LECTURE"}) {
              if (random.nextDouble() < diligence) {
                addMeeting(meeting, b, type, LocalDate.of(YEAR, month, 20));
                meetings++;
              }
            }
          }
        }
        LocalDate due = LocalDate.of(YEAR, 1 + random.nextInt(12), 15);
        step.setBytes(1, bytes(next()));
        step.setInt(2, 2);
        step.setBytes(3, b);
        step.setDate(4, Date.valueOf(due));
        step.setDate(5, Date.valueOf(due.plusDays(random.nextInt(-20, 20))));
        step.addBatch();
        LocalDate deadline = LocalDate.of(YEAR, 1 + random.nextInt(12), 1);
        boolean closed = random.nextDouble() < diligence;
        alert.setBytes(1, bytes(next()));
        alert.setBytes(2, b);
        alert.setDate(3, Date.valueOf(deadline));
        alert.setString(4, closed ? "CLOSED" : "OPEN");
        alert.setDate(5, Date.valueOf(deadline.minusDays(30)));
        alert.setDate(6, closed ? Date.valueOf(deadline.minusDays(random.nextInt(-5, 20))) : null);
        alert.addBatch();
        boolean done = random.nextDouble() < diligence;
        task.setBytes(1, bytes(next()));
        task.setBytes(2, bytes(goal));
        task.setBytes(3, b);
        task.setString(4, branchPaths.get(i));
        task.setBytes(5, b);
        task.setDate(6, Date.valueOf(deadline));
        task.setInt(7, done ? 100 : 40);
        task.setString(8, done ? "DONE" : "OPEN");
        task.setDate(9, done ? Date.valueOf(deadline.minusDays(3)) : null);
        task.setTimestamp(10, now);
        task.addBatch();
        if (i % 500 == 499) {
          for (PreparedStatement s : List.of(m, meeting, paid, training, step, alert, task)) {
            s.executeBatch();
          }
          c.commit();
        }
      }
      for (PreparedStatement s : List.of(m, meeting, paid, training, step, alert, task)) {
        s.executeBatch();
      }
      c.commit();
    }
    report.line(
        "   data: %,d branches, %,d members, %,d approved meetings, %,d paid member-months,"
            + " %,d training, %,d development steps, %,d alerts, %,d tasks",
        branchIds.size(),
        members,
        meetings,
        dues,
        members,
        branchIds.size(),
        branchIds.size(),
        branchIds.size());
    try (Statement s = c.createStatement()) {
      for (String table :
          List.of("proj_org", "proj_member", "src_meeting", "src_dues_month", "src_training")) {
        s.execute("ANALYZE TABLE " + table);
      }
    }
    c.commit();
  }

  private void addMeeting(PreparedStatement meeting, byte[] org, String type, LocalDate day)
      throws SQLException {
    meeting.setBytes(1, bytes(next()));
    meeting.setBytes(2, org);
    meeting.setString(3, type);
    meeting.setDate(4, Date.valueOf(day));
    meeting.addBatch();
  }

  private static void addOrg(
      PreparedStatement org,
      UUID id,
      UUID parent,
      String name,
      String type,
      String path,
      int depth,
      Timestamp now)
      throws SQLException {
    org.setBytes(1, bytes(id));
    org.setBytes(2, parent == null ? null : bytes(parent));
    org.setString(3, name);
    org.setString(4, type);
    org.setString(5, path);
    org.setInt(6, depth);
    org.setTimestamp(7, now);
    org.addBatch();
  }

  /** The manual indicator's scores and the ballots, as scorers would have entered them. */
  private void manualScoresAndBallots(Connection c, String cycle) throws SQLException {
    Instant t0 = Instant.now();
    byte[] cycleId = bytes(UUID.fromString(cycle));
    byte[] manual;
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT i.id FROM indicator i JOIN assessment_cycle c ON c.version_id = i.version_id"
                + " WHERE c.id = ? AND i.method = 'MANUAL'")) {
      q.setBytes(1, cycleId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        manual = rs.getBytes(1);
      }
    }
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement score =
            c.prepareStatement(
                "INSERT INTO score_entry (cycle_id, org_id, indicator_id, points, evidence,"
                    + " origin, scored_by, scored_at) VALUES (?,?,?,?,'现场查阅台账','MANUAL',"
                    + "'bench',?)");
        PreparedStatement ballot =
            c.prepareStatement(
                "INSERT INTO duty_ballot (cycle_id, org_id, good, fairly_good, average, poor,"
                    + " ballot_score, entered_by, entered_at) VALUES (?,?,?,?,?,?,?,'bench',?)")) {
      for (int i = 0; i < branchIds.size(); i++) {
        byte[] org = bytes(branchIds.get(i));
        score.setBytes(1, cycleId);
        score.setBytes(2, org);
        score.setBytes(3, manual);
        score.setBigDecimal(4, java.math.BigDecimal.valueOf(random.nextInt(3, 11)));
        score.setTimestamp(5, now);
        score.addBatch();
        int good = random.nextInt(0, 20);
        int fairly = random.nextInt(0, 10);
        int average = random.nextInt(0, 5);
        int poor = random.nextInt(0, 3) + (good == 0 ? 1 : 0);
        int total = good + fairly + average + poor;
        ballot.setBytes(1, cycleId);
        ballot.setBytes(2, org);
        ballot.setInt(3, good);
        ballot.setInt(4, fairly);
        ballot.setInt(5, average);
        ballot.setInt(6, poor);
        ballot.setBigDecimal(
            7,
            java.math.BigDecimal.valueOf((100.0 * good + 80.0 * fairly + 60.0 * average) / total)
                .setScale(2, java.math.RoundingMode.HALF_UP));
        ballot.setTimestamp(8, now);
        ballot.addBatch();
        if (i % 2000 == 1999) {
          score.executeBatch();
          ballot.executeBatch();
        }
      }
      score.executeBatch();
      ballot.executeBatch();
    }
    c.commit();
    report.line(
        "   manual scores and ballots for %,d orgs loaded in %.1f s",
        branchIds.size(), secondsSince(t0));
  }

  private void summary(Connection c, String cycle) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT COUNT(*), SUM(weak_candidate), MIN(combined), AVG(combined), MAX(combined),"
                + " SUM(grade = 'GOOD'), SUM(grade = 'FAIRLY_GOOD'), SUM(grade = 'AVERAGE'),"
                + " SUM(grade = 'POOR') FROM cycle_result WHERE cycle_id = ?")) {
      q.setBytes(1, bytes(UUID.fromString(cycle)));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        report.line("");
        report.line(
            "   results: %,d orgs ranked, %,d in the bottom band; combined min %.2f / avg %.2f /"
                + " max %.2f; 好 %,d, 较好 %,d, 一般 %,d, 差 %,d",
            rs.getLong(1),
            rs.getLong(2),
            rs.getDouble(3),
            rs.getDouble(4),
            rs.getDouble(5),
            rs.getLong(6),
            rs.getLong(7),
            rs.getLong(8),
            rs.getLong(9));
      }
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT COUNT(*) FROM event_publication WHERE event_type LIKE '%EventEnvelope%'")) {
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        report.line("   outbox publications after publish: %,d", rs.getLong(1));
      }
    }
  }

  // --- HTTP

  private String indicatorVersion(String base, String admin) throws Exception {
    String system =
        send(
                admin,
                "POST",
                base + "/api/assessments/indicator-systems",
                "{\"ownerOrgId\":\"" + province + "\",\"name\":\"基层党建考核\",\"year\":" + YEAR + "}",
                null)
            .body();
    Matcher m = Pattern.compile("\"versions\":\\[\\{\"id\":\"([^\"]+)\"").matcher(system);
    if (!m.find()) {
      throw new IllegalStateException(system);
    }
    String version = m.group(1);
    String tree =
        "{\"indicators\":["
            + leaf("meetings", "三会一课", 30, "MEETING_COMPLIANCE")
            + ","
            + leaf("dues", "党费收缴", 15, "DUES_COLLECTION")
            + ","
            + leaf("training", "学时达标", 15, "TRAINING_COMPLETION")
            + ","
            + leaf("development", "发展党员及时", 10, "DEVELOPMENT_TIMELINESS")
            + ","
            + leaf("rectification", "预警整改及时", 10, "RECTIFICATION_TIMELINESS")
            + ","
            + leaf("tasks", "责任清单完成", 10, "TASK_COMPLETION")
            + ",{\"code\":\"impact\",\"name\":\"作用发挥\",\"kind\":\"BASE\",\"weight\":10,"
            + "\"method\":\"MANUAL\",\"scorer\":\"DEPARTMENT\"}]}";
    HttpResponse<String> v =
        send(admin, "GET", base + "/api/assessments/indicator-versions/" + version, null, null);
    HttpResponse<String> replaced =
        send(
            admin,
            "PUT",
            base + "/api/assessments/indicator-versions/" + version + "/indicators",
            tree,
            v.headers().firstValue("ETag").orElseThrow());
    send(
        admin,
        "POST",
        base + "/api/assessments/indicator-versions/" + version + "/publish",
        "",
        replaced.headers().firstValue("ETag").orElseThrow());
    return version;
  }

  private static String leaf(String code, String name, int weight, String source) {
    return "{\"code\":\""
        + code
        + "\",\"name\":\""
        + name
        + "\",\"kind\":\"BASE\",\"weight\":"
        + weight
        + ",\"method\":\"AUTOMATIC\",\"source\":\""
        + source
        + "\"}";
  }

  private String etag(String base, String admin, String cycle) throws Exception {
    return send(admin, "GET", base + "/api/assessments/cycles/" + cycle, null, null)
        .headers()
        .firstValue("ETag")
        .orElseThrow();
  }

  private HttpResponse<String> send(
      String token, String method, String url, String body, String ifMatch) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofMinutes(10))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json");
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + url + " → " + response.statusCode() + " " + response.body());
    }
    if (response.statusCode() == 202) {
      // a job: the step is done when the job is (its result is what the call answered before)
      System.out.printf(
          "   %s %s: 202 in %.0f ms%n", method, url, (System.nanoTime() - start) / 1e6);
      URI job = URI.create(url).resolve(response.headers().firstValue("Location").orElseThrow());
      while (true) {
        HttpResponse<String> read =
            http.send(
                HttpRequest.newBuilder(job).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (read.body().contains("\"status\":\"SUCCEEDED\"")) {
          return read;
        }
        if (!read.body().contains("\"status\":\"QUEUED\"")
            && !read.body().contains("\"status\":\"RUNNING\"")) {
          throw new IllegalStateException(method + " " + url + " → job " + read.body());
        }
        Thread.sleep(100);
      }
    }
    return response;
  }

  private record Timed(HttpResponse<String> response, double seconds) {
    String body() {
      return response.body();
    }
  }

  private interface Call {
    HttpResponse<String> call() throws Exception;
  }

  private static Timed timed(Call call) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r = call.call();
    return new Timed(r, (System.nanoTime() - t0) / 1e9);
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException(name + " not in " + json);
    }
    return m.group(1);
  }

  private static double secondsSince(Instant t0) {
    return Duration.between(t0, Instant.now()).toMillis() / 1000.0;
  }
}
