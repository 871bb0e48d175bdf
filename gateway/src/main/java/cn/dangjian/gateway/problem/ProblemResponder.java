package cn.dangjian.gateway.problem;

import cn.dangjian.gateway.correlation.Correlation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details for everything the gateway answers itself (fallbacks, 401/403,
 * 404, 413, 429, 500), so a client never has to parse HTML or a framework-specific error body.
 */
@Component
public class ProblemResponder {

  private static final MediaType PROBLEM_JSON_UTF8 =
      new MediaType(MediaType.APPLICATION_PROBLEM_JSON, StandardCharsets.UTF_8);

  private final MessageSource messages;
  private final JsonMapper json;

  public ProblemResponder(MessageSource messages, JsonMapper json) {
    this.messages = messages;
    this.json = json;
  }

  public Mono<Void> write(
      ServerWebExchange exchange, GatewayProblem problem, Object... detailArgs) {
    return write(exchange, problem, Map.of(), detailArgs);
  }

  /**
   * @param extensions extra members (e.g. {@code service}); values must already be in the caller's
   *     language, see {@link ProblemLanguage#of}
   */
  public Mono<Void> write(
      ServerWebExchange exchange,
      GatewayProblem problem,
      Map<String, Object> extensions,
      Object... detailArgs) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      // Too late for a problem body; the client sees the connection end instead.
      return Mono.empty();
    }
    Locale locale = ProblemLanguage.of(exchange.getRequest());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.type().toString());
    body.put("title", messages.getMessage(problem.titleKey(), null, locale));
    body.put("status", problem.status().value());
    body.put("detail", messages.getMessage(problem.detailKey(), detailArgs, locale));
    body.put("instance", Correlation.originalPath(exchange));
    body.putAll(extensions);
    body.put("requestId", Correlation.requestId(exchange));
    body.put("traceId", Correlation.traceId(exchange).orElse(null));

    byte[] bytes = json.writeValueAsBytes(body);
    response.setStatusCode(problem.status());
    HttpHeaders headers = response.getHeaders();
    headers.remove(HttpHeaders.CONTENT_ENCODING);
    headers.remove(HttpHeaders.TRANSFER_ENCODING);
    headers.setContentType(PROBLEM_JSON_UTF8);
    headers.setContentLength(bytes.length);
    headers.setContentLanguage(locale);
    DataBuffer buffer = response.bufferFactory().wrap(bytes);
    return response.writeWith(Mono.just(buffer));
  }
}
