package cn.dangjian.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dashboards and alert rules read only metrics the services export. What they export is the list in
 * deploy/observability/exported-metrics.txt, and e2e's ObservabilityE2EIT proves that list against
 * the running platform's /actuator/prometheus — so a query of a metric no service exports fails one
 * of the two.
 */
class DashboardsTest {

  /** Series Prometheus makes itself. */
  static final Set<String> PROMETHEUS_OWN = Set.of("up");

  private final Path root = Repo.root();
  private final ObjectMapper json = new ObjectMapper();

  static Set<String> exported(Path root) throws IOException {
    Set<String> names = new TreeSet<>();
    for (String line :
        Files.readAllLines(root.resolve("deploy/observability/exported-metrics.txt"))) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        names.add(name.split("\\s+")[0]);
      }
    }
    return names;
  }

  /** Metrics a dashboard's queries read that are not in the exported list. */
  Set<String> unknownMetrics(JsonNode dashboard, Set<String> exported) {
    Set<String> unknown = new TreeSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        for (String metric : PromQl.metricNames(target.path("expr").asText())) {
          if (!exported.contains(metric) && !PROMETHEUS_OWN.contains(metric)) {
            unknown.add(metric);
          }
        }
      }
    }
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      String query = variable.path("query").asText();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("label_values\\((\\w+)").matcher(query);
      if (m.find() && !exported.contains(m.group(1))) {
        unknown.add(m.group(1));
      }
    }
    return unknown;
  }

  @Test
  void everyDashboardIsValidJsonAndQueriesOnlyExportedMetrics() throws Exception {
    Set<String> exported = exported(root);
    List<Path> dashboards;
    try (Stream<Path> files = Files.list(root.resolve("deploy/grafana/dashboards"))) {
      dashboards = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(dashboards).hasSizeGreaterThanOrEqualTo(3);
    for (Path file : dashboards) {
      JsonNode dashboard = json.readTree(file.toFile());
      assertThat(dashboard.path("uid").asText()).as(file.toString()).isNotBlank();
      assertThat(dashboard.path("panels").size()).as(file.toString()).isPositive();
      assertThat(unknownMetrics(dashboard, exported)).as(file.toString()).isEmpty();
    }
  }

  @Test
  void aDashboardQueryingAMetricNoServiceExportsIsCaught() throws Exception {
    JsonNode broken = json.readTree(Path.of("src/test/resources/broken/dashboard.json").toFile());
    assertThat(unknownMetrics(broken, exported(root)))
        .containsExactly("dangjian_alerts_open_gauge", "http_requests_total");
  }

  @Test
  void alertRulesQueryOnlyExportedMetrics() throws Exception {
    Set<String> exported = exported(root);
    JsonNode rules =
        Manifests.STRICT.readTree(
            Files.readString(root.resolve("deploy/prometheus/alert-rules.yml")));
    Set<String> unknown = new TreeSet<>();
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        for (String metric : PromQl.metricNames(rule.path("expr").asText())) {
          if (!exported.contains(metric) && !PROMETHEUS_OWN.contains(metric)) {
            unknown.add(rule.path("alert").asText() + ": " + metric);
          }
        }
      }
    }
    assertThat(unknown).isEmpty();
  }

  @Test
  void metricNamesAreReadFromPromQlNotItsFunctionsOrLabels() {
    assertThat(
            PromQl.metricNames(
                "histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket{application=\"gateway\", uri!~\"/x\"}[5m])))"
                    + " / on (uri) group_left max(jvm_memory_used_bytes) > bool 1e3"))
        .containsExactly("http_server_requests_seconds_bucket", "jvm_memory_used_bytes");
  }
}
