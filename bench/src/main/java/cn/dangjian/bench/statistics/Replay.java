package cn.dangjian.bench.statistics;

import cn.dangjian.bench.BenchLog;
import cn.dangjian.bench.CpuMonitor;
import java.time.Duration;

/**
 * A replay or rebuild timed until the read model has applied every event published: seconds from
 * {@code since} and from the first poll, events/s, and the cores the service and MariaDB used.
 */
record Replay(
    double fromLaunch, double afterReady, double rate, double serviceCores, double dbCores) {

  /** Polls the status every second until {@code target} events are applied (or the time limit). */
  static Replay await(
      StatisticsApi api,
      long pid,
      long target,
      long since,
      String what,
      int limitMinutes,
      BenchLog log)
      throws Exception {
    long limit = System.nanoTime() + Duration.ofMinutes(limitMinutes).toNanos();
    long ready = System.nanoTime();
    long appliedAtReady = api.eventsApplied();
    double cpu0 = CpuMonitor.cpuSeconds(pid);
    double db0 = dbCpu();
    long lastPrint = ready;
    long applied = appliedAtReady;
    while (applied < target && System.nanoTime() < limit) {
      Thread.sleep(1000);
      applied = api.eventsApplied();
      if (System.nanoTime() - lastPrint > 30e9) {
        lastPrint = System.nanoTime();
        double s = (lastPrint - ready) / 1e9;
        log.line(
            "   %s: %,d of %,d applied after %.0f s (%.0f/s)",
            what, applied, target, s, (applied - appliedAtReady) / s);
      }
    }
    long end = System.nanoTime();
    if (applied < target) {
      log.line("   %s: NOT caught up within the limit: %,d of %,d", what, applied, target);
    }
    double wall = (end - ready) / 1e9;
    return new Replay(
        (end - since) / 1e9,
        wall,
        (applied - appliedAtReady) / wall,
        (CpuMonitor.cpuSeconds(pid) - cpu0) / wall,
        (dbCpu() - db0) / wall);
  }

  private static double dbCpu() {
    return CpuMonitor.databasePids().stream().mapToDouble(CpuMonitor::cpuSeconds).sum();
  }
}
