package cn.dangjian.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Checks that the MySQL-compatible database server answers before anything else starts. */
final class DatabaseCheck {

  private DatabaseCheck() {}

  static String requireReachable(DevstackConfig config) {
    Properties properties = new Properties();
    properties.setProperty("user", config.dbUser());
    properties.setProperty("password", config.dbPassword());
    properties.setProperty("connectTimeout", "5000");
    properties.setProperty("socketTimeout", "10000");
    try (Connection connection = DriverManager.getConnection(config.dbUrlBase(), properties)) {
      var meta = connection.getMetaData();
      return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot reach the database server at "
              + config.dbUrlBase()
              + " as user '"
              + config.dbUser()
              + "': "
              + e.getMessage()
              + "\nStart MySQL 8 or MariaDB 10.11 there, or point devstack at your server with the"
              + " environment variables DANGJIAN_DB_URL / DANGJIAN_DB_USER / DANGJIAN_DB_PASSWORD"
              + " (or -Ddangjian.db.url / -Ddangjian.db.user / -Ddangjian.db.password), e.g."
              + " DANGJIAN_DB_URL=jdbc:mysql://127.0.0.1:3306/",
          e);
    }
  }
}
