package cn.dangjian.gateway.limits;

import cn.dangjian.gateway.GatewayProperties;
import cn.dangjian.gateway.problem.GatewayProblem;
import cn.dangjian.gateway.problem.ProblemResponder;
import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The budget of traffic that has no verified caller yet, per client address and shared by all
 * gateway instances ({@link SharedBuckets}): requests without a token and requests whose token
 * failed verification. Without it, anyone could scrape the public paths or make the gateway verify
 * forged tokens as fast as the network allows.
 */
@Component
public class ClientAddressLimiter {

  private final boolean enabled;
  private final SharedBuckets buckets;
  private final SharedBuckets.Limit limit;
  private final RemoteAddressResolver addresses;
  private final ProblemResponder problems;

  ClientAddressLimiter(
      GatewayProperties properties, SharedBuckets buckets, ProblemResponder problems) {
    GatewayProperties.RateLimit settings = properties.rateLimit();
    this.enabled = settings.enabled();
    this.buckets = buckets;
    this.limit =
        new SharedBuckets.Limit(
            "address", settings.anonymousRequestsPerSecond(), settings.anonymousBurst());
    this.addresses =
        settings.trustedForwardedHops() > 0
            ? XForwardedRemoteAddressResolver.maxTrustedIndex(settings.trustedForwardedHops())
            : new RemoteAddressResolver() {};
    this.problems = problems;
  }

  /**
   * Charges the client's address one request.
   *
   * @return empty when the request may go on, otherwise the written 429 problem
   */
  public Mono<Void> charge(ServerWebExchange exchange, Mono<Void> onAllowed) {
    if (!enabled) {
      return onAllowed;
    }
    InetSocketAddress remote = addresses.resolve(exchange);
    String client =
        remote == null || remote.getAddress() == null
            ? "unknown"
            : remote.getAddress().getHostAddress();
    return buckets
        .tryAcquire(limit, client)
        .flatMap(
            waitSeconds -> {
              if (waitSeconds == SharedBuckets.ALLOWED) {
                return onAllowed;
              }
              exchange
                  .getResponse()
                  .getHeaders()
                  .set(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
              return problems.write(exchange, GatewayProblem.TOO_MANY_REQUESTS);
            });
  }
}
