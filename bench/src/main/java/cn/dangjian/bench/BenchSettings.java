package cn.dangjian.bench;

import cn.dangjian.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every knob of the benchmark: {@code --key=value} on the command line wins over the environment
 * variable {@code DANGJIAN_BENCH_<KEY>} (upper case, dashes as underscores), which wins over the
 * default. The database server comes from {@code DANGJIAN_DB_URL} / {@code DANGJIAN_DB_USER} /
 * {@code DANGJIAN_DB_PASSWORD}, like devstack and the tests.
 */
public final class BenchSettings {

  private final Map<String, String> args;

  private BenchSettings(Map<String, String> args) {
    this.args = args;
  }

  public static BenchSettings parse(String[] argv) {
    Map<String, String> map = new HashMap<>();
    for (String arg : argv) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("arguments are --key=value, got " + arg);
      }
      int eq = arg.indexOf('=');
      if (eq < 0) {
        map.put(arg.substring(2), "true");
      } else {
        map.put(arg.substring(2, eq), arg.substring(eq + 1));
      }
    }
    return new BenchSettings(map);
  }

  Optional<String> get(String key) {
    String value = args.get(key);
    if (value == null) {
      value = System.getenv("DANGJIAN_BENCH_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
    return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
  }

  String string(String key, String fallback) {
    return get(key).orElse(fallback);
  }

  int integer(String key, int fallback) {
    return get(key).map(Integer::parseInt).orElse(fallback);
  }

  boolean flag(String key) {
    return get(key).map(Boolean::parseBoolean).orElse(false);
  }

  // --- data shape

  int members() {
    return integer("members", 1_000_000);
  }

  int branches() {
    return integer("branches", 50_000);
  }

  long seed() {
    return get("seed").map(Long::parseLong).orElse(20261125L);
  }

  String schema() {
    String schema = string("schema", "member_bench");
    if (!schema.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("--schema must be [a-z0-9_]+: " + schema);
    }
    return schema;
  }

  boolean reload() {
    return flag("reload");
  }

  int loaderWriters() {
    return integer("loader-writers", 2);
  }

  /** {@code ACTIVE:97,...}: how member.status is filled when the column exists. */
  String statusMix() {
    return string("status-mix", "");
  }

  // --- database server

  String serverUrl() {
    String url = string("db-url", TestDatabase.serverUrl());
    return url.endsWith("/") ? url : url + "/";
  }

  String schemaUrl() {
    return serverUrl() + schema();
  }

  String dbUser() {
    return string("db-user", TestDatabase.user());
  }

  String dbPassword() {
    return get("db-password").orElse(TestDatabase.password());
  }

  // --- the service under test

  Path repoRoot() {
    Path dir = Path.of(string("repo-root", ".")).toAbsolutePath().normalize();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("member-service"))
          && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "Run from the repository (no member-service/ above " + dir + ") or pass --repo-root=...");
  }

  Path serviceJar() {
    return get("service-jar")
        .map(Path::of)
        .orElse(repoRoot().resolve("member-service/target/member-service.jar"));
  }

  List<String> serviceJvmOpts() {
    return List.of(string("service-jvm-opts", "-Xms1g -Xmx1g").split("\\s+"));
  }

  Duration serviceStartTimeout() {
    return Duration.ofSeconds(integer("service-start-timeout", 600));
  }

  boolean showSql() {
    return flag("show-sql");
  }

  Path outputDir() {
    return get("out").map(Path::of).orElse(repoRoot().resolve("bench/target/bench-results"));
  }

  // --- load

  int requests() {
    return integer("requests", 2000);
  }

  int warmup() {
    return integer("warmup", 200);
  }

  int concurrency() {
    return integer("concurrency", 8);
  }

  int maxPage() {
    return integer("max-page", 50);
  }

  int pageSize() {
    return integer("page-size", 20);
  }

  /** Upper bound on every measured phase, whatever the request count. */
  Duration phaseLimit() {
    return Duration.ofSeconds(integer("phase-seconds", 120));
  }

  Duration warmupLimit() {
    return Duration.ofSeconds(integer("warmup-seconds", 60));
  }

  /** How long a phase waits for other processes to calm down before it starts (0: not at all). */
  int quietWaitSeconds() {
    return integer("quiet-wait-seconds", 300);
  }

  /** Round trips (there and back) of the subtree move. */
  int moveRoundTrips() {
    return integer("move-round-trips", 5);
  }

  /** {@code auto} (status if member.status exists, else stage), {@code status} or {@code stage}. */
  String filter() {
    return string("filter", "auto");
  }

  boolean skip(String phase) {
    return get("skip").map(s -> List.of(s.split(",")).contains(phase)).orElse(false);
  }
}
