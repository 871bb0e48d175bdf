package cn.dangjian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How much CPU processes other than the benchmark, member-service and the database used, from
 * {@code /proc} (Linux; elsewhere it reports 0). On a shared 2-core machine a concurrent build or
 * test run distorts latencies, so each phase waits for a quiet machine first (bounded) and reports
 * the foreign load it saw.
 */
public final class CpuMonitor {

  private final List<Long> ours;

  CpuMonitor(long... pids) {
    this.ours = new ArrayList<>();
    for (long pid : pids) {
      ours.add(pid);
    }
    ours.add(ProcessHandle.current().pid());
    ours.addAll(pidsNamed("mariadbd", "mysqld"));
  }

  record Sample(long busy, long total, long ours, long nanos) {}

  Sample sample() {
    long busy = 0;
    long total = 0;
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      for (int i = 1; i < cpu.length && i <= 8; i++) {
        long v = Long.parseLong(cpu[i]);
        total += v;
        if (i != 4 && i != 5) {
          busy += v; // not idle, not iowait
        }
      }
    } catch (IOException | RuntimeException e) {
      return new Sample(0, 0, 0, System.nanoTime());
    }
    long mine = 0;
    for (long pid : ours) {
      mine += jiffies(pid);
    }
    return new Sample(busy, total, mine, System.nanoTime());
  }

  /** Cores' worth of CPU used by other processes between the two samples. */
  static double foreignCores(Sample a, Sample b) {
    long total = b.total() - a.total();
    if (total <= 0) {
      return 0;
    }
    long foreign = Math.max(0, (b.busy() - a.busy()) - (b.ours() - a.ours()));
    return (double) foreign / total * Runtime.getRuntime().availableProcessors();
  }

  /**
   * Waits (up to {@code maxWaitSeconds}) until other processes use less than {@code threshold}
   * cores over a 3-second window; returns the foreign load last seen.
   */
  double awaitQuiet(double threshold, int maxWaitSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + maxWaitSeconds * 1_000_000_000L;
    boolean told = false;
    while (true) {
      Sample a = sample();
      Thread.sleep(3000);
      double foreign = foreignCores(a, sample());
      if (foreign < threshold || System.nanoTime() > deadline) {
        if (told) {
          System.out.printf(
              Locale.ROOT,
              "   ... %s (other processes: %.2f cores)%n",
              foreign < threshold ? "quiet now" : "gave up waiting",
              foreign);
        }
        return foreign;
      }
      if (!told) {
        System.out.printf(
            Locale.ROOT,
            "   waiting for a quiet machine: other processes use %.2f cores (up to %d s)%n",
            foreign,
            maxWaitSeconds);
        told = true;
      }
    }
  }

  /** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
  public static double cpuSeconds(long pid) {
    return jiffies(pid) / 100.0;
  }

  /** The database server's processes (mariadbd or mysqld). */
  public static List<Long> databasePids() {
    return pidsNamed("mariadbd", "mysqld");
  }

  private static long jiffies(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields after "(comm) ": state=0 ... utime=11 stime=12
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static List<Long> pidsNamed(String... names) {
    List<Long> pids = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      procs
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .forEach(
              p -> {
                try {
                  String comm = Files.readString(p.resolve("comm")).strip();
                  for (String name : names) {
                    if (comm.equals(name)) {
                      pids.add(Long.parseLong(p.getFileName().toString()));
                    }
                  }
                } catch (IOException | RuntimeException ignored) {
                  // gone
                }
              });
    } catch (IOException | RuntimeException ignored) {
      // not Linux
    }
    return pids;
  }
}
