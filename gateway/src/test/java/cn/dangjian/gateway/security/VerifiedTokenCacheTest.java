package cn.dangjian.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The cache in front of a real Nimbus decoder whose timestamp validator reads the same fake clock,
 * so "time passes" moves both: what the cache serves and what the decoder would decide.
 */
class VerifiedTokenCacheTest {

  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
  private static final RSAKey KEY = generateKey();

  private final MutableClock clock = new MutableClock(T0);
  private final AtomicInteger verifications = new AtomicInteger();
  private final ReactiveJwtDecoder decoder = countingDecoder();

  private VerifiedTokenCache cache(int maxEntries, Duration maxAge) {
    return new VerifiedTokenCache(decoder, clock, maxEntries, maxAge);
  }

  @Test
  void aTokenIsVerifiedOnceAndThenServedFromTheCache() {
    VerifiedTokenCache cache = cache(100, Duration.ofMinutes(2));
    String token = token(T0.plus(Duration.ofMinutes(5)));

    Jwt first = cache.decode(token).block();
    Jwt second = cache.decode(token).block();

    assertThat(second).isSameAs(first);
    assertThat(second.getSubject()).startsWith("caller-");
    assertThat(verifications).hasValue(1);
  }

  @Test
  void anExpiredTokenIsRefusedEvenThoughItIsCached() {
    // max age longer than the token's life: only exp can end the entry
    VerifiedTokenCache cache = cache(100, Duration.ofHours(1));
    Instant exp = T0.plus(Duration.ofMinutes(5));
    String token = token(exp);
    cache.decode(token).block();
    assertThat(cache.size()).isEqualTo(1);

    // past exp and past the decoder's 60 s clock skew
    clock.set(exp.plus(Duration.ofMinutes(2)));

    assertThatThrownBy(() -> cache.decode(token).block())
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
    assertThat(verifications).hasValue(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void theCacheNeverAnswersForATokenAtOrAfterItsExpiry() {
    VerifiedTokenCache cache = cache(100, Duration.ofHours(1));
    Instant exp = T0.plus(Duration.ofMinutes(5));
    String token = token(exp);
    cache.decode(token).block();

    clock.set(exp);
    cache.decode(token).block(); // within the decoder's clock skew: the decoder still accepts
    clock.set(exp.plusSeconds(30));
    cache.decode(token).block();

    // both answers came from a full verification, not from the cache
    assertThat(verifications).hasValue(3);
  }

  @Test
  void anEntryIsCheckedAgainAfterTheMaximumAge() {
    VerifiedTokenCache cache = cache(100, Duration.ofMinutes(2));
    String token = token(T0.plus(Duration.ofMinutes(30)));
    cache.decode(token).block();

    clock.set(T0.plus(Duration.ofMinutes(1)));
    cache.decode(token).block();
    assertThat(verifications).hasValue(1);

    clock.set(T0.plus(Duration.ofMinutes(2)));
    cache.decode(token).block();
    assertThat(verifications).hasValue(2);
  }

  @Test
  void refusedTokensAreNotRememberedAndAreRefusedEveryTime() {
    VerifiedTokenCache cache = cache(100, Duration.ofMinutes(2));
    String forged = token(T0.plus(Duration.ofMinutes(5)), generateKey());

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> cache.decode(forged).block()).isInstanceOf(BadJwtException.class);
    }
    assertThat(verifications).hasValue(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void aCachedTokenDoesNotVouchForTheSameClaimsWithAnotherSignature() {
    VerifiedTokenCache cache = cache(100, Duration.ofMinutes(2));
    String genuine = token(T0.plus(Duration.ofMinutes(5)));
    cache.decode(genuine).block();
    String[] parts = genuine.split("\\.");
    String tampered = parts[0] + "." + parts[1] + "." + flipACharacter(parts[2]);

    assertThatThrownBy(() -> cache.decode(tampered).block()).isInstanceOf(BadJwtException.class);
  }

  @Test
  void theCacheIsBoundedInSize() {
    VerifiedTokenCache cache = cache(3, Duration.ofMinutes(2));
    for (int i = 0; i < 10; i++) {
      cache.decode(token(T0.plus(Duration.ofMinutes(5)))).block();
      assertThat(cache.size()).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThatThrownBy(() -> cache(0, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cache(10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  private ReactiveJwtDecoder countingDecoder() {
    NimbusReactiveJwtDecoder nimbus;
    try {
      nimbus = NimbusReactiveJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    JwtTimestampValidator timestamps = new JwtTimestampValidator();
    timestamps.setClock(clock);
    nimbus.setJwtValidator(timestamps);
    return token ->
        Mono.defer(
            () -> {
              verifications.incrementAndGet();
              return nimbus.decode(token);
            });
  }

  private static String token(Instant expiresAt) {
    return token(expiresAt, KEY);
  }

  private static String token(Instant expiresAt, RSAKey key) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .jwtID(UUID.randomUUID().toString())
            .subject("caller-" + UUID.randomUUID())
            .issueTime(Date.from(T0.minusSeconds(1)))
            .expirationTime(Date.from(expiresAt))
            .build();
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Not the last character: its low bits are padding that a decoder may ignore. */
  private static String flipACharacter(String value) {
    char c = value.charAt(10);
    return value.substring(0, 10) + (c == 'A' ? 'B' : 'A') + value.substring(11);
  }

  private static RSAKey generateKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("k1").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A clock the test moves forward by hand. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant value) {
      this.now = value;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
