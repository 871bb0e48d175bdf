package cn.dangjian.alert.push;

import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Single-use stream tickets: a browser's {@code EventSource} cannot send {@code Authorization}, so
 * it buys a ticket with its token and opens the stream with {@code ?ticket=}. The ticket stands for
 * that token's caller (user, roles, org) until the token's expiry; only its hash is stored, it is
 * valid for {@code ttl} and can be used once.
 */
@Component
class StreamTickets {

  /** A bought ticket, given to the client once. */
  record Issued(String ticket, Instant expiresAt) {}

  private final StreamTicketStore store;
  // wall time: tokens expire in real time, whatever the application's clock says
  private final Clock clock = Clock.systemUTC();
  private final Duration ttl;
  private final SecureRandom random = new SecureRandom();

  StreamTickets(
      StreamTicketStore store, @Value("${dangjian.alerts.stream.ticket-ttl:30s}") Duration ttl) {
    this.store = store;
    this.ttl = ttl;
  }

  Issued issue(Jwt token) {
    Caller caller = CurrentCaller.fromJwt(token);
    Instant now = clock.instant();
    Instant tokenExpiry = token.getExpiresAt() == null ? now : token.getExpiresAt();
    Instant expiresAt = now.plus(ttl).isBefore(tokenExpiry) ? now.plus(ttl) : tokenExpiry;
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    store.insert(
        hash(ticket),
        new StreamTicketStore.Holder(
            caller.subject(),
            caller.username(),
            String.join(",", caller.roles()),
            caller.orgId().map(UUID::toString).orElse(null),
            caller.memberId().map(UUID::toString).orElse(null),
            tokenExpiry),
        expiresAt,
        now);
    return new Issued(ticket, expiresAt);
  }

  /**
   * The caller a ticket stands for, as the claims of the token that bought it (so roles and data
   * scope are decided exactly as for that token), or empty: unknown, used, expired.
   */
  Optional<Jwt> redeem(String ticket) {
    if (ticket.isEmpty() || ticket.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return store
        .take(hash(ticket), now)
        .filter(holder -> holder.tokenExpiresAt().isAfter(now))
        .map(holder -> claims(holder, now));
  }

  private static Jwt claims(StreamTicketStore.Holder holder, Instant now) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", holder.subject());
    claims.put("preferred_username", holder.username());
    List<String> roles =
        holder.roles().isEmpty() ? List.of() : Arrays.asList(holder.roles().split(","));
    claims.put("realm_access", Map.of("roles", roles));
    if (holder.orgId() != null) {
      claims.put("org_id", holder.orgId());
    }
    if (holder.memberId() != null) {
      claims.put("member_id", holder.memberId());
    }
    return Jwt.withTokenValue("stream-ticket")
        .header("alg", "none")
        .claims(c -> c.putAll(claims))
        .issuedAt(now)
        .expiresAt(holder.tokenExpiresAt())
        .build();
  }

  static byte[] hash(String ticket) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
