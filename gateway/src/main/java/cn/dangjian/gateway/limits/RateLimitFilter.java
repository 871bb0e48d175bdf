package cn.dangjian.gateway.limits;

import cn.dangjian.gateway.GatewayProperties;
import cn.dangjian.gateway.problem.GatewayProblem;
import cn.dangjian.gateway.problem.ProblemResponder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Throttles each authenticated caller (by token subject) with a token bucket shared by all gateway
 * instances ({@link SharedBuckets}), answering 429 with Retry-After. Anonymous requests only reach
 * public paths (probes, docs), which are not limited here: throttling Prometheus or kubelet probes
 * would hide an outage rather than prevent one.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

  private final GatewayProperties.RateLimit settings;
  private final SharedBuckets buckets;
  private final SharedBuckets.Limit limit;
  private final ProblemResponder problems;

  RateLimitFilter(GatewayProperties properties, SharedBuckets buckets, ProblemResponder problems) {
    this.settings = properties.rateLimit();
    this.buckets = buckets;
    this.limit = new SharedBuckets.Limit("caller", settings.requestsPerSecond(), settings.burst());
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    // After the security chain (which establishes the caller), before the body is read.
    return BodySizeLimitFilter.ORDER - 1;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!settings.enabled()) {
      return chain.filter(exchange);
    }
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(Authentication::getName)
        .flatMap(caller -> buckets.tryAcquire(limit, caller))
        .defaultIfEmpty(SharedBuckets.ALLOWED)
        .flatMap(
            waitSeconds -> {
              if (waitSeconds == SharedBuckets.ALLOWED) {
                return chain.filter(exchange);
              }
              exchange
                  .getResponse()
                  .getHeaders()
                  .set(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
              return problems.write(exchange, GatewayProblem.TOO_MANY_REQUESTS);
            });
  }
}
