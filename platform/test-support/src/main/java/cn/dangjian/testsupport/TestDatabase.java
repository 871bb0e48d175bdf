package cn.dangjian.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh schema on the real MySQL-compatible server for one test context. The server comes from
 * {@code DANGJIAN_DB_URL} (default {@code jdbc:mysql://127.0.0.1:3306/}), {@code DANGJIAN_DB_USER}
 * (root) and {@code DANGJIAN_DB_PASSWORD} (empty), the same variables devstack reads.
 */
public final class TestDatabase {

  private TestDatabase() {}

  public static String serverUrl() {
    String url = env("DANGJIAN_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
    return url.endsWith("/") ? url : url + "/";
  }

  public static String user() {
    return env("DANGJIAN_DB_USER", "root");
  }

  public static String password() {
    return env("DANGJIAN_DB_PASSWORD", "");
  }

  /** Drops and recreates {@code schema}; returns its JDBC URL. */
  public static String fresh(String schema) {
    if (!schema.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("schema name must be [a-z0-9_]+: " + schema);
    }
    try (Connection connection = DriverManager.getConnection(serverUrl(), user(), password());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + schema);
      statement.execute(
          "CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The MySQL-compatible server at "
              + serverUrl()
              + " is not reachable as "
              + user()
              + " ("
              + e.getMessage()
              + "). Start it (MariaDB: start-stop-daemon --start --background --exec"
              + " /usr/sbin/mariadbd) or set DANGJIAN_DB_URL / DANGJIAN_DB_USER /"
              + " DANGJIAN_DB_PASSWORD.",
          e);
    }
    return serverUrl() + schema;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
