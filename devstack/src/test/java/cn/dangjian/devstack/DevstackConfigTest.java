package cn.dangjian.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevstackConfigTest {

  private static final BuildInfo BUILD =
      new BuildInfo("26.7.3", Optional.empty(), Optional.empty());

  private static DevstackConfig config(Map<String, String> sysProps, Map<String, String> env) {
    return DevstackConfig.fromSettings(new Settings(sysProps::get, env::get), BUILD, false);
  }

  @Test
  void oneInstanceOfEachServiceUnlessReplicasAreAskedFor() {
    assertThat(config(Map.of(), Map.of()).replicas()).isEqualTo(1);
    assertThat(config(Map.of(), Map.of("DANGJIAN_REPLICAS", "2")).replicas()).isEqualTo(2);
    assertThat(config(Map.of(), Map.of()).withReplicas(3).replicas()).isEqualTo(3);
    assertThatThrownBy(() -> config(Map.of(), Map.of()).withReplicas(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replicas");
  }

  @Test
  void defaultsAreTheDocumentedPortsAndLocalDatabase() {
    DevstackConfig config = config(Map.of(), Map.of());

    assertThat(config.gatewayPort()).isEqualTo(8080);
    assertThat(config.memberServicePort()).isEqualTo(8081);
    assertThat(config.servicePort("dues-service")).isEqualTo(8082);
    assertThat(config.servicePort("org-life-service")).isEqualTo(8083);
    assertThat(config.servicePort("assessment-service")).isEqualTo(8084);
    assertThat(config.servicePort("alert-service")).isEqualTo(8085);
    assertThat(config.keycloakPort()).isEqualTo(8180);
    assertThat(config.kafkaPort()).isEqualTo(9092);
    assertThat(config.dbUrlBase()).isEqualTo("jdbc:mysql://127.0.0.1:3306/");
    assertThat(config.dbUser()).isEqualTo("root");
    assertThat(config.dbPassword()).isEmpty();
    assertThat(config.realmFile()).exists();
    assertThat(config.logDir()).endsWith(Path.of("devstack", "target", "devstack-logs"));
    assertThat(config.keycloakCacheDir())
        .endsWith(Path.of(".cache", "dangjian", "keycloak-26.7.3"));
  }

  @Test
  void environmentOverridesDefaultsAndSystemPropertiesOverrideTheEnvironment() {
    DevstackConfig config =
        config(
            Map.of("dangjian.db.user", "from-property", "dangjian.member-service.port", "9181"),
            Map.of(
                "DANGJIAN_DB_URL", "jdbc:mysql://db.local:3307",
                "DANGJIAN_DB_USER", "from-env",
                "DANGJIAN_DB_PASSWORD", "secret",
                "DANGJIAN_KEYCLOAK_PORT", "18180",
                "DANGJIAN_MEMBER_SERVICE_PORT", "9081"));

    assertThat(config.dbUrlBase()).isEqualTo("jdbc:mysql://db.local:3307/");
    assertThat(config.dbUser()).isEqualTo("from-property");
    assertThat(config.dbPassword()).isEqualTo("secret");
    assertThat(config.keycloakPort()).isEqualTo(18180);
    assertThat(config.memberServicePort()).isEqualTo(9181);
    assertThat(config.toString()).doesNotContain("secret");
  }

  @Test
  void jdbcUrlAddsTheDatabaseAndKeepsServerParameters() {
    DevstackConfig plain = config(Map.of(), Map.of());
    DevstackConfig withParams =
        config(Map.of(), Map.of("DANGJIAN_DB_URL", "jdbc:mysql://127.0.0.1:3306/?useSSL=false"));

    assertThat(plain.jdbcUrl("member_db"))
        .isEqualTo("jdbc:mysql://127.0.0.1:3306/member_db?createDatabaseIfNotExist=true");
    assertThat(withParams.jdbcUrl("member_db"))
        .isEqualTo(
            "jdbc:mysql://127.0.0.1:3306/member_db?useSSL=false&createDatabaseIfNotExist=true");
  }

  @Test
  void e2eConfigUsesItsOwnDatabases() {
    DevstackConfig e2e = config(Map.of(), Map.of()).forE2e();

    assertThat(e2e.jdbcUrl("member_db"))
        .isEqualTo("jdbc:mysql://127.0.0.1:3306/member_db_e2e?createDatabaseIfNotExist=true");
    assertThatThrownBy(() -> e2e.withDatabaseSuffix("; drop"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void freePortConfigUsesDistinctPortsAndItsOwnDirectories() {
    DevstackConfig config =
        DevstackConfig.fromSettings(new Settings(k -> null, k -> null), BUILD, true);

    assertThat(config.keycloakPort()).isNotEqualTo(8180);
    assertThat(config.servicePorts().values()).doesNotHaveDuplicates().doesNotContain(8080, 8081);
    assertThat(config.logDir().getFileName().toString()).startsWith("run-");
  }

  @Test
  void aNonNumericPortIsReportedWithItsVariableName() {
    assertThatThrownBy(() -> config(Map.of(), Map.of("DANGJIAN_KAFKA_PORT", "abc")))
        .hasMessageContaining("DANGJIAN_KAFKA_PORT")
        .hasMessageContaining("abc");
  }
}
