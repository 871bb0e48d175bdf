package cn.dangjian.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * compose (run for real by deploy/compose/up.sh) and the Kubernetes manifests configure each
 * service the same way: the same environment keys, the same API and management ports, the same
 * readiness path. A setting added to one and forgotten in the other fails here.
 */
class ComposeKubernetesAgreementTest {

  private static final List<String> SERVICES =
      List.of(
          "gateway",
          "member-service",
          "dues-service",
          "org-life-service",
          "assessment-service",
          "alert-service");

  /**
   * Kubernetes-only keys, with why: SERVER_PORT is baked into each image (ENV), the pod repeats it;
   * SERVER_TOMCAT_THREADS_MAX and JAVA_TOOL_OPTIONS/MALLOC_ARENA_MAX size the pods (measured under
   * load), compose keeps the image defaults.
   */
  private static final Set<String> KUBERNETES_ONLY =
      Set.of("SERVER_PORT", "SERVER_TOMCAT_THREADS_MAX");

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> compose() throws Exception {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(200);
    return (Map<String, Map<String, Object>>)
        new Yaml(options)
            .<Map<String, Object>>load(Files.readString(Repo.root().resolve("docker-compose.yml")))
            .get("services");
  }

  private static List<HasMetadata> kubernetes() throws Exception {
    return Manifests.parse(Manifests.render(Repo.root().resolve("k8s/overlays/prod")));
  }

  private static Container container(List<HasMetadata> resources, String service) {
    return resources.stream()
        .filter(Deployment.class::isInstance)
        .map(Deployment.class::cast)
        .filter(d -> d.getMetadata().getName().equals(service))
        .findFirst()
        .orElseThrow()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0);
  }

  /** The keys a Deployment's container gets: its env plus every ConfigMap it takes whole. */
  private static Set<String> kubernetesKeys(List<HasMetadata> resources, Container container) {
    Set<String> keys = container.getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
    for (EnvFromSource from : container.getEnvFrom()) {
      if (from.getConfigMapRef() != null) {
        resources.stream()
            .filter(ConfigMap.class::isInstance)
            .map(ConfigMap.class::cast)
            .filter(c -> c.getMetadata().getName().equals(from.getConfigMapRef().getName()))
            .forEach(c -> keys.addAll(c.getData().keySet()));
      }
    }
    return keys;
  }

  @Test
  @SuppressWarnings("unchecked")
  void composeAndKubernetesGiveEachServiceTheSameEnvironmentKeys() throws Exception {
    Map<String, Map<String, Object>> compose = compose();
    List<HasMetadata> k8s = kubernetes();
    for (String service : SERVICES) {
      Set<String> composeKeys =
          new HashSet<>(((Map<String, Object>) compose.get(service).get("environment")).keySet());
      if (service.equals("gateway")) {
        // the shared compose anchor gives every container the Kafka client settings; the gateway
        // has no Kafka client
        composeKeys.removeIf(k -> k.startsWith("SPRING_KAFKA_"));
      }
      Set<String> k8sKeys = kubernetesKeys(k8s, container(k8s, service));
      assertThat(new TreeSet<>(composeKeys))
          .as(service + ": set in compose but not in Kubernetes")
          .allMatch(k8sKeys::contains);
      Set<String> applicationKeys =
          k8sKeys.stream()
              .filter(k -> k.startsWith("SPRING_") || k.startsWith("DANGJIAN_"))
              .filter(k -> !KUBERNETES_ONLY.contains(k))
              .filter(k -> !(service.equals("gateway") && k.startsWith("SPRING_KAFKA_")))
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(applicationKeys)
          .as(service + ": set in Kubernetes but not in compose")
          .allMatch(composeKeys::contains);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void composeAndKubernetesAgreeOnPortsAndTheReadinessPath() throws Exception {
    Map<String, Map<String, Object>> compose = compose();
    List<HasMetadata> k8s = kubernetes();
    Map<String, Object> shared = (Map<String, Object>) compose.get("gateway").get("environment");
    String managementPort = String.valueOf(shared.get("MANAGEMENT_SERVER_PORT"));
    for (String service : SERVICES) {
      Container container = container(k8s, service);
      Map<String, Integer> ports =
          container.getPorts().stream()
              .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
      Map<String, Object> build = (Map<String, Object>) compose.get(service).get("build");
      Map<String, Object> args = (Map<String, Object>) build.get("args");
      assertThat(String.valueOf(ports.get("http")))
          .as(service + " API port")
          .isEqualTo(args.get("PORT"));
      assertThat(String.valueOf(ports.get("management")))
          .as(service + " management port")
          .isEqualTo(managementPort);
      String readiness = container.getReadinessProbe().getHttpGet().getPath();
      assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal())
          .isEqualTo("management");
      String healthcheck =
          String.valueOf(
              ((Map<String, Object>) compose.get(service).get("healthcheck")).get("test"));
      assertThat(healthcheck)
          .as(service + " compose healthcheck")
          .contains("127.0.0.1:" + managementPort + readiness);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void kubernetesRunsTheImageComposeBuildsForEachService() throws Exception {
    Map<String, Map<String, Object>> compose = compose();
    List<HasMetadata> k8s = kubernetes();
    for (String service : SERVICES) {
      String composeImage = String.valueOf(compose.get(service).get("image"));
      assertThat(composeImage)
          .as(service + " compose image")
          .startsWith("dangjian/" + service + ":");
      Map<String, Object> args =
          (Map<String, Object>)
              ((Map<String, Object>) compose.get(service).get("build")).get("args");
      assertThat(args.get("SERVICE"))
          .as(service + " image built from its own jar")
          .isEqualTo(service);
      // the prod overlay only moves the same repository to the province's registry and pins a tag
      assertThat(container(k8s, service).getImage())
          .as(service + " Kubernetes image")
          .matches(".+/dangjian/" + java.util.regex.Pattern.quote(service) + ":[\\w.-]+");
    }
  }
}
