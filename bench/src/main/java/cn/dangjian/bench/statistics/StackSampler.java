package cn.dangjian.bench.statistics;

import cn.dangjian.bench.BenchLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A poor man's profiler for one thread of the service: {@code jcmd <pid> Thread.print} every few
 * seconds, and for the thread whose name contains {@code threadName} the innermost application
 * frame ({@code cn.dangjian.}) and what it was doing (the top frame: a socket read is a wait for
 * the database). Counts tell where a busy consumer spends its time.
 */
final class StackSampler {

  private final long pid;
  private final String threadName;
  private final Map<String, Integer> counts = new HashMap<>();
  private volatile boolean running = true;
  private Thread thread;
  private int samples;

  StackSampler(long pid, String threadName) {
    this.pid = pid;
    this.threadName = threadName;
  }

  void start(long intervalMillis) {
    thread =
        new Thread(
            () -> {
              while (running) {
                sample();
                try {
                  Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "stack-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  void stop() throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.interrupt();
      thread.join(10_000);
    }
  }

  void report(BenchLog log, int top) {
    synchronized (counts) {
      log.line("   stack samples of the consumer thread: %d", samples);
      counts.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .limit(top)
          .forEach(
              e ->
                  log.line(
                      "   %5.1f %%  %s", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }
  }

  private void sample() {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process p =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
              .redirectErrorStream(true)
              .start();
      String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      String key = classify(dump);
      if (key != null) {
        synchronized (counts) {
          samples++;
          counts.merge(key, 1, Integer::sum);
        }
      }
    } catch (IOException e) {
      running = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** "top frame ← innermost cn.dangjian frame" of the sampled thread, or null if not found. */
  String classify(String dump) {
    List<String> frames = new ArrayList<>();
    boolean in = false;
    for (String line : dump.split("\n")) {
      if (line.startsWith("\"")) {
        if (in) {
          break;
        }
        in = line.contains(threadName);
        continue;
      }
      if (in && line.strip().startsWith("at ")) {
        frames.add(line.strip().substring(3).replaceAll("\\(.*\\)", ""));
      }
    }
    if (frames.isEmpty()) {
      return null;
    }
    String top = frames.get(0);
    String app =
        frames.stream()
            .filter(f -> f.startsWith("cn.dangjian."))
            .findFirst()
            .orElse("(no app frame)");
    boolean io = top.startsWith("sun.nio.ch.") || top.startsWith("java.net.");
    boolean jdbc = frames.stream().anyMatch(f -> f.startsWith("com.mysql.cj."));
    boolean kafka = frames.stream().anyMatch(f -> f.startsWith("org.apache.kafka.clients."));
    String doing =
        io && jdbc
            ? "waiting for MariaDB"
            : io && kafka && app.startsWith("(") ? "Kafka poll" : top;
    return doing + "  ←  " + app.replace("cn.dangjian.member.statistics.", "");
  }
}
