package cn.dangjian.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Rendering (kustomize, as built into kubectl) and strict parsing: every document must map onto the
 * Kubernetes API type of its apiVersion/kind with no unknown field — a misspelt or misplaced field
 * fails here instead of being silently dropped by a cluster.
 */
final class Manifests {

  static final Map<String, Class<? extends HasMetadata>> TYPES =
      Map.ofEntries(
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("batch/v1/Job", io.fabric8.kubernetes.api.model.batch.v1.Job.class),
          Map.entry("batch/v1/CronJob", io.fabric8.kubernetes.api.model.batch.v1.CronJob.class),
          Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
          Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

  static final ObjectMapper STRICT =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private Manifests() {}

  /** Walks a parsed model object and collects the paths of fields its type does not have. */
  private static void unknownFields(
      Object node, String path, List<String> unknown, java.util.Set<Object> seen) {
    if (node == null || !seen.add(node)) {
      return;
    }
    if (node instanceof java.util.Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknownFields(item, path + "[" + i++ + "]", unknown, seen);
      }
      return;
    }
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
      return;
    }
    if (!node.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (java.lang.reflect.Method getter : node.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(node);
      } catch (ReflectiveOperationException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          extra.keySet().forEach(k -> unknown.add(path + "." + k));
        }
      } else if (!(value instanceof String)
          && !(value instanceof Number)
          && !(value instanceof Boolean)) {
        String field =
            Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
        unknownFields(value, path + "." + field, unknown, seen);
      }
    }
  }

  /** {@code kubectl kustomize <dir>}: the rendered YAML stream. */
  static String render(Path kustomization) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
            .redirectErrorStream(true)
            .start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    process.getInputStream().transferTo(out);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(
          "kubectl kustomize "
              + kustomization
              + " failed:\n"
              + out.toString(StandardCharsets.UTF_8));
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Every document of a YAML stream, parsed strictly into its API type. */
  static List<HasMetadata> parse(String yaml) throws IOException {
    List<HasMetadata> resources = new ArrayList<>();
    for (String document : yaml.split("(?m)^---\\s*$")) {
      if (document.isBlank()) {
        continue;
      }
      JsonNode tree = STRICT.readTree(document);
      String key = tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
      Class<? extends HasMetadata> type = TYPES.get(key);
      if (type == null) {
        throw new IllegalStateException("no API type known for " + key);
      }
      String name = key + " " + tree.path("metadata").path("name").asText();
      HasMetadata resource;
      try {
        resource = STRICT.treeToValue(tree, type);
      } catch (IOException e) {
        throw new IllegalStateException(name + ": " + e.getMessage(), e);
      }
      // fabric8 keeps fields it does not know in "additionalProperties" instead of failing
      List<String> unknown = new ArrayList<>();
      unknownFields(
          resource,
          "",
          unknown,
          java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
      if (!unknown.isEmpty()) {
        throw new IllegalStateException(name + ": unknown fields " + unknown);
      }
      resources.add(resource);
    }
    return resources;
  }
}
