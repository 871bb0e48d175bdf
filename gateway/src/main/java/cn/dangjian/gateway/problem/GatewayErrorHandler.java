package cn.dangjian.gateway.problem;

import cn.dangjian.gateway.correlation.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns any error that escapes routing (unknown path, bad method, a bug) into problem+json. Runs
 * before Boot's default handler (order -1), which would render HTML for browsers and may echo
 * exception messages.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

  private final ProblemResponder problems;

  GatewayErrorHandler(ProblemResponder problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    GatewayProblem problem = classify(error);
    if (problem == GatewayProblem.INTERNAL_ERROR) {
      // The stack trace goes to the log only; the client gets the request and trace ids.
      try (var traced = Correlation.traceInMdc(exchange)) {
        log.error(
            "unhandled error for {} {}",
            exchange.getRequest().getMethod(),
            exchange.getRequest().getPath(),
            error);
      }
    }
    if (error instanceof ResponseStatusException statusError) {
      exchange.getResponse().getHeaders().putAll(statusError.getHeaders());
    }
    return problems.write(exchange, problem, detailArgument(exchange, problem));
  }

  private static GatewayProblem classify(Throwable error) {
    if (error instanceof DataBufferLimitException) {
      return GatewayProblem.PAYLOAD_TOO_LARGE;
    }
    if (!(error instanceof ResponseStatusException statusError)) {
      return GatewayProblem.INTERNAL_ERROR;
    }
    HttpStatusCode status = statusError.getStatusCode();
    return switch (status.value()) {
      case 401 -> GatewayProblem.UNAUTHORIZED;
      case 403 -> GatewayProblem.FORBIDDEN;
      case 404 -> GatewayProblem.NOT_FOUND;
      case 405 -> GatewayProblem.METHOD_NOT_ALLOWED;
      case 413 -> GatewayProblem.PAYLOAD_TOO_LARGE;
      case 429 -> GatewayProblem.TOO_MANY_REQUESTS;
      case 503 -> GatewayProblem.SERVICE_UNAVAILABLE;
      default ->
          status.is4xxClientError() ? GatewayProblem.BAD_REQUEST : GatewayProblem.INTERNAL_ERROR;
    };
  }

  private static Object detailArgument(ServerWebExchange exchange, GatewayProblem problem) {
    return switch (problem) {
      case METHOD_NOT_ALLOWED -> exchange.getRequest().getMethod().name();
      case NOT_FOUND -> exchange.getRequest().getPath().value();
      default -> "";
    };
  }
}
