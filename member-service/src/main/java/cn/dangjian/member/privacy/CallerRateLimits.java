package cn.dangjian.member.privacy;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.security.Caller;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Per-caller limits (Resilience4j RateLimiter, one limiter per purpose and token subject) on the
 * requests that can confirm a guessed ID number: exact ID-number search and dry-run imports.
 */
@Component
public class CallerRateLimits {

  /** What is limited; each purpose has its own budget per caller. */
  public enum Purpose {
    ID_NUMBER_SEARCH,
    IMPORT_DRY_RUN
  }

  private final RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
  private final PrivacyProperties properties;

  CallerRateLimits(PrivacyProperties properties) {
    this.properties = properties;
  }

  /** Takes one permit or throws the 429 problem with the seconds to wait. */
  public void acquire(Purpose purpose, Caller caller) {
    RateLimiter limiter =
        registry.rateLimiter(purpose + ":" + caller.subject(), () -> config(purpose));
    if (!limiter.acquirePermission()) {
      long nanos =
          limiter instanceof AtomicRateLimiter atomic
              ? atomic.getDetailedMetrics().getNanosToWait()
              : Duration.ofMinutes(1).toNanos();
      long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
      throw ProblemException.tooManyRequests(seconds, "privacy.rate-limited", seconds);
    }
  }

  private RateLimiterConfig config(Purpose purpose) {
    int perMinute =
        purpose == Purpose.ID_NUMBER_SEARCH
            ? properties.idSearchPerMinute()
            : properties.dryRunImportsPerMinute();
    return RateLimiterConfig.custom()
        .limitForPeriod(Math.max(1, perMinute))
        .limitRefreshPeriod(Duration.ofMinutes(1))
        .timeoutDuration(Duration.ZERO)
        .build();
  }
}
