package cn.dangjian.dues;

import cn.dangjian.testsupport.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real scripts of {@code deploy/backup/} against the test's MariaDB server and broker: the
 * server from {@link TestDatabase}, Kafka's own {@code kafka-consumer-groups.sh} (its class from
 * kafka-tools on the test classpath) behind a two-line shim on the PATH.
 */
final class BackupScripts {

  record Result(int exitCode, String out, String err, long millis) {
    String lastLine() {
      String[] lines = out.strip().split("\n");
      return lines[lines.length - 1];
    }
  }

  private final Path dir = locate();
  private final Map<String, String> env = new HashMap<>();

  BackupScripts() {
    URI server = URI.create(TestDatabase.serverUrl().substring("jdbc:".length()));
    env.put("BACKUP_DB_HOST", server.getHost());
    env.put("BACKUP_DB_PORT", String.valueOf(server.getPort() < 0 ? 3306 : server.getPort()));
    env.put("BACKUP_DB_USER", TestDatabase.user());
    env.put("BACKUP_DB_PASSWORD", TestDatabase.password());
  }

  /** The MySQL/MariaDB dump client the scripts need, if this machine has one. */
  static boolean dumpClientInstalled() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, "mariadb-dump"))
          || Files.isExecutable(Path.of(dir, "mysqldump"))) {
        return true;
      }
    }
    return false;
  }

  BackupScripts with(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** kafka-consumer-groups.sh on the PATH, run from this JVM's classpath against the broker. */
  BackupScripts withKafkaTool(String bootstrapServers, Path work) throws IOException {
    Path bin = Files.createDirectories(work.resolve("bin"));
    Path tool = bin.resolve("kafka-consumer-groups.sh");
    Files.writeString(
        tool,
        "#!/bin/bash\nexec \""
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "\" -Xshare:auto -XX:TieredStopAtLevel=1"
            + " org.apache.kafka.tools.consumer.group.ConsumerGroupCommand \"$@\"\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    env.put("CLASSPATH", System.getProperty("java.class.path"));
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("KAFKA_RUN", "local");
    env.put("KAFKA_BOOTSTRAP", bootstrapServers);
    return this;
  }

  Result run(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", dir.resolve(script).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    Path out = Files.createTempFile("backup-script", ".out");
    Path err = Files.createTempFile("backup-script", ".err");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(script + " did not finish in 3 minutes");
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    Result result =
        new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8),
            millis);
    Files.delete(out);
    Files.delete(err);
    return result;
  }

  private static Path locate() {
    Path here = Path.of("").toAbsolutePath();
    while (here != null && !Files.isDirectory(here.resolve("deploy/backup"))) {
      here = here.getParent();
    }
    if (here == null) {
      throw new IllegalStateException(
          "deploy/backup not found above " + Path.of("").toAbsolutePath());
    }
    return here.resolve("deploy/backup");
  }
}
