package cn.dangjian.gateway.limits;

import cn.dangjian.gateway.GatewayProperties;
import cn.dangjian.gateway.problem.GatewayProblem;
import cn.dangjian.gateway.problem.ProblemResponder;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects oversize request bodies with 413 before any service sees them. A declared Content-Length
 * is checked without reading the body; a chunked body is read up to the limit (the gateway buffers
 * bodies for retries and fallbacks anyway) and forwarded with a Content-Length, or rejected as soon
 * as it crosses the limit.
 *
 * <p>Ordered after the security chain so that unauthenticated callers get 401 first, and a 413 to a
 * browser carries the CORS headers it needs to be readable.
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

  /** Spring Security's WebFilterChainProxy runs at -100. */
  static final int ORDER = -50;

  private final DataSize maxBodySize;
  private final DataSize maxUploadSize;
  private final ProblemResponder problems;

  BodySizeLimitFilter(GatewayProperties properties, ProblemResponder problems) {
    this.maxBodySize = properties.maxBodySize();
    this.maxUploadSize = properties.maxUploadSize();
    this.problems = problems;
  }

  /**
   * File uploads — bulk imports and any multipart request (meeting attachments…) — get the upload
   * limit; everything else is a JSON request. The service enforces its own, smaller, per-file caps.
   */
  private DataSize limitFor(ServerHttpRequest request) {
    MediaType type = request.getHeaders().getContentType();
    boolean multipart = type != null && MediaType.MULTIPART_FORM_DATA.includes(type);
    return multipart || request.getPath().value().endsWith("/import") ? maxUploadSize : maxBodySize;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    DataSize max = limitFor(request);
    long declared = request.getHeaders().getContentLength();
    if (declared > max.toBytes()) {
      return tooLarge(exchange, max);
    }
    if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
      return chain.filter(exchange);
    }
    int limit = (int) Math.min(Integer.MAX_VALUE, max.toBytes());
    return DataBufferUtils.join(request.getBody(), limit)
        .map(BodySizeLimitFilter::toBytes)
        .defaultIfEmpty(new byte[0])
        .flatMap(body -> chain.filter(withBody(exchange, body)))
        .onErrorResume(DataBufferLimitException.class, tooBig -> tooLarge(exchange, max));
  }

  private Mono<Void> tooLarge(ServerWebExchange exchange, DataSize max) {
    return problems.write(exchange, GatewayProblem.PAYLOAD_TOO_LARGE, readable(max));
  }

  /** "1MB" rather than DataSize's "1048576B" in the message a person reads. */
  static String readable(DataSize size) {
    long bytes = size.toBytes();
    if (bytes > 0 && bytes % (1024 * 1024) == 0) {
      return (bytes / (1024 * 1024)) + "MB";
    }
    if (bytes > 0 && bytes % 1024 == 0) {
      return (bytes / 1024) + "KB";
    }
    return bytes + "B";
  }

  /** Copies out of the (pooled) buffer so nothing leaks if the request never reaches a service. */
  private static byte[] toBytes(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }

  private static ServerWebExchange withBody(ServerWebExchange exchange, byte[] body) {
    HttpHeaders headers = HttpHeaders.copyOf(exchange.getRequest().getHeaders());
    headers.remove(HttpHeaders.TRANSFER_ENCODING);
    headers.setContentLength(body.length);
    ServerHttpRequest request =
        new ServerHttpRequestDecorator(exchange.getRequest()) {
          @Override
          public HttpHeaders getHeaders() {
            return headers;
          }

          @Override
          public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
          }
        };
    return exchange.mutate().request(request).build();
  }
}
