package cn.dangjian.gateway.security;

import cn.dangjian.gateway.GatewayProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway is a resource server: it rejects requests without a valid Keycloak token before they
 * cost a service anything, and relays the token unchanged so each service can enforce its own roles
 * and data scope. The JWT decoder (issuer, JWKS, audience) is Boot's, configured by {@code
 * spring.security.oauth2.resourceserver.jwt.*}, wrapped in a {@link VerifiedTokenCache}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurityConfiguration {

  /** Reachable without a token: probes, metrics scraping, API docs and fallbacks. */
  static final String[] PUBLIC_PATHS = {
    "/actuator/health/**",
    "/actuator/info",
    "/actuator/prometheus",
    "/v3/api-docs/**",
    "/swagger-ui.html",
    "/swagger-ui/**",
    "/webjars/**",
    "/*/v3/api-docs",
    "/fallback/**"
  };

  static final String PAYMENT_CALLBACKS = "/api/dues/payments/callbacks/*";

  /**
   * The link at the foot of every external notification (WeChat, SMS, e-mail): opened from a phone
   * without a session, so the signed token in its query is the credential (alert-service checks
   * it).
   */
  static final String NOTIFICATION_UNSUBSCRIBE = "/api/notifications/unsubscribe";

  /** The one route a browser's EventSource opens with a single-use ticket instead of a token. */
  static final String ALERT_STREAM = "/api/alerts/stream";

  /**
   * Wraps Boot's decoder rather than replacing it, so issuer, audience, algorithms and JWKS stay
   * exactly as {@code spring.security.oauth2.resourceserver.jwt.*} configures them. Static: a
   * post-processor must exist before the beans it processes.
   */
  @Bean
  static BeanPostProcessor verifiedTokenCachePostProcessor(
      ObjectProvider<GatewayProperties> properties) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof ReactiveJwtDecoder decoder) || bean instanceof VerifiedTokenCache) {
          return bean;
        }
        GatewayProperties.TokenCache cache = properties.getObject().tokenCache();
        return cache.enabled()
            ? new VerifiedTokenCache(decoder, Clock.systemUTC(), cache.maxEntries(), cache.maxAge())
            : bean;
      }
    };
  }

  /**
   * Spring Security would otherwise observe every filter of its chain, the authentication and the
   * authorization (spans and timers, ~8 % of the gateway's CPU under load); the server observation
   * and the proxied call's already trace and time each request, and 401/403 show in their status.
   */
  @Bean
  static SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  SecurityWebFilterChain edgeSecurityFilterChain(
      ServerHttpSecurity http,
      ProblemAuthenticationEntryPoint entryPoint,
      ProblemAccessDeniedHandler accessDenied) {
    ReactiveJwtAuthenticationConverter tokens = new ReactiveJwtAuthenticationConverter();
    tokens.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRoles());
    tokens.setPrincipalClaimName("sub");

    return http
        // Bearer tokens, no cookies: there is no session for a forged request to ride on.
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .cors(Customizer.withDefaults())
        .authorizeExchange(
            exchanges ->
                exchanges
                    .matchers(EdgeSecurityConfiguration::corsPreflight)
                    .permitAll()
                    .pathMatchers(PUBLIC_PATHS)
                    .permitAll()
                    // Payment providers call back without a user token; dues-service checks the
                    // HMAC signature, timestamp and nonce of every callback.
                    .pathMatchers(HttpMethod.POST, PAYMENT_CALLBACKS)
                    .permitAll()
                    .pathMatchers(HttpMethod.GET, NOTIFICATION_UNSUBSCRIBE)
                    .permitAll()
                    // EventSource cannot send Authorization: alert-service redeems the ticket
                    // (single use, 30 s, bound to the caller) on this route and no other.
                    .matchers(EdgeSecurityConfiguration::streamWithTicket)
                    .permitAll()
                    // The gateway endpoint reveals the routing table: operators only.
                    .pathMatchers("/actuator/**")
                    .hasRole("platform-admin")
                    .anyExchange()
                    .authenticated())
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDenied))
        .exceptionHandling(
            handling ->
                handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
        .build();
  }

  /**
   * {@code GET /api/alerts/stream?ticket=…} without an Authorization header (with one, the token is
   * checked as everywhere else).
   */
  static Mono<ServerWebExchangeMatcher.MatchResult> streamWithTicket(ServerWebExchange exchange) {
    var request = exchange.getRequest();
    boolean ticket =
        HttpMethod.GET.equals(request.getMethod())
            && ALERT_STREAM.equals(request.getPath().value())
            && request.getQueryParams().getFirst("ticket") != null
            && !request
                .getHeaders()
                .containsHeader(org.springframework.http.HttpHeaders.AUTHORIZATION);
    return ticket
        ? ServerWebExchangeMatcher.MatchResult.match()
        : ServerWebExchangeMatcher.MatchResult.notMatch();
  }

  /**
   * Only real preflights go without a token (they never leave the gateway); a bare OPTIONS to a
   * service path is treated like any other request.
   */
  private static Mono<ServerWebExchangeMatcher.MatchResult> corsPreflight(
      ServerWebExchange exchange) {
    return CorsUtils.isPreFlightRequest(exchange.getRequest())
        ? ServerWebExchangeMatcher.MatchResult.match()
        : ServerWebExchangeMatcher.MatchResult.notMatch();
  }
}
