package cn.dangjian.bench.platform;

import io.gatling.app.Gatling$;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs {@link ConsoleSimulation} in this JVM with Gatling's own launcher; its HTML report lands in
 * {@code <out>/gatling/<simulation>-<time>/}. The numbers for the bench's tables are in {@link
 * StepLatencies}.
 */
final class GatlingRun {

  record Result(Path report, int exitCode) {}

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
    StepLatencies.clear();
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
          dirs.filter(d -> Files.isRegularFile(d.resolve("index.html")))
              .max(Comparator.comparing(d -> d.toFile().lastModified()))
              .orElse(null);
    }
    return new Result(report, code);
  }
}
