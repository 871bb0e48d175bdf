package cn.dangjian.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import reactor.core.publisher.Flux;

/**
 * Maps Keycloak realm roles ({@code realm_access.roles}) to {@code ROLE_<role>} authorities; Spring
 * only maps the flat {@code scope} claim by itself (STACK.md pitfall 15).
 */
final class KeycloakRealmRoles implements Converter<Jwt, Flux<GrantedAuthority>> {

  private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

  @Override
  public Flux<GrantedAuthority> convert(Jwt jwt) {
    return Flux.fromIterable(authorities(jwt));
  }

  List<GrantedAuthority> authorities(Jwt jwt) {
    List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
    if (jwt.getClaim("realm_access") instanceof Map<?, ?> realmAccess
        && realmAccess.get("roles") instanceof Collection<?> roles) {
      for (Object role : roles) {
        if (role instanceof String name && !name.isBlank()) {
          authorities.add(new SimpleGrantedAuthority("ROLE_" + name));
        }
      }
    }
    return authorities;
  }
}
