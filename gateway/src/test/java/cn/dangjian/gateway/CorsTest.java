package cn.dangjian.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class CorsTest extends GatewayIntegrationTest {

  private static final String FRONT_END = "http://localhost:5173";

  @Test
  void preflightFromAnAllowedOriginSucceedsWithoutATokenAndNeverReachesTheService() {
    client
        .options()
        .uri("/api/members")
        .header(HttpHeaders.ORIGIN, FRONT_END)
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONT_END)
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
        .expectHeader()
        .value(
            HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
            methods -> assertThat(methods).contains("POST"));

    MEMBER_SERVICE.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void preflightFromAnotherOriginIsRefused() {
    client
        .options()
        .uri("/api/members")
        .header(HttpHeaders.ORIGIN, "https://evil.example")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
  }

  @Test
  void actualRequestExposesCorrelationAndCachingHeadersWithOneAllowOriginHeader() {
    // A service that also answers CORS must not produce a duplicate header browsers reject.
    MEMBER_SERVICE.stubFor(
        get("/api/members")
            .willReturn(
                okJson("[]")
                    .withHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                    .withHeader(HttpHeaders.ETAG, "\"v1\"")));

    var headers =
        client
            .get()
            .uri("/api/members")
            .header(HttpHeaders.ORIGIN, FRONT_END)
            .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders();

    assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo(List.of(FRONT_END));
    assertThat(String.join(",", headers.get(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)))
        .contains("X-Request-Id", "X-Trace-Id", "ETag", "Location");
    assertThat(headers.getETag()).isEqualTo("\"v1\"");
  }
}
