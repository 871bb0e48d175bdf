package cn.dangjian.gateway;

import static cn.dangjian.gateway.ProblemAssertions.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ErrorResponsesTest extends GatewayIntegrationTest {

  @Test
  void unknownPathIsA404ProblemEvenForABrowser() {
    assertProblem(
            client
                .get()
                .uri("/api/no-such-area/1")
                .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
                .accept(MediaType.TEXT_HTML)
                .exchange(),
            404,
            "not-found")
        .jsonPath("$.detail")
        .isEqualTo("请求的路径不存在：/api/no-such-area/1");
  }

  @Test
  void unknownFallbackTargetIsA404Problem() {
    assertProblem(client.get().uri("/fallback/no-such-service").exchange(), 404, "not-found");
  }

  @Test
  void everyKindOfResponseCarriesRequestAndTraceIds() {
    MEMBER_SERVICE.stubFor(get("/api/members").willReturn(okJson("[]")));
    String token = secretaryToken();

    WebTestClient.ResponseSpec[] responses = {
      client.get().uri("/api/members").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange(),
      client.get().uri("/api/members").exchange(),
      client.get().uri("/api/dues/1").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange(),
      client.get().uri("/nowhere").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange(),
      client.get().uri("/actuator/health").exchange(),
      client.get().uri("/v3/api-docs/swagger-config").exchange(),
    };
    for (WebTestClient.ResponseSpec response : responses) {
      var headers = response.returnResult(String.class).getResponseHeaders();
      assertThat(headers.getFirst("X-Request-Id")).isNotBlank();
      assertThat(headers.getFirst("X-Trace-Id")).matches("[0-9a-f]{32}");
    }
  }
}
