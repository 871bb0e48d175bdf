package cn.dangjian.gateway.correlation;

import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an X-Request-Id (kept from the client when sane), passes it downstream, and
 * stamps X-Request-Id and X-Trace-Id on every response. Runs first so that even a 401 from the
 * security chain carries them.
 */
@Component
class CorrelationFilter implements WebFilter, Ordered {

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String incoming = exchange.getRequest().getHeaders().getFirst(Correlation.REQUEST_ID_HEADER);
    String requestId = Correlation.isSane(incoming) ? incoming : UUID.randomUUID().toString();
    exchange.getAttributes().put(Correlation.REQUEST_ID_ATTRIBUTE, requestId);
    exchange
        .getAttributes()
        .put(Correlation.ORIGINAL_PATH_ATTRIBUTE, exchange.getRequest().getPath().value());

    // Set at commit time so a proxied response cannot contribute a second, different value.
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              HttpHeaders headers = exchange.getResponse().getHeaders();
              headers.set(Correlation.REQUEST_ID_HEADER, requestId);
              Correlation.traceId(exchange)
                  .ifPresent(traceId -> headers.set(Correlation.TRACE_ID_HEADER, traceId));
              return Mono.empty();
            });

    ServerWebExchange withId =
        exchange
            .mutate()
            .request(request -> request.header(Correlation.REQUEST_ID_HEADER, requestId))
            .build();
    return chain.filter(withId);
  }
}
