package cn.dangjian.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The two statements behind {@code GET /api/members?orgId=…&status=…}, exactly as Hibernate 7
 * renders {@code MemberRepository#search} for MySQL (captured with {@code --show-sql}), timed
 * directly over JDBC (client-side prepared statements, as the service's Connector/J uses them) and
 * explained with MariaDB's {@code ANALYZE}, which runs the statement and reports real row counts.
 * This separates database time from the rest of the request.
 */
final class SqlProbe {

  static final String WHERE =
      " where (? is null or m1_0.org_path like replace(concat(?,'%'),'\\\\','\\\\\\\\'))"
          + " and (? is null or m1_0.id=?) and (? is null or m1_0.stage=?)"
          + " and (? is null or m1_0.status=?) and (? is null or m1_0.dues_category=?)"
          + " and (? is null or m1_0.name like replace(concat(?,'%'),'\\\\','\\\\\\\\'))"
          + " and (? is null or m1_0.id_number_hash=?)";
  static final String PAGE =
      "select m1_0.id,m1_0.birth_date,m1_0.created_at,m1_0.dues_category,m1_0.education,"
          + "m1_0.ethnicity,m1_0.full_member_date,m1_0.gender,m1_0.id_number_cipher,"
          + "m1_0.id_number_hash,m1_0.join_date,m1_0.name,m1_0.org_id,m1_0.org_path,"
          + "m1_0.phone_cipher,m1_0.phone_hash,m1_0.stage,m1_0.status,m1_0.status_since,"
          + "m1_0.updated_at,m1_0.version,m1_0.workplace from member m1_0"
          + WHERE
          + " order by m1_0.id limit ?,?";
  static final String COUNT = "select count(*) from member m1_0" + WHERE;

  /**
   * The proposal: page the ids alone (an index-only range scan of the scope index plus a sort of
   * ids; the hint stops MariaDB from walking the primary key in id order and reading every row
   * until the offset is reached), then load those rows by primary key.
   */
  static final String IDS =
      "select m1_0.id from member m1_0 ignore index for order by (primary)"
          + WHERE
          + " order by m1_0.id limit ?,?";

  static final String BY_IDS =
      PAGE.substring(0, PAGE.indexOf(" where ")) + " where m1_0.id in (%s) order by m1_0.id";

  private final BenchSettings settings;
  private final ProvinceLoader loader;
  private final MemberScaleBench.Scenario scenario;

  SqlProbe(BenchSettings settings, ProvinceLoader loader, MemberScaleBench.Scenario scenario) {
    this.settings = settings;
    this.loader = loader;
    this.scenario = scenario;
  }

  void run(Report report) throws Exception {
    int n = Math.max(50, settings.requests() / 10);
    System.out.println("-- SQL behind the county list, timed over JDBC (" + n + " each)");
    report.sqlLines.add("SQL behind the county list (JDBC, no HTTP), up to " + n + " runs each:");
    report.sqlMarkdown.add(
        "Database time of the statements behind the county list (JDBC, same SQL as Hibernate,"
            + " random pages 0.."
            + settings.maxPage()
            + " unless noted):\n");
    report.sqlMarkdown.add("| statement | n | p50 ms | p99 ms | max ms |");
    report.sqlMarkdown.add("|---|---|---|---|---|");
    try (Connection c = loader.schema()) {
      SplittableRandom random = new SplittableRandom(29);
      long[] page = new long[n];
      long[] count = new long[n];
      long[] ids = new long[n];
      long deadline = System.nanoTime() + settings.phaseLimit().toNanos();
      int done = 0;
      for (int i = -10; i < n && System.nanoTime() < deadline; i++) {
        int p = random.nextInt(settings.maxPage() + 1);
        long t0 = System.nanoTime();
        runQuery(c, PAGE, p, true);
        long t1 = System.nanoTime();
        runQuery(c, COUNT, p, false);
        long t2 = System.nanoTime();
        byIds(c, p);
        long t3 = System.nanoTime();
        if (i >= 0) {
          page[i] = t1 - t0;
          count[i] = t2 - t1;
          ids[i] = t3 - t2;
          done++;
        }
      }
      add(
          report,
          LatencyStats.of(
              "page query as issued (order by id limit ?,?)", 1, page, done, 0, 0, null));
      add(report, LatencyStats.of("count query (page total)", 1, count, done, 0, 0, null));
      add(
          report,
          LatencyStats.of(
              "proposal: id page via scope index, then rows by id", 1, ids, done, 0, 0, null));

      // The last page of the county: what a deep page costs with each shape (5 runs each).
      long total = scenario.countFiltered();
      int last = (int) Math.max(0, (total - 1) / settings.pageSize());
      long[] deepPage = new long[5];
      long[] deepIds = new long[5];
      for (int i = 0; i < 5; i++) {
        long t0 = System.nanoTime();
        runQuery(c, PAGE, last, true);
        long t1 = System.nanoTime();
        byIds(c, last);
        deepPage[i] = t1 - t0;
        deepIds[i] = System.nanoTime() - t1;
      }
      add(
          report,
          LatencyStats.of(
              "page query as issued, last page (" + last + ")", 1, deepPage, 5, 0, 0, null));
      add(report, LatencyStats.of("proposal, last page (" + last + ")", 1, deepIds, 5, 0, 0, null));

      int offset = settings.maxPage() * settings.pageSize();
      report.sqlLines.add("ANALYZE of the page query at offset " + offset + ":");
      explain(c, "ANALYZE " + PAGE, settings.maxPage(), true, report);
      report.sqlLines.add("ANALYZE of the count query:");
      explain(c, "ANALYZE " + COUNT, 0, false, report);
      report.sqlLines.add("ANALYZE of the proposal's id query at offset " + offset + ":");
      explain(c, "ANALYZE " + IDS, settings.maxPage(), true, report);
    }
  }

  private void byIds(Connection c, int page) throws SQLException {
    List<byte[]> found = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(IDS)) {
      bind(ps, page, true);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getBytes(1));
        }
      }
    }
    if (found.isEmpty()) {
      return;
    }
    String marks = String.join(",", java.util.Collections.nCopies(found.size(), "?"));
    try (PreparedStatement ps = c.prepareStatement(String.format(BY_IDS, marks))) {
      for (int i = 0; i < found.size(); i++) {
        ps.setBytes(i + 1, found.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rs.getBytes(1);
        }
      }
    }
  }

  private void add(Report report, LatencyStats s) {
    String line =
        String.format(
            Locale.ROOT,
            "  %-52s n=%-4d p50 %7.1f  p99 %7.1f  max %7.1f ms",
            s.name(),
            s.count(),
            s.p50(),
            s.p99(),
            s.max());
    System.out.println("  " + line);
    report.sqlLines.add(line);
    report.sqlMarkdown.add(
        String.format(
            Locale.ROOT,
            "| %s | %d | %.1f | %.1f | %.1f |",
            s.name(),
            s.count(),
            s.p50(),
            s.p99(),
            s.max()));
  }

  private int bind(PreparedStatement ps, int page, boolean paged) throws SQLException {
    int i = 1;
    ps.setString(i++, scenario.countyPath);
    ps.setString(i++, scenario.countyPath);
    ps.setNull(i++, Types.BINARY);
    ps.setNull(i++, Types.BINARY);
    boolean status = scenario.filterColumn.equals("status");
    setOrNull(ps, i++, status ? null : scenario.filterValue);
    setOrNull(ps, i++, status ? null : scenario.filterValue);
    setOrNull(ps, i++, status ? scenario.filterValue : null);
    setOrNull(ps, i++, status ? scenario.filterValue : null);
    for (int k = 0; k < 6; k++) {
      ps.setNull(i++, Types.VARCHAR);
    }
    if (paged) {
      ps.setInt(i++, page * settings.pageSize());
      ps.setInt(i++, settings.pageSize());
    }
    return i;
  }

  private static void setOrNull(PreparedStatement ps, int i, String value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, value);
    }
  }

  private void runQuery(Connection c, String sql, int page, boolean paged) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, page, paged);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rs.getBytes(1);
        }
      }
    }
  }

  private void explain(Connection c, String sql, int page, boolean paged, Report report)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, page, paged);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> wanted =
            List.of(
                "table",
                "type",
                "key",
                "key_len",
                "rows",
                "r_rows",
                "filtered",
                "r_filtered",
                "Extra");
        while (rs.next()) {
          List<String> parts = new ArrayList<>();
          for (int col = 1; col <= md.getColumnCount(); col++) {
            String label = md.getColumnLabel(col);
            if (wanted.contains(label)) {
              parts.add(label + "=" + rs.getString(col));
            }
          }
          String line = "    " + String.join(" ", parts);
          System.out.println("  " + line);
          report.sqlLines.add(line);
        }
      }
    }
  }
}
