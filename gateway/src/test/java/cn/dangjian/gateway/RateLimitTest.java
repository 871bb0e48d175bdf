package cn.dangjian.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The test configuration allows a burst of 10 requests, refilling at 1 per second. */
class RateLimitTest extends GatewayIntegrationTest {

  @Test
  void callerBeyondItsBurstIsAnswered429ProblemWhileOtherCallersAreNotAffected() {
    MEMBER_SERVICE.stubFor(get("/api/members").willReturn(okJson("[]")));
    String greedy = KEYCLOAK.token().subject("greedy-caller").roles("integration").build();

    int passed = 0;
    EntityExchangeResult<byte[]> throttled = null;
    for (int i = 0; i < 30 && throttled == null; i++) {
      EntityExchangeResult<byte[]> result = call(greedy);
      if (result.getStatus().value() == 429) {
        throttled = result;
      } else {
        assertThat(result.getStatus().value()).isEqualTo(200);
        passed++;
      }
    }

    assertThat(passed).isGreaterThanOrEqualTo(10);
    assertThat(throttled).as("a 429 after the burst").isNotNull();
    assertThat(throttled.getResponseHeaders().getContentType())
        .isEqualTo(MediaType.parseMediaType("application/problem+json;charset=UTF-8"));
    assertThat(throttled.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
        .matches("[1-9]\\d*");
    assertThat(new String(throttled.getResponseBody(), StandardCharsets.UTF_8))
        .contains("\"type\":\"https://dangjian.cn/problems/too-many-requests\"");

    assertThat(call(secretaryToken()).getStatus().value()).isEqualTo(200);
  }

  private EntityExchangeResult<byte[]> call(String token) {
    return client
        .get()
        .uri("/api/members")
        .header(HttpHeaders.AUTHORIZATION, bearer(token))
        .exchange()
        .expectBody()
        .returnResult();
  }
}
