package cn.dangjian.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesManifestsTest {

  private final Path root = Repo.root();

  @ParameterizedTest
  @ValueSource(strings = {"k8s/overlays/dev", "k8s/overlays/prod"})
  void eachOverlayRendersParsesStrictlyAndKeepsThePolicies(String overlay) throws Exception {
    List<HasMetadata> resources = Manifests.parse(Manifests.render(root.resolve(overlay)));
    assertThat(resources)
        .extracting(HasMetadata::getKind)
        .contains("Deployment", "Ingress", "NetworkPolicy");
    assertThat(resources.stream().filter(Deployment.class::isInstance))
        .extracting(r -> r.getMetadata().getName())
        .contains(
            "gateway",
            "member-service",
            "dues-service",
            "org-life-service",
            "assessment-service",
            "alert-service");
    assertThat(ManifestPolicy.problems(resources)).isEmpty();
    String namespace = overlay.endsWith("prod") ? "dangjian" : "dangjian-dev";
    assertThat(resources)
        .allSatisfy(r -> assertThat(r.getMetadata().getNamespace()).isEqualTo(namespace));
  }

  @Test
  void prodRunsAtLeastThreeReplicasOfEachServiceBehindADisruptionBudgetOfTwo() throws Exception {
    List<HasMetadata> resources =
        Manifests.parse(Manifests.render(root.resolve("k8s/overlays/prod")));
    resources.stream()
        .filter(Deployment.class::isInstance)
        .map(Deployment.class::cast)
        .forEach(
            d -> assertThat(d.getSpec().getReplicas()).as(d.getMetadata().getName()).isEqualTo(3));
    resources.stream()
        .filter(io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class::isInstance)
        .map(io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class::cast)
        .forEach(p -> assertThat(p.getSpec().getMinAvailable().getIntVal()).isEqualTo(2));
  }

  @Test
  void aDeploymentThatLostItsProbesAndLimitsIsCaught() throws Exception {
    List<HasMetadata> broken =
        Manifests.parse(Files.readString(Path.of("src/test/resources/broken/deployment.yaml")));
    assertThat(ManifestPolicy.problems(broken))
        .contains(
            "member-service/member-service: no startupProbe",
            "member-service/member-service: no readinessProbe",
            "member-service/member-service: no memory limit",
            "member-service/member-service: root filesystem not read-only",
            "member-service: no PodDisruptionBudget",
            "member-service: no HorizontalPodAutoscaler",
            "secret leaked/password holds a value",
            "ingress leaky exposes member-service",
            "no default-deny ingress NetworkPolicy");
  }

  @Test
  void aMisspeltFieldFailsTheStrictParse() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: typo }
        spec:
          replicas: 1
          selector: { matchLabels: { app: typo } }
          template:
            metadata: { labels: { app: typo } }
            spec:
              containers:
                - name: typo
                  image: x
                  readinessProbes: { httpGet: { path: /, port: 80 } }
        """;
    assertThatThrownBy(() -> Manifests.parse(yaml)).hasMessageContaining("readinessProbes");
  }

  @Test
  void theClustersAlertRulesAreTheComposeAlertRules() throws Exception {
    JsonNode rule =
        Manifests.STRICT.readTree(Files.readString(root.resolve("k8s/base/prometheusrule.yaml")));
    JsonNode file =
        Manifests.STRICT.readTree(
            Files.readString(root.resolve("deploy/prometheus/alert-rules.yml")));
    assertThat(rule.path("spec").path("groups")).isEqualTo(file.path("groups"));
  }
}
