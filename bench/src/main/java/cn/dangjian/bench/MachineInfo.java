package cn.dangjian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** What the numbers were measured on. */
public record MachineInfo(
    String cpu, int cores, long memoryGib, String jdk, String db, long bufferPoolMib) {

  public static MachineInfo collect(Connection connection) throws SQLException {
    String cpu = "unknown CPU";
    long memKib = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).strip();
          break;
        }
      }
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memKib = Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // not Linux
    }
    String db;
    long pool;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT VERSION(), @@innodb_buffer_pool_size")) {
      rs.next();
      db = rs.getString(1);
      pool = rs.getLong(2) / (1024 * 1024);
    }
    return new MachineInfo(
        cpu,
        Runtime.getRuntime().availableProcessors(),
        Math.round(memKib / 1024.0 / 1024.0),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        db,
        pool);
  }

  public String describe() {
    return String.format(
        Locale.ROOT,
        "%d cores (%s), %d GiB RAM; %s; %s, innodb_buffer_pool_size %d MiB",
        cores,
        cpu,
        memoryGib,
        jdk,
        db,
        bufferPoolMib);
  }
}
