package cn.dangjian.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What `docker compose config` would refuse, and the platform's own rules, checked without a Docker
 * engine: services, volumes and files referenced exist; health checks back every service_healthy
 * dependency; only the gateway (plus Keycloak's login and the observability tools) publishes a
 * port; every application service has a health check and a read-only filesystem.
 */
final class ComposeCheck {

  /** Services whose ports are allowed to be published. */
  static final Set<String> PUBLISHED = Set.of("gateway", "keycloak", "prometheus", "grafana");

  private ComposeCheck() {}

  @SuppressWarnings("unchecked")
  static List<String> problems(Path composeFile, Path repoRoot) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(200);
    Map<String, Object> compose = new Yaml(options).load(Files.readString(composeFile));
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Object>> services =
        (Map<String, Map<String, Object>>) compose.getOrDefault("services", Map.of());
    Map<String, Object> volumes = (Map<String, Object>) compose.getOrDefault("volumes", Map.of());
    if (services.isEmpty()) {
      problems.add("no services");
    }
    for (var entry : services.entrySet()) {
      String name = entry.getKey();
      Map<String, Object> service = entry.getValue();
      if (service.get("image") == null && service.get("build") == null) {
        problems.add(name + ": neither image nor build");
      }
      Object dependsOn = service.get("depends_on");
      Collection<String> deps =
          dependsOn instanceof Map<?, ?> m
              ? (Collection<String>) m.keySet()
              : dependsOn instanceof List<?> l ? (List<String>) l : List.of();
      for (String dep : deps) {
        if (!services.containsKey(dep)) {
          problems.add(name + ": depends on unknown service " + dep);
          continue;
        }
        if (dependsOn instanceof Map<?, ?> m
            && m.get(dep) instanceof Map<?, ?> condition
            && "service_healthy".equals(condition.get("condition"))
            && services.get(dep).get("healthcheck") == null) {
          problems.add(name + ": waits for " + dep + " to be healthy, but it has no healthcheck");
        }
      }
      for (Object mount : (List<Object>) service.getOrDefault("volumes", List.of())) {
        String source = String.valueOf(mount).split(":")[0];
        if (source.startsWith("./") || source.startsWith("../")) {
          if (!Files.exists(repoRoot.resolve(source).normalize())) {
            problems.add(name + ": mounts " + source + " which does not exist");
          }
        } else if (!source.startsWith("/") && !volumes.containsKey(source)) {
          problems.add(name + ": uses volume " + source + " which is not declared");
        }
      }
      if (service.get("build") instanceof Map<?, ?> build) {
        Path dockerfile =
            repoRoot
                .resolve(String.valueOf(build.get("context")))
                .resolve(String.valueOf(build.get("dockerfile")))
                .normalize();
        if (!Files.isRegularFile(dockerfile)) {
          problems.add(name + ": Dockerfile " + dockerfile + " does not exist");
        }
        if (build.get("args") instanceof Map<?, ?> args && args.get("SERVICE") != null) {
          String module = String.valueOf(args.get("SERVICE"));
          if (!Files.isRegularFile(repoRoot.resolve(module).resolve("pom.xml"))) {
            problems.add(name + ": builds module " + module + " which does not exist");
          }
        }
        if (service.get("healthcheck") == null) {
          problems.add(name + ": an application service without a healthcheck");
        }
        if (!Boolean.TRUE.equals(service.get("read_only"))) {
          problems.add(name + ": root filesystem not read-only");
        }
      }
      if (service.get("ports") != null && !PUBLISHED.contains(name)) {
        problems.add(name + ": publishes a port; only the gateway is published");
      }
    }
    return problems;
  }
}
