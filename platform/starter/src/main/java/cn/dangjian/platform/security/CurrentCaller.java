package cn.dangjian.platform.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the {@link Caller} from the current request's validated JWT. */
public class CurrentCaller {

  public Caller get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      throw new org.springframework.security.authentication
          .AuthenticationCredentialsNotFoundException("no JWT in the security context");
    }
    return fromJwt(token.getToken());
  }

  /** Who to record in history and audit rows: the token's user, or "system" outside a request. */
  public String usernameOrSystem() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof JwtAuthenticationToken token
        ? fromJwt(token.getToken()).username()
        : "system";
  }

  public static Caller fromJwt(Jwt jwt) {
    return new Caller(
        jwt.getSubject(),
        Optional.ofNullable(jwt.getClaimAsString("preferred_username")).orElse(jwt.getSubject()),
        realmRoles(jwt),
        uuidClaim(jwt, "org_id"),
        uuidClaim(jwt, "member_id"));
  }

  static Set<String> realmRoles(Jwt jwt) {
    Object realmAccess = jwt.getClaims().get("realm_access");
    if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
      Set<String> result = new HashSet<>();
      roles.forEach(r -> result.add(String.valueOf(r)));
      return Set.copyOf(result);
    }
    return Set.of();
  }

  // A malformed org_id must not widen the scope: it is treated as absent (sees nothing).
  private static Optional<UUID> uuidClaim(Jwt jwt, String claim) {
    Object value = jwt.getClaims().get(claim);
    if (value instanceof List<?> list && !list.isEmpty()) {
      value = list.get(0);
    }
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value.toString()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
