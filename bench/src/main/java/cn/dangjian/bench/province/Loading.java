package cn.dangjian.bench.province;

import cn.dangjian.bench.ProvinceLoader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** One service schema being loaded: its connections, writers, row counts and bench_meta. */
final class Loading {

  final String service;
  final String schema;
  final String url;
  final String user;
  final String password;

  /** Rows written per table, in the order the tables were written. */
  final Map<String, Long> rows = new LinkedHashMap<>();

  Loading(GeneratorSettings settings, String service, String schema) {
    this.service = service;
    this.schema = schema;
    this.url = settings.schemaUrl(schema);
    this.user = settings.user();
    this.password = settings.password();
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  String label(String phase) {
    return service.replace("-service", "") + " " + phase;
  }

  BatchWriter writer(String table, String columns, int threads, Progress progress) {
    return new BatchWriter(
        url,
        user,
        password,
        table,
        columns,
        threads,
        progress,
        (t, n) -> rows.merge(t, n, Long::sum));
  }

  void analyze() throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      for (String table : rows.keySet()) {
        st.execute("ANALYZE TABLE " + table);
      }
    }
  }

  /** bench_meta as the member loader keeps it (k, v); created if missing. */
  void writeMeta(Map<String, String> values) throws SQLException {
    try (Connection c = connect()) {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TABLE IF NOT EXISTS bench_meta (k VARCHAR(64) PRIMARY KEY, v TEXT)");
      }
      ProvinceLoader.writeMeta(c, values);
    }
  }

  /** The schema's bench_meta, empty if the schema or the table is missing. */
  Map<String, String> readMeta() throws SQLException {
    Map<String, String> meta = new LinkedHashMap<>();
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT k, v FROM bench_meta")) {
      while (rs.next()) {
        meta.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      // unknown database or no bench_meta: nothing loaded
    }
    return meta;
  }
}
