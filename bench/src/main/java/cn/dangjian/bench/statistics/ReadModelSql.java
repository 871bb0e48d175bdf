package cn.dangjian.bench.statistics;

import cn.dangjian.bench.BenchLog;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read model's tables and the statements behind the measured endpoints, straight over JDBC:
 * sizes (information_schema after ANALYZE TABLE), the server's counters, and each statement timed
 * and shown with MariaDB's {@code ANALYZE} (the plan with the rows actually read). The statements'
 * text is the service's (StatisticsScope, FigureQueries, DrillDownQueries, OverviewService).
 */
final class ReadModelSql {

  static final List<String> TABLES =
      List.of(
          "stat_cell",
          "stat_member_period",
          "stat_org_period",
          "stat_flow",
          "stat_seen",
          "stat_branch",
          "processed_event");

  private static final String MEMBER_STOCK_DIMS =
      "'MEMBERS','GENDER','ETHNICITY','BIRTH','EDUCATION','OCCUPATION','STAGE','FULL_SINCE','FLAG',"
          + "'PIPELINE','SUSPENDED'";

  private final String url;
  private final String user;
  private final String password;

  ReadModelSql(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** Rows, data and index MB per table. */
  void sizes(BenchLog log) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = s.executeQuery("ANALYZE TABLE " + table)) {
          rs.next();
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT table_name, table_rows, data_length, index_length FROM"
                  + " information_schema.tables WHERE table_schema = DATABASE() AND table_name IN"
                  + " ('"
                  + String.join("','", TABLES)
                  + "') ORDER BY data_length DESC")) {
        while (rs.next()) {
          log.line(
              "   %-20s ≈ %,12d rows  data %,7.0f MB  indexes %,7.0f MB",
              rs.getString(1), rs.getLong(2), rs.getLong(3) / 1048576.0, rs.getLong(4) / 1048576.0);
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM stat_cell")) {
        rs.next();
        log.line("   stat_cell exactly %,d rows", rs.getLong(1));
      }
    }
  }

  /** Server counters (SHOW GLOBAL STATUS) by name, for deltas over a phase. */
  Map<String, Long> counters() throws SQLException {
    Map<String, Long> counters = new LinkedHashMap<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_buffer_pool_reads',"
                    + " 'Innodb_buffer_pool_read_requests', 'Innodb_data_writes',"
                    + " 'Innodb_data_written', 'Innodb_rows_inserted', 'Innodb_rows_updated',"
                    + " 'Innodb_rows_read', 'Innodb_os_log_written', 'Questions')")) {
      while (rs.next()) {
        counters.put(rs.getString(1), rs.getLong(2));
      }
    }
    return counters;
  }

  static String deltas(Map<String, Long> before, Map<String, Long> after) {
    StringBuilder line = new StringBuilder();
    after.forEach(
        (name, value) ->
            line.append(
                String.format(
                    java.util.Locale.ROOT,
                    "%s%s %,d",
                    line.length() == 0 ? "" : ", ",
                    name.replace("Innodb_", ""),
                    value - before.getOrDefault(name, 0L))));
    return line.toString();
  }

  /** The statements of the drill-down and the figures for one subtree, timed and analysed. */
  void explain(BenchLog log, String label, String orgId, String path, YearMonth asOf)
      throws SQLException {
    String like = path + "%";
    LocalDate end = asOf.atEndOfMonth();
    String members =
        "org_path LIKE ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) AND stage IN"
            + " ('PROBATIONARY','FULL') AND status = 'ACTIVE' AND gender = ?";
    Object[] memberArgs = {like, end, end, "FEMALE"};
    run(
        log,
        label + ": drill-down count (GENDER=FEMALE)",
        "SELECT COUNT(*) FROM stat_member_period WHERE " + members,
        memberArgs);
    run(
        log,
        label + ": drill-down page 0",
        "SELECT member_id, org_path FROM stat_member_period WHERE "
            + members
            + " ORDER BY member_id LIMIT 20 OFFSET 0",
        memberArgs);
    run(
        log,
        label + ": drill-down page 100",
        "SELECT member_id, org_path FROM stat_member_period WHERE "
            + members
            + " ORDER BY member_id LIMIT 20 OFFSET 2000",
        memberArgs);
    run(
        log,
        label + ": member stocks (stat_cell)",
        "SELECT org_id, dim, val, SUM(delta) FROM stat_cell WHERE org_id IN (UNHEX(REPLACE(?,'-','')))"
            + " AND dim IN ("
            + MEMBER_STOCK_DIMS
            + ") AND month <= ? GROUP BY org_id, dim, val",
        new Object[] {orgId, asOf.getYear() * 100 + asOf.getMonthValue()});
    run(
        log,
        label + ": weakest branches (stat_branch)",
        "SELECT b.org_id, o.name, b.open_alerts, b.grade FROM stat_branch b JOIN stat_org_period o"
            + " ON o.org_id = b.org_id AND o.valid_to IS NULL WHERE b.path LIKE ? AND"
            + " (b.open_alerts > 0 OR b.grade IN ('POOR','AVERAGE')) ORDER BY b.open_alerts DESC,"
            + " FIELD(b.grade, 'AVERAGE', 'POOR') DESC, o.name LIMIT 5",
        new Object[] {like});
  }

  private void run(BenchLog log, String name, String sql, Object[] args) throws SQLException {
    try (Connection c = connect()) {
      long best = Long.MAX_VALUE;
      long rows = 0;
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        try (PreparedStatement ps = prepare(c, sql, args);
            ResultSet rs = ps.executeQuery()) {
          rows = 0;
          while (rs.next()) {
            rows++;
          }
        }
        best = Math.min(best, System.nanoTime() - t0);
      }
      log.line("   %-58s best of 3: %8.1f ms (%,d rows)", name, best / 1e6, rows);
      try (PreparedStatement ps = prepare(c, "ANALYZE " + sql, args);
          ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          StringBuilder line = new StringBuilder("      ");
          for (int col = 1; col <= md.getColumnCount(); col++) {
            String label = md.getColumnLabel(col);
            if (List.of("table", "type", "key", "rows", "r_rows", "r_filtered", "Extra")
                .contains(label)) {
              line.append(label).append('=').append(rs.getString(col)).append(' ');
            }
          }
          log.line("%s", line.toString().stripTrailing());
        }
      }
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object[] args)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i] instanceof LocalDate d ? java.sql.Date.valueOf(d) : args[i]);
    }
    return ps;
  }

  /** MariaDB's innodb_buffer_pool_size in MB. */
  static String bufferPoolMb(String url) {
    try (var c =
            java.sql.DriverManager.getConnection(
                url,
                cn.dangjian.testsupport.TestDatabase.user(),
                cn.dangjian.testsupport.TestDatabase.password());
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT @@innodb_buffer_pool_size DIV 1048576")) {
      rs.next();
      return rs.getString(1);
    } catch (java.sql.SQLException e) {
      return "?";
    }
  }
}
