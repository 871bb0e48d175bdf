package cn.dangjian.gateway.fallback;

import cn.dangjian.gateway.correlation.Correlation;
import cn.dangjian.gateway.problem.GatewayProblem;
import cn.dangjian.gateway.problem.ProblemLanguage;
import cn.dangjian.gateway.problem.ProblemResponder;
import cn.dangjian.gateway.routing.DownstreamService;
import cn.dangjian.gateway.routing.ServiceCatalog;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards when the service is down, slow, overloaded or answered
 * 502/503/504: a 503 problem that names the service, so a client can show a sensible message and
 * retry later instead of waiting on a dead connection.
 */
@Hidden
@RestController
class FallbackController {

  private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

  private final ProblemResponder problems;

  FallbackController(ProblemResponder problems) {
    this.problems = problems;
  }

  @RequestMapping("/fallback/{service}")
  Mono<Void> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
    Optional<DownstreamService> known = ServiceCatalog.find(service);
    if (known.isEmpty()) {
      return problems.write(exchange, GatewayProblem.NOT_FOUND, Correlation.originalPath(exchange));
    }
    Throwable cause =
        exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    try (var traced = Correlation.traceInMdc(exchange)) {
      log.warn(
          "{} unavailable for {} {}: {}",
          service,
          exchange.getRequest().getMethod(),
          Correlation.originalPath(exchange),
          cause == null ? "no cause recorded" : cause.toString());
    }
    DownstreamService target = known.get();
    String name =
        ProblemLanguage.isEnglish(ProblemLanguage.of(exchange.getRequest()))
            ? target.nameEn()
            : target.nameZh();
    return problems.write(
        exchange, GatewayProblem.SERVICE_UNAVAILABLE, Map.of("service", target.id()), name);
  }
}
