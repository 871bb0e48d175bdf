package cn.dangjian.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Token buckets shared by every gateway instance: Bucket4j's MySQL proxy manager on the gateway's
 * schema ({@code rate_limit_bucket}). Plain class without Spring so tests can run two instances,
 * each with its own local state, against one database.
 *
 * <p>Never on the Netty event loop: every call that may touch JDBC runs on a bounded-elastic
 * scheduler. Bucket4j's delaying optimization decides most requests from the bucket's local copy
 * and writes to the database only every {@code syncTokens} tokens or {@code syncInterval}, so with
 * N instances a caller can get up to N × syncTokens requests beyond the limit (the documented
 * tolerance). When the database fails, a breaker opens and each instance falls back to its own
 * in-memory bucket per key (fail open to the per-instance limit, logged), and tries the database
 * again after {@code retryAfter}.
 */
public final class SharedBuckets implements AutoCloseable {

  /** Returned by {@link #tryAcquire} when the request may pass. */
  public static final long ALLOWED = 0;

  private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);

  /** One kind of budget: a key prefix ("caller", "address") and its bucket. */
  public record Limit(String name, double requestsPerSecond, int burst) {
    public Limit {
      if (requestsPerSecond <= 0 || burst < 1) {
        throw new IllegalArgumentException(
            "rate limit needs requests-per-second > 0 and burst >= 1");
      }
    }

    BucketConfiguration configuration() {
      // Bucket4j counts whole tokens: refill `burst` tokens over the time they take at this rate
      long refillNanos = Math.round(burst * TimeUnit.SECONDS.toNanos(1) / requestsPerSecond);
      return BucketConfiguration.builder()
          .addLimit(
              Bandwidth.builder()
                  .capacity(burst)
                  .refillGreedy(burst, Duration.ofNanos(Math.max(1, refillNanos)))
                  .build())
          .build();
    }
  }

  /**
   * @param syncTokens tokens an instance may hand out before it writes to the shared bucket
   * @param syncInterval longest time an instance decides alone before it writes
   * @param retryAfter how long an instance uses only its local buckets after the database failed
   * @param maxKeys memory bound for the local copies and fallback buckets
   * @param shared false: per-instance buckets only, the database is never used
   */
  public record Settings(
      int syncTokens, Duration syncInterval, Duration retryAfter, int maxKeys, boolean shared) {}

  private final MySQLSelectForUpdateBasedProxyManager<String> store;
  private final DataSource dataSource;
  private final Optimization delaying;
  private final CircuitBreaker breaker;
  private final Scheduler scheduler;
  private final Cache<String, Bucket> shared;
  private final Cache<String, Bucket> local;
  private final AtomicBoolean migrated = new AtomicBoolean();
  private final AtomicBoolean degraded = new AtomicBoolean();
  private final Disposable cleanup;
  private final boolean sharing;

  public SharedBuckets(DataSource dataSource, Settings settings) {
    this.dataSource = dataSource;
    this.sharing = settings.shared();
    this.store =
        Bucket4jMySQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_bucket")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            // a row is worth keeping only until its bucket would be full again
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofSeconds(10)))
            .build();
    this.delaying =
        Optimizations.delaying(new DelayParameters(settings.syncTokens(), settings.syncInterval()));
    this.breaker =
        CircuitBreaker.of(
            "rate-limit-store",
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(4)
                .minimumNumberOfCalls(1)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.retryAfter())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    this.breaker
        .getEventPublisher()
        .onStateTransition(event -> onTransition(event.getStateTransition().getToState()));
    this.scheduler = Schedulers.newBoundedElastic(8, 10_000, "rate-limit-store");
    this.shared =
        Caffeine.newBuilder()
            .maximumSize(settings.maxKeys())
            .expireAfterAccess(Duration.ofMinutes(2))
            .build();
    this.local =
        Caffeine.newBuilder()
            .maximumSize(settings.maxKeys())
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    this.cleanup = scheduler.schedulePeriodically(this::removeExpired, 1, 1, TimeUnit.MINUTES);
  }

  /**
   * Charges {@code key}'s bucket one request.
   *
   * @return {@link #ALLOWED}, or the whole seconds to wait before the next try
   */
  public Mono<Long> tryAcquire(Limit limit, String key) {
    String id = limit.name() + ":" + key;
    if (!sharing || breaker.getState() == CircuitBreaker.State.OPEN) {
      return Mono.just(locally(limit, id));
    }
    return Mono.fromCallable(CircuitBreaker.decorateCallable(breaker, () -> shared(limit, id)))
        .subscribeOn(scheduler)
        .onErrorResume(
            failure -> {
              if (degraded.compareAndSet(false, true)) {
                log.warn(
                    "rate-limit store unreachable, each gateway instance limits on its own: {}",
                    failure.toString());
              }
              return Mono.just(locally(limit, id));
            });
  }

  /** Whether the last calls reached the database (false while the breaker keeps it out). */
  public boolean sharing() {
    return sharing && breaker.getState() != CircuitBreaker.State.OPEN;
  }

  private long shared(Limit limit, String id) {
    migrate();
    Bucket bucket =
        shared.get(
            id,
            ignored -> store.builder().withOptimization(delaying).build(id, limit::configuration));
    return waitSeconds(bucket.tryConsumeAndReturnRemaining(1));
  }

  private long locally(Limit limit, String id) {
    Bucket bucket =
        local.get(
            id,
            ignored -> Bucket.builder().addLimit(limit.configuration().getBandwidths()[0]).build());
    return waitSeconds(bucket.tryConsumeAndReturnRemaining(1));
  }

  private static long waitSeconds(ConsumptionProbe probe) {
    if (probe.isConsumed()) {
      return ALLOWED;
    }
    return Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / 1e9));
  }

  /** The table, created on first use so that the gateway starts while the database is down. */
  private void migrate() {
    if (migrated.get()) {
      return;
    }
    synchronized (migrated) {
      if (!migrated.get()) {
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/gateway")
            .load()
            .migrate();
        migrated.set(true);
      }
    }
  }

  private void onTransition(CircuitBreaker.State to) {
    if (to == CircuitBreaker.State.OPEN) {
      log.warn("rate-limit store off for now: per-instance limits until it answers again");
    } else if (to == CircuitBreaker.State.CLOSED && degraded.compareAndSet(true, false)) {
      log.info("rate-limit store reachable again: limits are shared by all gateway instances");
    }
  }

  private void removeExpired() {
    if (!sharing || !migrated.get() || breaker.getState() == CircuitBreaker.State.OPEN) {
      return;
    }
    try {
      while (store.removeExpired(1000) >= 1000) {
        // keep going while full batches come back
      }
    } catch (RuntimeException e) {
      log.debug("removing expired rate-limit rows failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    cleanup.dispose();
    scheduler.dispose();
  }
}
