package cn.dangjian.bench.platform;

import cn.dangjian.bench.CpuMonitor;
import cn.dangjian.bench.RssSampler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RSS and CPU of every process of the run (the services, the gateway, this JVM, the database),
 * sampled from /proc every 500 ms into a time series, so any phase's window can be asked for
 * afterwards: peak and mean RSS, cores used and CPU seconds.
 */
final class ProcessUsage {

  record Usage(long peakMb, long meanMb, double cores, double cpuSeconds) {}

  private record Sample(long nanos, double[] cpuSeconds, long[] rssKb) {}

  private final List<String> names;
  private final long[] pids;
  private final List<RssSampler> rss = new ArrayList<>();
  private final List<Sample> samples = new ArrayList<>();
  private volatile boolean running = true;

  ProcessUsage(Map<String, Long> processes) {
    this.names = new ArrayList<>(processes.keySet());
    this.pids = processes.values().stream().mapToLong(Long::longValue).toArray();
    for (long pid : pids) {
      rss.add(new RssSampler(pid));
    }
  }

  void start() {
    Thread thread =
        new Thread(
            () -> {
              while (running) {
                sample();
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "process-usage");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    double[] cpu = new double[pids.length];
    long[] kb = new long[pids.length];
    for (int i = 0; i < pids.length; i++) {
      cpu[i] = CpuMonitor.cpuSeconds(pids[i]);
      kb[i] = rss.get(i).rssKb();
    }
    synchronized (samples) {
      samples.add(new Sample(System.nanoTime(), cpu, kb));
    }
  }

  void stop() {
    running = false;
  }

  List<String> names() {
    return names;
  }

  /** Per process, between two System.nanoTime() instants. */
  Map<String, Usage> between(long from, long to) {
    List<Sample> inside = new ArrayList<>();
    synchronized (samples) {
      for (Sample s : samples) {
        if (s.nanos() >= from && s.nanos() <= to) {
          inside.add(s);
        }
      }
    }
    Map<String, Usage> usage = new LinkedHashMap<>();
    if (inside.size() < 2) {
      return usage;
    }
    Sample first = inside.get(0);
    Sample last = inside.get(inside.size() - 1);
    double seconds = (last.nanos() - first.nanos()) / 1e9;
    for (int i = 0; i < names.size(); i++) {
      long peak = 0;
      long sum = 0;
      for (Sample s : inside) {
        peak = Math.max(peak, s.rssKb()[i]);
        sum += s.rssKb()[i];
      }
      double cpu = last.cpuSeconds()[i] - first.cpuSeconds()[i];
      usage.put(
          names.get(i), new Usage(peak / 1024, sum / inside.size() / 1024, cpu / seconds, cpu));
    }
    return usage;
  }
}
