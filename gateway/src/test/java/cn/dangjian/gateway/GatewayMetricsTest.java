package cn.dangjian.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** What the gateway dashboard reads: requests per route, with latency buckets, and breakers. */
class GatewayMetricsTest extends GatewayIntegrationTest {

  @Test
  void requestsAreTimedPerRouteWithHistogramBucketsForTheDashboard() {
    MEMBER_SERVICE.stubFor(get("/api/members/metrics-probe").willReturn(okJson("{}")));
    client
        .get()
        .uri("/api/members/metrics-probe")
        .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
        .exchange()
        .expectStatus()
        .isOk();

    String scrape =
        client
            .mutate()
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
            .build()
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(scrape)
        .containsPattern(
            "spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"member-service\"")
        .contains("spring_cloud_gateway_requests_seconds_bucket{")
        .contains("resilience4j_circuitbreaker_state{");
  }
}
