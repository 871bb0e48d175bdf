package cn.dangjian.gateway.security;

import cn.dangjian.gateway.problem.GatewayProblem;
import cn.dangjian.gateway.problem.ProblemResponder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 403 as problem+json instead of Spring Security's plain-text "Access Denied". */
@Component
class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

  private final ProblemResponder problems;

  ProblemAccessDeniedHandler(ProblemResponder problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return problems.write(exchange, GatewayProblem.FORBIDDEN);
  }
}
