package cn.dangjian.bench.province;

import cn.dangjian.testsupport.TestDatabase;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the province generator loads and where. Same seed and size give byte-identical rows (under
 * the same bench keys, {@code ~/.config/dangjian/bench-keys.properties}).
 *
 * @param jdbcUrl the database server, e.g. {@code jdbc:mysql://127.0.0.1:3306/} (no schema)
 * @param schemaPrefix each service's schema is this prefix plus a short name ({@code prov_member},
 *     {@code prov_dues}, …)
 * @param reload drop and load every schema again even if its {@code bench_meta} matches
 */
public record GeneratorSettings(
    long seed,
    int members,
    int branches,
    String jdbcUrl,
    String user,
    String password,
    String schemaPrefix,
    boolean reload) {

  public static final long DEFAULT_SEED = 20261201L;

  public GeneratorSettings {
    if (!schemaPrefix.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("--schema-prefix must be [a-z0-9_]+: " + schemaPrefix);
    }
    if (members < branches) {
      throw new IllegalArgumentException("need at least one member per branch");
    }
    jdbcUrl = jdbcUrl.endsWith("/") ? jdbcUrl : jdbcUrl + "/";
  }

  /**
   * {@code --seed --members --branches --reload --schema-prefix} (and {@code --db-url --db-user
   * --db-password}, defaulting to DANGJIAN_DB_URL / _USER / _PASSWORD); keys without dashes.
   */
  public static GeneratorSettings fromArgs(Map<String, String> options) {
    Map<String, String> o = new LinkedHashMap<>();
    options.forEach((k, v) -> o.put(k.startsWith("--") ? k.substring(2) : k, v));
    return new GeneratorSettings(
        Long.parseLong(o.getOrDefault("seed", Long.toString(DEFAULT_SEED))),
        Integer.parseInt(o.getOrDefault("members", "1000000").replace("_", "")),
        Integer.parseInt(o.getOrDefault("branches", "50000").replace("_", "")),
        o.getOrDefault("db-url", TestDatabase.serverUrl()),
        o.getOrDefault("db-user", TestDatabase.user()),
        o.getOrDefault("db-password", TestDatabase.password()),
        o.getOrDefault("schema-prefix", "prov_"),
        Boolean.parseBoolean(o.getOrDefault("reload", "false")));
  }

  /** {@code --key=value} arguments (a bare {@code --key} means true) as options. */
  public static Map<String, String> parseArgs(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("arguments are --key=value, got " + arg);
      }
      int eq = arg.indexOf('=');
      options.put(
          eq < 0 ? arg.substring(2) : arg.substring(2, eq),
          eq < 0 ? "true" : arg.substring(eq + 1));
    }
    return options;
  }

  /** What bench_meta records: a schema loaded with another shape is loaded again. */
  String shape() {
    return ProvinceGenerator.SHAPE_VERSION
        + " seed="
        + seed
        + " members="
        + members
        + " branches="
        + branches
        + " as-of="
        + ProvinceGenerator.AS_OF;
  }

  String schemaUrl(String schema) {
    return jdbcUrl + schema + "?rewriteBatchedStatements=true";
  }
}
