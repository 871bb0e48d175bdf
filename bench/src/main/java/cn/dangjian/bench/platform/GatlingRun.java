package cn.dangjian.bench.platform;

import io.gatling.app.Gatling$;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@link ConsoleSimulation} in this JVM with Gatling's own launcher (its HTML report lands in
 * {@code <out>/gatling/<simulation>-<time>/}) and reads the numbers back from the report's {@code
 * js/stats.json}: per group (one per step) and per request inside it.
 */
final class GatlingRun {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Gatling's numbers for one group or request, in ms (Gatling's resolution). */
  record Numbers(
      String name, long total, long ko, double p50, double p95, double p99, double p999) {}

  record Result(
      Path report, int exitCode, Map<String, Numbers> groups, Map<String, Numbers> requests) {}

  static Result run(LoadPlan plan, Path results, String description) throws IOException {
    Files.createDirectories(results);
    // the four percentiles the report shows (its defaults are 50/75/95/99)
    System.setProperty("gatling.charting.indicators.percentile1", "50");
    System.setProperty("gatling.charting.indicators.percentile2", "95");
    System.setProperty("gatling.charting.indicators.percentile3", "99");
    System.setProperty("gatling.charting.indicators.percentile4", "99.9");
    System.setProperty("gatling.data.enableAnalytics", "false");
    System.setProperty("gatling.http.requestTimeout", "30000");
    System.setProperty("gatling.data.console.writePeriod", "10");
    ConsoleSimulation.plan = plan;
    LoadPlan.WINDOWS.clear();
    int code =
        Gatling$.MODULE$.fromArgs(
            new String[] {
              "--simulation", ConsoleSimulation.class.getName(),
              "--results-folder", results.toAbsolutePath().toString(),
              "--run-description", description
            });
    Path report;
    try (Stream<Path> dirs = Files.list(results)) {
      report =
          dirs.filter(Files::isDirectory)
              .filter(d -> Files.isRegularFile(d.resolve("js/stats.json")))
              .max(Comparator.comparing(d -> d.toFile().lastModified()))
              .orElseThrow(
                  () -> new IllegalStateException("Gatling (exit " + code + ") wrote no report"));
    }
    Map<String, Numbers> groups = new LinkedHashMap<>();
    Map<String, Numbers> requests = new LinkedHashMap<>();
    walk(JSON.readTree(report.resolve("js/stats.json").toFile()), "", groups, requests);
    return new Result(report, code, groups, requests);
  }

  /** Groups by name; requests as "group / request". */
  private static void walk(
      JsonNode node, String group, Map<String, Numbers> groups, Map<String, Numbers> requests) {
    String type = node.path("type").asString("");
    String name = node.path("name").asString("");
    JsonNode stats = node.path("stats");
    String here = group;
    if (type.equals("GROUP") && !stats.isMissingNode() && !name.equals("All Requests")) {
      groups.put(name, numbers(name, stats));
      here = name;
    } else if (type.equals("REQUEST")) {
      requests.put(group + " / " + name, numbers(name, stats));
    }
    JsonNode contents = node.path("contents");
    for (JsonNode child : contents) {
      walk(child, here, groups, requests);
    }
  }

  private static Numbers numbers(String name, JsonNode stats) {
    return new Numbers(
        name,
        stats.path("numberOfRequests").path("total").asLong(),
        stats.path("numberOfRequests").path("ko").asLong(),
        stats.path("percentiles1").path("total").asDouble(Double.NaN),
        stats.path("percentiles2").path("total").asDouble(Double.NaN),
        stats.path("percentiles3").path("total").asDouble(Double.NaN),
        stats.path("percentiles4").path("total").asDouble(Double.NaN));
  }
}
