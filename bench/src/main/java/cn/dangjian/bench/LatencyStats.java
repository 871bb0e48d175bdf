package cn.dangjian.bench;

import java.util.Arrays;
import java.util.Locale;

/** Nearest-rank percentiles of one measured phase, in milliseconds. */
record LatencyStats(
    String name,
    int clients,
    int count,
    int errors,
    double wallSeconds,
    double p50,
    double p90,
    double p99,
    double max,
    double mean,
    String firstError,
    double diskReadsPerRequest,
    double foreignCores) {

  static LatencyStats of(
      String name, int clients, long[] nanos, int count, int errors, double wall, String error) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    double sum = 0;
    for (long n : sorted) {
      sum += n;
    }
    return new LatencyStats(
        name,
        clients,
        count,
        errors,
        wall,
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 90)),
        ms(percentile(sorted, 99)),
        count == 0 ? Double.NaN : ms(sorted[count - 1]),
        count == 0 ? Double.NaN : sum / count / 1e6,
        error,
        Double.NaN,
        Double.NaN);
  }

  /**
   * With the InnoDB buffer-pool misses (pages read from disk) per request and the CPU other
   * processes used (in cores) during the phase.
   */
  LatencyStats withContext(long reads, double foreign) {
    return new LatencyStats(
        name,
        clients,
        count,
        errors,
        wallSeconds,
        p50,
        p90,
        p99,
        max,
        mean,
        firstError,
        count == 0 ? Double.NaN : (double) reads / count,
        foreign);
  }

  boolean disturbed() {
    return foreignCores >= 0.25;
  }

  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double ms(long nanos) {
    return nanos < 0 ? Double.NaN : nanos / 1e6;
  }

  double throughput() {
    return wallSeconds <= 0 ? 0 : count / wallSeconds;
  }

  String line() {
    return String.format(
        Locale.ROOT,
        "%-58s c=%-2d n=%-5d p50 %7.1f  p90 %7.1f  p99 %7.1f  max %7.1f ms  %6.1f req/s  %5.1f"
            + " disk reads/req%s",
        name,
        clients,
        count,
        p50,
        p90,
        p99,
        max,
        throughput(),
        diskReadsPerRequest,
        (disturbed()
                ? String.format(
                    Locale.ROOT, "  DISTURBED (other processes: %.2f cores)", foreignCores)
                : "")
            + (errors == 0 ? "" : "  ERRORS " + errors + " (" + firstError + ")"));
  }

  String markdownRow() {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %.1f | %.1f | **%.1f** | %.1f | %.1f | %.1f |",
        name
            + (errors == 0 ? "" : " (" + errors + " errors)")
            + (disturbed()
                ? String.format(Locale.ROOT, " (other processes used %.1f cores)", foreignCores)
                : ""),
        clients,
        count,
        p50,
        p90,
        p99,
        max,
        throughput(),
        diskReadsPerRequest);
  }
}
