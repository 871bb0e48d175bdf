package cn.dangjian.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed the full check (signature, issuer, audience, timestamps), keyed by
 * the raw token, so a caller's token is parsed and RSA-verified once instead of on every request. A
 * front-end sends the same token for its whole lifetime, so nearly every request is a hit.
 *
 * <p>An entry never outlives its token: it is served only while the clock is before the token's
 * {@code exp} (and for at most {@code maxAge}); after that the token goes through the full decoder
 * again, which refuses it once it has expired. Only successes are remembered, so an invalid token
 * is checked (and refused) every time. The key is the whole token, signature included: a token with
 * the same claims but another signature is a different key. Bounded: when full, the cache is
 * emptied and refills with the callers that are active (cheaper and simpler than LRU bookkeeping on
 * every request).
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder delegate;
  private final Clock clock;
  private final int maxEntries;
  private final Duration maxAge;
  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

  VerifiedTokenCache(ReactiveJwtDecoder delegate, Clock clock, int maxEntries, Duration maxAge) {
    if (maxEntries < 1 || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("token cache needs max-entries >= 1 and max-age > 0");
    }
    this.delegate = delegate;
    this.clock = clock;
    this.maxEntries = maxEntries;
    this.maxAge = maxAge;
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Instant now = clock.instant();
    Verified hit = verified.get(token);
    if (hit != null) {
      if (now.isBefore(hit.until())) {
        return Mono.just(hit.jwt());
      }
      verified.remove(token, hit);
    }
    return delegate.decode(token).doOnNext(jwt -> remember(token, jwt, now));
  }

  int size() {
    return verified.size();
  }

  private void remember(String token, Jwt jwt, Instant verifiedAt) {
    Instant expiresAt = jwt.getExpiresAt();
    if (expiresAt == null) {
      return; // a token without exp is checked every time rather than kept for maxAge
    }
    Instant until = min(expiresAt, verifiedAt.plus(maxAge));
    if (!verifiedAt.isBefore(until)) {
      return; // accepted only within the decoder's clock skew: nothing left to cache
    }
    if (verified.size() >= maxEntries) {
      verified.clear();
    }
    verified.put(token, new Verified(jwt, until));
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private record Verified(Jwt jwt, Instant until) {}
}
