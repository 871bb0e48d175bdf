package cn.dangjian.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Moves the benchmark county's organs' working committee (≈500 branches, ≈10,000 members) to a
 * county in another city and back, {@code move-round-trips} times: over HTTP ({@code POST
 * /api/orgs/{id}/move} with If-Match, as platform-admin, timed end to end) and then as the bare SQL
 * the service runs (the floor). Every move is verified in the database: all orgs and members of the
 * subtree under the new prefix, none left under the old one.
 */
final class MoveBench {

  private final BenchSettings settings;
  private final ProvinceLoader loader;
  private final MemberScaleBench.Scenario scenario;
  private final UUID committee;
  private final UUID home;
  private final UUID away;
  private final long orgs;
  private final long members;

  MoveBench(BenchSettings settings, ProvinceLoader loader, MemberScaleBench.Scenario scenario) {
    this.settings = settings;
    this.loader = loader;
    this.scenario = scenario;
    this.committee = scenario.data.id("move_committee_id");
    this.home = scenario.data.id("bench_county_id");
    this.away = scenario.data.id("move_target_id");
    this.orgs = scenario.data.number("move_committee_orgs");
    this.members = scenario.data.number("move_committee_members");
  }

  void run(Report report) throws Exception {
    int trips = settings.moveRoundTrips();
    String what =
        String.format(
            Locale.ROOT,
            "%s (%,d orgs, %,d members) between %s and %s",
            scenario.data.meta().get("move_committee_name"),
            orgs,
            members,
            scenario.data.meta().get("bench_county_name"),
            scenario.data.meta().get("move_target_name"));
    System.out.println("-- subtree move: " + what + ", " + trips + " round trips");
    try (Connection c = loader.schema()) {
      UUID parent = parentOf(c);
      if (!parent.equals(home)) {
        System.out.println(
            "   (an earlier run left the subtree away: moving it home by SQL first)");
        sqlMove(c, home);
      }
    }
    report.moveLines.add("subtree move: " + what + ":");
    report.moveMarkdown.add("\nSubtree move: " + what + ".\n");
    report.moveMarkdown.add("| how | moves | each, s | worst s |");
    report.moveMarkdown.add("|---|---|---|---|");

    List<Double> http = httpMoves(trips, report);
    if (http != null) {
      double worst = http.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
      report.httpMoveWorstSeconds = worst;
      row(report, "HTTP POST /api/orgs/{id}/move (end to end)", http);
    }
    List<Double> sql = new ArrayList<>();
    List<String> detail = new ArrayList<>();
    try (Connection c = loader.schema()) {
      for (int i = 0; i < trips; i++) {
        for (UUID target : List.of(away, home)) {
          double[] t = sqlMove(c, target);
          sql.add(t[3]);
          detail.add(String.format(Locale.ROOT, "%.0f+%.0f+%.0f ms", t[0], t[1], t[2]));
          verify(c, target);
        }
      }
    }
    row(report, "the same 3 UPDATEs over JDBC, one transaction (floor)", sql);
    String split =
        "     statements (parent, org paths, member paths): " + String.join(", ", detail);
    System.out.println(split);
    report.moveLines.add(split);
  }

  private void row(Report report, String how, List<Double> seconds) {
    List<String> each = new ArrayList<>();
    for (double s : seconds) {
      each.add(String.format(Locale.ROOT, "%.2f", s));
    }
    double worst = seconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    String line =
        String.format(
            Locale.ROOT, "  %-56s %s s (worst %.2f s)", how, String.join(", ", each), worst);
    System.out.println("  " + line);
    report.moveLines.add(line);
    report.moveMarkdown.add(
        String.format(
            Locale.ROOT,
            "| %s | %d | %s | **%.2f** |",
            how,
            seconds.size(),
            String.join(", ", each),
            worst));
  }

  /** Null when the endpoint is not there (404/405 from the framework). */
  private List<Double> httpMoves(int trips, Report report) throws Exception {
    List<Double> seconds = new ArrayList<>();
    HttpLoad http = scenario.http;
    for (int i = 0; i < trips; i++) {
      for (UUID target : List.of(away, home)) {
        HttpResponse<String> current =
            http.send(http.request("/api/orgs/" + committee, scenario.adminToken).build());
        String etag = current.headers().firstValue("ETag").orElse("\"0\"");
        HttpRequest move =
            http.request("/api/orgs/" + committee + "/move", scenario.adminToken)
                .header("Content-Type", "application/json")
                .header("If-Match", etag)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString("{\"newParentId\":\"" + target + "\"}"))
                .build();
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(move);
        double s = (System.nanoTime() - t0) / 1e9;
        if (response.statusCode() == 404 || response.statusCode() == 405) {
          String msg =
              "  HTTP move SKIPPED: POST /api/orgs/{id}/move answered "
                  + response.statusCode()
                  + " (endpoint not there yet?): "
                  + HttpLoad.abbreviate(response.body());
          System.out.println("  " + msg);
          report.moveLines.add(msg);
          report.moveMarkdown.add("| HTTP move | skipped: " + response.statusCode() + " | | |");
          return null;
        }
        if (response.statusCode() != 200) {
          throw new IllegalStateException(
              "POST /api/orgs/{id}/move answered "
                  + response.statusCode()
                  + ": "
                  + HttpLoad.abbreviate(response.body()));
        }
        seconds.add(s);
        try (Connection c = loader.schema()) {
          verify(c, target);
          if (i == 0 && target.equals(away)) {
            clockCheck(c, report);
          }
        }
      }
    }
    return seconds;
  }

  /** Whether updated_at written by the move agrees with the UTC that Hibernate writes. */
  private void clockCheck(Connection c, Report report) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(6), updated_at) FROM org_unit WHERE id = ?")) {
      ps.setBytes(1, UuidV7s.bytes(committee));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long skew = rs.getLong(1);
        if (Math.abs(skew) > 300) {
          String msg =
              String.format(
                  Locale.ROOT,
                  "  NOTE: the moved org's updated_at is %+.1f h from UTC (Hibernate stores UTC):"
                      + " the move's JdbcTemplate Timestamp is bound in the JVM zone",
                  skew / 3600.0);
          System.out.println("  " + msg);
          report.moveLines.add(msg);
        }
      }
    }
  }

  private UUID parentOf(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT parent_id FROM org_unit WHERE id = ?")) {
      ps.setBytes(1, UuidV7s.bytes(committee));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return UuidV7s.fromBytes(rs.getBytes(1));
      }
    }
  }

  /** The service's three statements in one transaction; returns their ms and the total in s. */
  private double[] sqlMove(Connection c, UUID target) throws Exception {
    String oldPath = MemberScaleBench.Scenario.pathOf(c, committee);
    String parentPath = MemberScaleBench.Scenario.pathOf(c, target);
    String newPath = parentPath + committee + "/";
    int depthDelta =
        (int)
            (newPath.chars().filter(ch -> ch == '/').count()
                - oldPath.chars().filter(ch -> ch == '/').count());
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      long t0 = System.nanoTime();
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE org_unit SET parent_id = ?, version = version + 1, updated_at = ?"
                  + " WHERE id = ?")) {
        ps.setBytes(1, UuidV7s.bytes(target));
        ps.setTimestamp(2, Timestamp.from(java.time.Instant.now()));
        ps.setBytes(3, UuidV7s.bytes(committee));
        ps.executeUpdate();
      }
      long t1 = System.nanoTime();
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE org_unit SET path = CONCAT(?, SUBSTRING(path, ?)), depth = depth + ?"
                  + " WHERE path LIKE CONCAT(?, '%')")) {
        ps.setString(1, newPath);
        ps.setInt(2, oldPath.length() + 1);
        ps.setInt(3, depthDelta);
        ps.setString(4, oldPath);
        ps.executeUpdate();
      }
      long t2 = System.nanoTime();
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE member SET org_path = CONCAT(?, SUBSTRING(org_path, ?))"
                  + " WHERE org_path LIKE CONCAT(?, '%')")) {
        ps.setString(1, newPath);
        ps.setInt(2, oldPath.length() + 1);
        ps.setString(3, oldPath);
        ps.executeUpdate();
      }
      long t3 = System.nanoTime();
      c.commit();
      long t4 = System.nanoTime();
      return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t0) / 1e9};
    } catch (Exception e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private void verify(Connection c, UUID target) throws Exception {
    String parentPath = MemberScaleBench.Scenario.pathOf(c, target);
    String path = MemberScaleBench.Scenario.pathOf(c, committee);
    if (!path.equals(parentPath + committee + "/")) {
      throw new IllegalStateException("after the move the committee's path is " + path);
    }
    long o = count(c, "SELECT COUNT(*) FROM org_unit WHERE path LIKE ?", path + "%");
    long m = count(c, "SELECT COUNT(*) FROM member WHERE org_path LIKE ?", path + "%");
    if (o != orgs || m != members) {
      throw new IllegalStateException(
          "after the move "
              + o
              + " orgs and "
              + m
              + " members are under "
              + path
              + ", expected "
              + orgs
              + " and "
              + members);
    }
    UUID other = target.equals(home) ? away : home;
    String stale = MemberScaleBench.Scenario.pathOf(c, other) + committee + "/%";
    long left =
        count(c, "SELECT COUNT(*) FROM org_unit WHERE path LIKE ?", stale)
            + count(c, "SELECT COUNT(*) FROM member WHERE org_path LIKE ?", stale);
    if (left != 0) {
      throw new IllegalStateException(left + " rows still under the old path " + stale);
    }
  }

  private static long count(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
