package cn.dangjian.bench.province;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A loaded province: which schema each service reads, and branches to aim requests at.
 *
 * @param schemas service (module) name → schema
 * @param sampleBranches two branches of every county (200 with the default shape)
 */
public record GeneratedProvince(
    GeneratorSettings settings,
    Map<String, String> schemas,
    UUID provinceOrgId,
    List<SampleBranch> sampleBranches) {

  /**
   * The Spring properties a service jar needs to run against its schema ({@code --key=value}): the
   * datasource URL, {@code spring.flyway.out-of-order} (the loaded schema survives migrations
   * numbered below one it already has), and switches that keep the loaded year as it was loaded (no
   * scheduled sweeps rewriting it). Kafka and JWT settings are the caller's. Secrets are in {@link
   * #serviceEnvironment}.
   */
  public Map<String, String> serviceProperties(String service) {
    String schema = schemas.get(service);
    if (schema == null) {
      throw new IllegalArgumentException("no schema for " + service + "; known: " + schemas);
    }
    Map<String, String> p = new LinkedHashMap<>();
    p.put("spring.datasource.url", settings.schemaUrl(schema));
    p.put("spring.flyway.out-of-order", "true");
    switch (service) {
      case "dues-service" -> p.put("dangjian.dues.arrears.monthly-sweep", "false");
      case "alert-service" -> p.put("dangjian.alerts.sweep-cron", "-");
      default -> {}
    }
    return p;
  }

  /**
   * Environment variables for the service process: database user and password, and for
   * member-service the personal-data keys the rows were encrypted with.
   */
  public Map<String, String> serviceEnvironment(String service) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPRING_DATASOURCE_USERNAME", settings.user());
    env.put("SPRING_DATASOURCE_PASSWORD", settings.password());
    if (service.equals("member-service")) {
      cn.dangjian.bench.BenchKeys keys = cn.dangjian.bench.BenchKeys.loadOrCreate();
      env.putAll(keys.memberServiceEnvironment());
    }
    return env;
  }
}
