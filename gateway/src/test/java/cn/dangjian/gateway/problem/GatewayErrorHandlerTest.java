package cn.dangjian.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.MethodNotAllowedException;
import tools.jackson.databind.json.JsonMapper;

class GatewayErrorHandlerTest {

  private final GatewayErrorHandler handler = new GatewayErrorHandler(responder());

  @Test
  void unexpectedErrorIsA500ProblemThatRevealsNothingInternal() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("/api/members").accept(MediaType.TEXT_HTML));

    handler.handle(exchange, new IllegalStateException("jdbc:mysql://db secret-password")).block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(exchange.getResponse().getHeaders().getContentType())
        .isEqualTo(MediaType.parseMediaType("application/problem+json;charset=UTF-8"));
    String body = exchange.getResponse().getBodyAsString().block();
    assertThat(body)
        .contains("\"type\":\"https://dangjian.cn/problems/internal-error\"")
        .contains("网关处理请求时出错")
        .doesNotContain("secret", "jdbc", "IllegalStateException", "at cn.");
  }

  @Test
  void methodNotAllowedKeepsTheAllowHeader() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.post("/actuator/health").header("Accept-Language", "en"));

    handler
        .handle(
            exchange,
            new MethodNotAllowedException(HttpMethod.POST, java.util.Set.of(HttpMethod.GET)))
        .block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(exchange.getResponse().getHeaders().getAllow()).containsExactly(HttpMethod.GET);
    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains("The method POST is not supported on this path.");
  }

  private static ProblemResponder responder() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return new ProblemResponder(messages, JsonMapper.builder().build());
  }
}
