package cn.dangjian.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One service module devstack can run: its module name and how to derive its Spring properties from
 * the running platform (database, Kafka, Keycloak, other services). See {@link ServiceCatalog}.
 */
public record ServiceDefinition(
    String module, Function<Endpoints, Map<String, String>> properties) {

  /**
   * What a service needs to know about the rest of the platform.
   *
   * @param kafkaBootstrapServers e.g. {@code 127.0.0.1:9092}
   * @param issuerUri e.g. {@code http://localhost:8180/realms/dangjian}
   * @param jwkSetUri {@code <issuer>/protocol/openid-connect/certs}
   */
  public record Endpoints(
      DevstackConfig config, String kafkaBootstrapServers, String issuerUri, String jwkSetUri) {

    /** {@code http://127.0.0.1:<port of module>}. */
    public String serviceUrl(String module) {
      return "http://127.0.0.1:" + config.servicePort(module);
    }
  }

  /**
   * A backend service owning one database: datasource (created on first use), Kafka and JWT
   * validation against Keycloak.
   */
  public static ServiceDefinition backend(String module, String database) {
    return new ServiceDefinition(
        module,
        endpoints -> {
          Map<String, String> p = new LinkedHashMap<>();
          p.put("spring.datasource.url", endpoints.config().jdbcUrl(database));
          p.put("spring.datasource.username", endpoints.config().dbUser());
          p.put("spring.datasource.password", endpoints.config().dbPassword());
          p.put("spring.kafka.bootstrap-servers", endpoints.kafkaBootstrapServers());
          p.putAll(jwt(endpoints));
          return p;
        });
  }

  /**
   * This definition plus fixed extra properties (later ones win). A property whose environment
   * variable (Spring's relaxed name, e.g. {@code DANGJIAN_PRIVACY_HASH_KEY}) is set in devstack's
   * environment is left out, so that the environment value reaches the service instead.
   */
  public ServiceDefinition withProperties(Map<String, String> extra) {
    Function<Endpoints, Map<String, String>> base = properties;
    return new ServiceDefinition(
        module,
        endpoints -> {
          Map<String, String> p = new LinkedHashMap<>(base.apply(endpoints));
          extra.forEach(
              (key, value) -> {
                if (System.getenv(relaxedEnvName(key)) == null) {
                  p.put(key, value);
                }
              });
          return p;
        });
  }

  /** Adds properties that depend on the running platform (e.g. Keycloak's address). */
  public ServiceDefinition withEndpointProperties(Function<Endpoints, Map<String, String>> extra) {
    Function<Endpoints, Map<String, String>> base = properties;
    return new ServiceDefinition(
        module,
        endpoints -> {
          Map<String, String> p = new LinkedHashMap<>(base.apply(endpoints));
          p.putAll(extra.apply(endpoints));
          return p;
        });
  }

  /** {@code dangjian.privacy.hash-key} → {@code DANGJIAN_PRIVACY_HASH_KEY}. */
  static String relaxedEnvName(String property) {
    return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * The gateway: routes to each backend ({@code dangjian.services.<module>.uri}), validates JWTs
   * and keeps the rate-limit buckets all its instances share in {@code gateway_db}.
   */
  public static ServiceDefinition gateway(String module, List<String> backends) {
    return new ServiceDefinition(
        module,
        endpoints -> {
          Map<String, String> p = new LinkedHashMap<>();
          p.put("spring.datasource.url", endpoints.config().jdbcUrl("gateway_db"));
          p.put("spring.datasource.username", endpoints.config().dbUser());
          p.put("spring.datasource.password", endpoints.config().dbPassword());
          backends.forEach(
              backend ->
                  p.put("dangjian.services." + backend + ".uri", endpoints.serviceUrl(backend)));
          p.putAll(jwt(endpoints));
          return p;
        });
  }

  private static Map<String, String> jwt(Endpoints endpoints) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", endpoints.issuerUri());
    p.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", endpoints.jwkSetUri());
    // the login the API documents offer (Swagger UI's Authorize) points at this Keycloak
    p.put(
        "dangjian.api.openid-connect-url",
        endpoints.issuerUri() + "/.well-known/openid-configuration");
    return p;
  }
}
