package cn.dangjian.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

class ComposeFileTest {

  private final Path root = Repo.root();

  @Test
  void theComposeFileReferencesOnlyServicesVolumesAndFilesThatExist() throws Exception {
    assertThat(ComposeCheck.problems(root.resolve("docker-compose.yml"), root)).isEmpty();
  }

  @Test
  void aBrokenComposeFileIsCaught() throws Exception {
    Path broken = Path.of("src/test/resources/broken/docker-compose.yml").toAbsolutePath();
    assertThat(ComposeCheck.problems(broken, root))
        .contains(
            "member-service: depends on unknown service kafkaa",
            "member-service: waits for mysql to be healthy, but it has no healthcheck",
            "member-service: publishes a port; only the gateway is published",
            "member-service: uses volume member-data which is not declared",
            "member-service: mounts ./deploy/no-such-dir which does not exist",
            "member-service: an application service without a healthcheck");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyServiceOfTheRepositoryIsInTheComposeFileAndObservabilityIsAProfile() throws Exception {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(200);
    Map<String, Object> compose =
        new Yaml(options).load(Files.readString(root.resolve("docker-compose.yml")));
    Map<String, Map<String, Object>> services =
        (Map<String, Map<String, Object>>) compose.get("services");
    for (String module :
        List.of(
            "gateway",
            "member-service",
            "dues-service",
            "org-life-service",
            "assessment-service",
            "alert-service")) {
      if (Files.isRegularFile(root.resolve(module).resolve("pom.xml"))) {
        assertThat(services).as(module).containsKey(module);
      }
    }
    assertThat(services.get("prometheus").get("profiles")).isEqualTo(List.of("observability"));
    assertThat(services.get("grafana").get("profiles")).isEqualTo(List.of("observability"));
    assertThat(Files.readString(root.resolve("deploy/compose/.env.example")))
        .doesNotContainPattern("(?m)^(?!COMPOSE_PROJECT_NAME=)[^#\\n]*=(?!CHANGE_ME|http)[^\\n]+$");
  }
}
