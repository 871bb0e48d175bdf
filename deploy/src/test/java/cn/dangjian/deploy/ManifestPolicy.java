package cn.dangjian.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The platform's rules for what runs on a cluster: every Deployment has startup, liveness and
 * readiness probes, requests and limits, a non-root read-only security context and a preStop pause,
 * and is covered by a PodDisruptionBudget, an HPA and a ServiceMonitor; secrets hold only
 * placeholders; the gateway is the only Ingress backend; ingress is denied by default.
 */
final class ManifestPolicy {

  private ManifestPolicy() {}

  static List<String> problems(List<HasMetadata> resources) {
    List<String> problems = new ArrayList<>();
    List<PodDisruptionBudget> pdbs = of(resources, PodDisruptionBudget.class);
    List<HorizontalPodAutoscaler> hpas = of(resources, HorizontalPodAutoscaler.class);
    List<ServiceMonitor> monitors = of(resources, ServiceMonitor.class);
    for (Deployment deployment : of(resources, Deployment.class)) {
      String name = deployment.getMetadata().getName();
      Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
      PodSecurityContext pod = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
      if (pod == null || !Boolean.TRUE.equals(pod.getRunAsNonRoot())) {
        problems.add(name + ": pod securityContext.runAsNonRoot is not true");
      }
      for (Container c : deployment.getSpec().getTemplate().getSpec().getContainers()) {
        String where = name + "/" + c.getName();
        if (c.getStartupProbe() == null) {
          problems.add(where + ": no startupProbe");
        }
        if (c.getLivenessProbe() == null) {
          problems.add(where + ": no livenessProbe");
        }
        if (c.getReadinessProbe() == null) {
          problems.add(where + ": no readinessProbe");
        }
        ResourceRequirements r = c.getResources();
        for (String resource : List.of("cpu", "memory")) {
          if (r == null
              || r.getRequests() == null
              || !(r.getRequests().get(resource) instanceof Quantity)) {
            problems.add(where + ": no " + resource + " request");
          }
          if (r == null
              || r.getLimits() == null
              || !(r.getLimits().get(resource) instanceof Quantity)) {
            problems.add(where + ": no " + resource + " limit");
          }
        }
        SecurityContext s = c.getSecurityContext();
        if (s == null || !Boolean.TRUE.equals(s.getReadOnlyRootFilesystem())) {
          problems.add(where + ": root filesystem not read-only");
        }
        if (s == null || !Boolean.FALSE.equals(s.getAllowPrivilegeEscalation())) {
          problems.add(where + ": privilege escalation not disabled");
        }
        if (c.getLifecycle() == null || c.getLifecycle().getPreStop() == null) {
          problems.add(where + ": no preStop pause for graceful shutdown");
        }
      }
      boolean pdb =
          pdbs.stream().anyMatch(p -> selects(p.getSpec().getSelector().getMatchLabels(), labels));
      if (!pdb) {
        problems.add(name + ": no PodDisruptionBudget");
      }
      boolean hpa =
          hpas.stream()
              .anyMatch(
                  h ->
                      "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                          && name.equals(h.getSpec().getScaleTargetRef().getName()));
      if (!hpa) {
        problems.add(name + ": no HorizontalPodAutoscaler");
      }
      boolean monitored =
          monitors.stream()
              .anyMatch(m -> selects(m.getSpec().getSelector().getMatchLabels(), labels));
      if (!monitored) {
        problems.add(name + ": no ServiceMonitor");
      }
    }
    for (Secret secret : of(resources, Secret.class)) {
      Map<String, String> values =
          secret.getStringData() == null ? Map.of() : secret.getStringData();
      values.forEach(
          (key, value) -> {
            if (!"CHANGE_ME".equals(value)) {
              problems.add(
                  "secret " + secret.getMetadata().getName() + "/" + key + " holds a value");
            }
          });
      if (secret.getData() != null && !secret.getData().isEmpty()) {
        problems.add("secret " + secret.getMetadata().getName() + " holds data");
      }
    }
    for (Ingress ingress : of(resources, Ingress.class)) {
      ingress.getSpec().getRules().stream()
          .flatMap(rule -> rule.getHttp().getPaths().stream())
          .map(path -> path.getBackend().getService().getName())
          .filter(backend -> !"gateway".equals(backend))
          .forEach(
              backend ->
                  problems.add(
                      "ingress " + ingress.getMetadata().getName() + " exposes " + backend));
    }
    boolean defaultDeny =
        of(resources, NetworkPolicy.class).stream()
            .anyMatch(
                p ->
                    (p.getSpec().getPodSelector().getMatchLabels() == null
                            || p.getSpec().getPodSelector().getMatchLabels().isEmpty())
                        && p.getSpec().getPolicyTypes().contains("Ingress")
                        && (p.getSpec().getIngress() == null
                            || p.getSpec().getIngress().isEmpty()));
    if (!defaultDeny) {
      problems.add("no default-deny ingress NetworkPolicy");
    }
    return problems;
  }

  private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
    return selector != null
        && !selector.isEmpty()
        && selector.entrySet().stream()
            .allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
  }

  private static <T> List<T> of(List<HasMetadata> resources, Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
