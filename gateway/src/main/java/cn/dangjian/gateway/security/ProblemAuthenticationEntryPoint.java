package cn.dangjian.gateway.security;

import cn.dangjian.gateway.limits.ClientAddressLimiter;
import cn.dangjian.gateway.problem.GatewayProblem;
import cn.dangjian.gateway.problem.ProblemResponder;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 as problem+json with the RFC 6750 challenge. The error code tells a client whether to log in
 * (no token) or refresh (invalid token); the validation message itself stays in the server log.
 */
@Component
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

  private final ProblemResponder problems;
  private final ClientAddressLimiter limiter;

  ProblemAuthenticationEntryPoint(ProblemResponder problems, ClientAddressLimiter limiter) {
    this.problems = problems;
    this.limiter = limiter;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
    HttpHeaders headers = exchange.getResponse().getHeaders();
    if (failure instanceof OAuth2AuthenticationException oauth) {
      // A token that fails verification costs the sender's address: forged tokens are not free.
      return limiter.charge(
          exchange,
          Mono.defer(
              () -> {
                headers.set(
                    HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"dangjian\", error=\"" + oauth.getError().getErrorCode() + "\"");
                return problems.write(exchange, GatewayProblem.INVALID_TOKEN);
              }));
    }
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dangjian\"");
    return problems.write(exchange, GatewayProblem.UNAUTHORIZED);
  }
}
