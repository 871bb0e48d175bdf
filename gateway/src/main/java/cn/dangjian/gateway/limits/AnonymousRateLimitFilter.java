package cn.dangjian.gateway.limits;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Requests without a token are limited per client address before the security chain runs. Health
 * probes are exempt: throttling the kubelet would hide an outage rather than prevent one.
 */
@Component
class AnonymousRateLimitFilter implements WebFilter, Ordered {

  /** Before Spring Security's chain (-100), after the correlation id. */
  static final int ORDER = -150;

  private final ClientAddressLimiter limiter;

  AnonymousRateLimitFilter(ClientAddressLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
        || exchange.getRequest().getPath().value().startsWith("/actuator/health")) {
      return chain.filter(exchange);
    }
    return limiter.charge(exchange, Mono.defer(() -> chain.filter(exchange)));
  }
}
