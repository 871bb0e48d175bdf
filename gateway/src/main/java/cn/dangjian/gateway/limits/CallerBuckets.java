package cn.dangjian.gateway.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One token bucket per caller, in memory. Plain class without Spring so the arithmetic can be
 * tested with a fake clock.
 */
final class CallerBuckets {

  /** Returned by {@link #tryAcquire} when the request may pass. */
  static final long ALLOWED = 0;

  private final double tokensPerNano;
  private final int capacity;
  private final int maxCallers;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  CallerBuckets(double requestsPerSecond, int burst, int maxCallers) {
    if (requestsPerSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("rate limit needs requests-per-second > 0 and burst >= 1");
    }
    this.tokensPerNano = requestsPerSecond / TimeUnit.SECONDS.toNanos(1);
    this.capacity = burst;
    this.maxCallers = maxCallers;
  }

  /**
   * @return {@link #ALLOWED}, or the whole seconds the caller should wait before the next try
   */
  long tryAcquire(String caller, long nowNanos) {
    if (buckets.size() >= maxCallers && !buckets.containsKey(caller)) {
      evictIdle(nowNanos);
    }
    Bucket bucket = buckets.computeIfAbsent(caller, ignored -> new Bucket(capacity, nowNanos));
    return bucket.tryAcquire(nowNanos);
  }

  int trackedCallers() {
    return buckets.size();
  }

  /** A bucket that has refilled completely carries no state worth keeping. */
  private void evictIdle(long nowNanos) {
    buckets.entrySet().removeIf(entry -> entry.getValue().isFull(nowNanos));
  }

  private final class Bucket {
    private double tokens;
    private long updatedNanos;

    Bucket(double tokens, long nowNanos) {
      this.tokens = tokens;
      this.updatedNanos = nowNanos;
    }

    synchronized long tryAcquire(long nowNanos) {
      refill(nowNanos);
      if (tokens >= 1) {
        tokens -= 1;
        return ALLOWED;
      }
      double missingNanos = (1 - tokens) / tokensPerNano;
      return Math.max(1, (long) Math.ceil(missingNanos / TimeUnit.SECONDS.toNanos(1)));
    }

    synchronized boolean isFull(long nowNanos) {
      refill(nowNanos);
      return tokens >= capacity;
    }

    private void refill(long nowNanos) {
      long elapsed = Math.max(0, nowNanos - updatedNanos);
      tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
      updatedNanos = nowNanos;
    }
  }
}
