package cn.dangjian.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Edge limits and retry tuning ({@code dangjian.gateway.*}). Defaults live here so the gateway
 * behaves sanely even when a launcher supplies no configuration at all.
 *
 * @param maxBodySize requests with a larger body are answered 413 and never reach a service
 * @param maxUploadSize the same for bulk imports ({@code /api/.../import}), which carry files
 * @param retry how idempotent (GET) requests are retried on 502/503 and connection failures
 * @param rateLimit the per-caller and per-address request budgets, shared by all instances
 * @param tokenCache verified tokens kept so that each is RSA-checked once, not on every request
 */
@ConfigurationProperties("dangjian.gateway")
public record GatewayProperties(
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("20MB") DataSize maxUploadSize,
    @DefaultValue Retry retry,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue TokenCache tokenCache) {

  /**
   * @param retries extra attempts after the first one
   * @param firstBackoff pause before the first retry; doubles for each further retry
   * @param maxBackoff upper bound of the pause
   */
  public record Retry(
      @DefaultValue("2") int retries,
      @DefaultValue("50ms") Duration firstBackoff,
      @DefaultValue("500ms") Duration maxBackoff) {}

  /**
   * A token bucket per authenticated caller (JWT subject) and per client address for traffic
   * without a verified caller, shared by every gateway instance through the gateway's database
   * (Bucket4j, {@code spring.datasource.*}). Each instance decides alone for up to {@code
   * syncTokens} requests or {@code syncInterval}, so N instances may let through up to N × {@code
   * syncTokens} more than the budget; while the database is unreachable each instance limits on its
   * own (fail open), retrying the database after {@code storeRetryAfter}.
   *
   * @param enabled switch the limiter off entirely
   * @param requestsPerSecond sustained rate a single caller may send
   * @param burst how many requests a caller may send at once before being throttled
   * @param maxTrackedCallers memory bound: idle buckets are dropped beyond this many callers
   * @param anonymousRequestsPerSecond budget per client address for requests without a token and
   *     for failed authentications (token guessing, scraping of public paths); probes are exempt
   * @param anonymousBurst how many such requests one address may send at once
   * @param trustedForwardedHops how many proxies in front of the gateway append to {@code
   *     X-Forwarded-For} (0: the socket address is the client; 1 behind one ingress controller)
   * @param shared false: per-instance buckets only, the database is not used
   * @param syncTokens requests an instance may admit before it writes the shared bucket
   * @param syncInterval longest time an instance decides without the shared bucket
   * @param storeRetryAfter after a database failure, how long to limit per instance only
   */
  public record RateLimit(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("50") double requestsPerSecond,
      @DefaultValue("100") int burst,
      @DefaultValue("100000") int maxTrackedCallers,
      @DefaultValue("10") double anonymousRequestsPerSecond,
      @DefaultValue("30") int anonymousBurst,
      @DefaultValue("0") int trustedForwardedHops,
      @DefaultValue("true") boolean shared,
      @DefaultValue("5") int syncTokens,
      @DefaultValue("1s") Duration syncInterval,
      @DefaultValue("10s") Duration storeRetryAfter) {}

  /**
   * Tokens that passed verification, by raw token. An entry is used only until the token's {@code
   * exp}, and at most for {@code maxAge}: that bounds how long a token signed with a key Keycloak
   * has since withdrawn stays accepted.
   *
   * @param enabled switch the cache off (every request is verified in full)
   * @param maxEntries memory bound; the cache is emptied when it is reached
   * @param maxAge longest time a verified token is trusted without checking it again
   */
  public record TokenCache(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("10000") int maxEntries,
      @DefaultValue("2m") Duration maxAge) {}
}
