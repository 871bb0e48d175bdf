package cn.dangjian.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakRealmRolesTest {

  private final KeycloakRealmRoles converter = new KeycloakRealmRoles();

  @Test
  void realmRolesBecomeRoleAuthoritiesAlongsideScopes() {
    Jwt jwt =
        jwt(
            Map.of(
                "scope",
                "openid profile",
                "realm_access",
                Map.of("roles", List.of("secretary", "member"))));

    assertThat(converter.authorities(jwt))
        .extracting(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrder(
            "SCOPE_openid", "SCOPE_profile", "ROLE_secretary", "ROLE_member");
  }

  @Test
  void tokenWithoutRealmAccessOrWithMalformedRolesGetsNoRoles() {
    assertThat(converter.authorities(jwt(Map.of("sub", "x")))).isEmpty();
    assertThat(converter.authorities(jwt(Map.of("realm_access", "admin")))).isEmpty();
    assertThat(converter.authorities(jwt(Map.of("realm_access", Map.of("roles", "admin")))))
        .isEmpty();
  }

  private static Jwt jwt(Map<String, Object> claims) {
    Jwt.Builder builder =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60));
    claims.forEach(builder::claim);
    return builder.build();
  }
}
