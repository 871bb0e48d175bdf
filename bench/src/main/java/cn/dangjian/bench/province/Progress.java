package cn.dangjian.bench.province;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One phase's progress bar on stderr, one line rewritten with {@code \r}: bar, rows done/total,
 * rows/s and ETA. Updated at most four times a second whatever the number of callers.
 */
final class Progress {

  private static final int WIDTH = 30;
  private static final PrintStream OUT = System.err;

  private final String phase;
  private final long total;
  private final String unit;
  private final long began = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private volatile long lastDraw;

  Progress(String phase, long total) {
    this(phase, total, "rows");
  }

  /** {@code unit}: what is counted ("rows", or "steps" for a phase of a few big statements). */
  Progress(String phase, long total, String unit) {
    this.phase = phase;
    this.unit = unit;
    this.total = Math.max(1, total);
    draw(0);
  }

  void add(long rows) {
    set(done.addAndGet(rows));
  }

  /** For callers that count themselves (e.g. a loader's own counter). */
  void set(long rows) {
    done.set(rows);
    long now = System.nanoTime();
    if (now - lastDraw > 250_000_000L) {
      synchronized (this) {
        if (now - lastDraw > 250_000_000L) {
          lastDraw = now;
          draw(rows);
        }
      }
    }
  }

  long done() {
    return done.get();
  }

  double seconds() {
    return (System.nanoTime() - began) / 1e9;
  }

  /** Draws the final state and ends the line. */
  synchronized void finish() {
    draw(done.get());
    OUT.println();
  }

  private void draw(long rows) {
    double secs = Math.max(1e-3, (System.nanoTime() - began) / 1e9);
    double rate = rows / secs;
    int filled = (int) Math.min(WIDTH, rows * WIDTH / total);
    long eta = rate > 0 ? (long) ((total - Math.min(rows, total)) / rate) : -1;
    OUT.print(
        String.format(
            Locale.ROOT,
            "\r%-22s [%s%s] %,d/%,d  %,.0f %s/s  %s  ",
            phase,
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            rows,
            total,
            rate,
            unit,
            rows >= total
                ? String.format(Locale.ROOT, "%.1f s", secs)
                : eta < 0 ? "ETA ?" : String.format("ETA %d:%02d", eta / 60, eta % 60)));
    OUT.flush();
  }
}
