package cn.dangjian.testsupport;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for something a consumer does asynchronously (a projection, an alert, a delivery). */
public final class Eventually {

  private Eventually() {}

  /** Polls until the probe yields a value, or fails after 30 s. */
  public static <T> T await(Supplier<Optional<T>> probe) {
    return await(probe, Duration.ofSeconds(30));
  }

  public static <T> T await(Supplier<Optional<T>> probe, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("not there within " + timeout.toSeconds() + " s");
  }
}
