package cn.dangjian.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** RSS of the service process from /proc, sampled every 250 ms. */
public final class RssSampler {
  private final long pid;
  private final AtomicLong peakKb = new AtomicLong();
  // for the mean since the last reset (PlatformBench reports peak and mean per phase)
  private final AtomicLong sumKb = new AtomicLong();
  private final AtomicLong samples = new AtomicLong();
  private volatile boolean running = true;
  private Thread thread;

  public RssSampler(long pid) {
    this.pid = pid;
  }

  public void start() {
    thread =
        new Thread(
            () -> {
              while (running) {
                long kb = rssKb();
                peakKb.accumulateAndGet(kb, Math::max);
                sumKb.addAndGet(kb);
                samples.incrementAndGet();
                try {
                  Thread.sleep(250);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "rss-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  public long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      return 0;
    }
    return 0;
  }

  public long currentMb() {
    return rssKb() / 1024;
  }

  public long peakMb() {
    return peakKb.get() / 1024;
  }

  public void resetPeak() {
    peakKb.set(rssKb());
    sumKb.set(0);
    samples.set(0);
  }

  /** Mean RSS over the samples since the start or the last {@link #resetPeak()}. */
  public long meanMb() {
    long n = samples.get();
    return n == 0 ? currentMb() : sumKb.get() / n / 1024;
  }

  public void stop() {
    running = false;
  }
}
