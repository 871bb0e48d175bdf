package cn.dangjian.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The two statements behind {@code GET /api/members?orgId=…&status=…}, exactly as Hibernate 7
 * renders member-service's {@code MemberSearch} specification and Spring Data's page count for
 * MySQL (captured with {@code --show-sql}; re-capture when the query changes), timed directly over
 * JDBC (client-side prepared statements, as the service's Connector/J uses them) and explained with
 * MariaDB's {@code ANALYZE}, which runs the statement and reports real row counts. This separates
 * database time from the rest of the request.
 */
final class SqlProbe {

  private static final String COLUMNS =
      "m1_0.id,m1_0.birth_date,m1_0.created_at,m1_0.dues_category,m1_0.education,"
          + "m1_0.ethnicity,m1_0.full_member_date,m1_0.gender,m1_0.id_number_cipher,"
          + "m1_0.id_number_hash,m1_0.join_date,m1_0.name,m1_0.org_id,m1_0.org_path,"
          + "m1_0.phone_cipher,m1_0.phone_hash,m1_0.stage,m1_0.status,m1_0.status_since,"
          + "m1_0.updated_at,m1_0.version,m1_0.workplace";

  private final String pageSql;
  private final String countSql;

  /**
   * The alternative for deep pages: page the ids alone (an index-only range scan of the scope index
   * plus a sort of ids; the hint stops MariaDB from walking the primary key in id order and reading
   * rows until the offset is reached), then load those rows by primary key.
   */
  private final String idsSql;

  private final String byIdsSql;

  /** Keyset paging: the next page after the last id the client saw. */
  private final String keysetSql;

  private final BenchSettings settings;
  private final ProvinceLoader loader;
  private final MemberScaleBench.Scenario scenario;

  SqlProbe(BenchSettings settings, ProvinceLoader loader, MemberScaleBench.Scenario scenario) {
    this.settings = settings;
    this.loader = loader;
    this.scenario = scenario;
    String where =
        " where m1_0.org_path like replace(?,'\\\\','\\\\\\\\') and m1_0."
            + scenario.filterColumn
            + "=?";
    this.pageSql =
        "select " + COLUMNS + " from member m1_0" + where + " order by m1_0.id limit ?,?";
    this.countSql = "select count(m1_0.id) from member m1_0" + where;
    this.idsSql =
        "select m1_0.id from member m1_0 ignore index for order by (primary)"
            + where
            + " order by m1_0.id limit ?,?";
    this.keysetSql =
        "select "
            + COLUMNS
            + " from member m1_0"
            + where
            + " and m1_0.id>? order by m1_0.id limit ?";
    this.byIdsSql =
        "select " + COLUMNS + " from member m1_0 where m1_0.id in (%s) order by m1_0.id";
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
        runQuery(c, pageSql, p, true);
        long t1 = System.nanoTime();
        runQuery(c, countSql, p, false);
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
              "ids first (scope index + sort), then 20 rows by id", 1, ids, done, 0, 0, null));

      // The last page of the county: what a deep page costs with each shape (5 runs each).
      long total = scenario.countFiltered();
      int last = (int) Math.max(0, (total - 1) / settings.pageSize());
      long[] deepPage = new long[5];
      long[] deepIds = new long[5];
      for (int i = 0; i < 5; i++) {
        long t0 = System.nanoTime();
        runQuery(c, pageSql, last, true);
        long t1 = System.nanoTime();
        byIds(c, last);
        deepPage[i] = t1 - t0;
        deepIds[i] = System.nanoTime() - t1;
      }
      add(
          report,
          LatencyStats.of(
              "page query as issued, last page (" + last + ")", 1, deepPage, 5, 0, 0, null));
      add(
          report,
          LatencyStats.of("ids first, last page (" + last + ")", 1, deepIds, 5, 0, 0, null));

      // Keyset paging (WHERE id > last id of the previous page): cost independent of the depth.
      for (int target : new int[] {settings.maxPage(), last}) {
        byte[] after = idAt(c, target * settings.pageSize() - 1);
        long[] keyset = new long[5];
        for (int i = 0; i < 5; i++) {
          long t0 = System.nanoTime();
          try (PreparedStatement ps = c.prepareStatement(keysetSql)) {
            ps.setString(1, scenario.countyPath + "%");
            ps.setString(2, scenario.filterValue);
            ps.setBytes(3, after);
            ps.setInt(4, settings.pageSize());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rs.getBytes(1);
              }
            }
          }
          keyset[i] = System.nanoTime() - t0;
        }
        add(
            report,
            LatencyStats.of(
                "keyset (id > last id seen), page " + target, 1, keyset, 5, 0, 0, null));
      }

      int offset = settings.maxPage() * settings.pageSize();
      report.sqlLines.add("ANALYZE of the page query at offset " + offset + ":");
      explain(c, "ANALYZE " + pageSql, settings.maxPage(), true, report);
      report.sqlLines.add("ANALYZE of the count query:");
      explain(c, "ANALYZE " + countSql, 0, false, report);
      report.sqlLines.add("ANALYZE of the ids-first query at offset " + offset + ":");
      explain(c, "ANALYZE " + idsSql, settings.maxPage(), true, report);
    }
  }

  private byte[] idAt(Connection c, int offset) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(idsSql)) {
      ps.setString(1, scenario.countyPath + "%");
      ps.setString(2, scenario.filterValue);
      ps.setInt(3, Math.max(0, offset));
      ps.setInt(4, 1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getBytes(1) : new byte[16];
      }
    }
  }

  private void byIds(Connection c, int page) throws SQLException {
    List<byte[]> found = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(idsSql)) {
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
    try (PreparedStatement ps = c.prepareStatement(String.format(byIdsSql, marks))) {
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

  private void bind(PreparedStatement ps, int pageNumber, boolean paged) throws SQLException {
    ps.setString(1, scenario.countyPath + "%");
    ps.setString(2, scenario.filterValue);
    if (paged) {
      ps.setInt(3, pageNumber * settings.pageSize());
      ps.setInt(4, settings.pageSize());
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
