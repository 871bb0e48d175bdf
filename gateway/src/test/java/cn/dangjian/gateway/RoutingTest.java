package cn.dangjian.gateway;

import static cn.dangjian.gateway.ProblemAssertions.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RoutingTest extends GatewayIntegrationTest {

  @Test
  void validTokenIsRoutedAndRelayedUnchangedWithRequestIdAndTraceContext() {
    MEMBER_SERVICE.stubFor(get("/api/members/42").willReturn(okJson("{\"id\":\"42\"}")));
    String token = secretaryToken();

    var result =
        client
            .get()
            .uri("/api/members/42")
            .header(HttpHeaders.AUTHORIZATION, bearer(token))
            .header("X-Request-Id", "client-req-0001")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Request-Id", "client-req-0001")
            .expectBody()
            .jsonPath("$.id")
            .isEqualTo("42")
            .returnResult();
    String traceId = result.getResponseHeaders().getFirst("X-Trace-Id");
    assertThat(traceId).matches("[0-9a-f]{32}");

    MEMBER_SERVICE.verify(
        getRequestedFor(urlEqualTo("/api/members/42"))
            .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token))
            .withHeader("X-Request-Id", equalTo("client-req-0001"))
            .withHeader("traceparent", matching("00-" + traceId + "-[0-9a-f]{16}-0[01]")));
  }

  @Test
  void unsafeIncomingRequestIdIsReplacedByAFreshUuidUpstreamAndInTheResponse() {
    MEMBER_SERVICE.stubFor(get("/api/orgs").willReturn(okJson("[]")));

    String echoed =
        client
            .get()
            .uri("/api/orgs")
            .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
            .header("X-Request-Id", "<script>alert(1)</script>")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Request-Id");

    assertThat(echoed).matches("[0-9a-f-]{36}");
    MEMBER_SERVICE.verify(
        getRequestedFor(urlEqualTo("/api/orgs")).withHeader("X-Request-Id", equalTo(echoed)));
  }

  @Test
  void eachServicePathGoesToItsOwnRoute() {
    MEMBER_SERVICE.stubFor(get(urlEqualTo("/api/org-life/meetings")).willReturn(okJson("[]")));
    MEMBER_SERVICE.stubFor(get(urlEqualTo("/api/assessments/1")).willReturn(okJson("{}")));
    MEMBER_SERVICE.stubFor(get(urlEqualTo("/api/alerts")).willReturn(okJson("[]")));
    String token = secretaryToken();

    for (String path : List.of("/api/org-life/meetings", "/api/assessments/1", "/api/alerts")) {
      client
          .get()
          .uri(path)
          .header(HttpHeaders.AUTHORIZATION, bearer(token))
          .exchange()
          .expectStatus()
          .isOk();
    }
  }

  @Test
  void forwardedHeadersNameTheGatewayButNoPathPrefix() {
    MEMBER_SERVICE.stubFor(get("/api/members").willReturn(okJson("[]")));

    client
        .get()
        .uri("/api/members")
        .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
        .exchange()
        .expectStatus()
        .isOk();

    LoggedRequest upstream =
        MEMBER_SERVICE.findAll(getRequestedFor(urlEqualTo("/api/members"))).get(0);
    assertThat(upstream.getHeader("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
    MEMBER_SERVICE.verify(
        getRequestedFor(urlEqualTo("/api/members")).withHeader("X-Forwarded-Prefix", absent()));
  }

  @Test
  void routingTableIsVisibleToPlatformAdminsOnly() {
    client
        .get()
        .uri("/actuator/gateway/routes")
        .header(HttpHeaders.AUTHORIZATION, bearer(KEYCLOAK.token().roles("platform-admin").build()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[*].route_id")
        .value(
            ids ->
                assertThat(ids)
                    .asInstanceOf(InstanceOfAssertFactories.LIST)
                    .contains(
                        "member-service",
                        "dues-service",
                        "org-life-service",
                        "assessment-service",
                        "alert-service",
                        "member-service-api-docs"));

    assertProblem(
        client
            .get()
            .uri("/actuator/gateway/routes")
            .header(HttpHeaders.AUTHORIZATION, bearer(KEYCLOAK.token().roles("member").build()))
            .exchange(),
        403,
        "forbidden");
  }

  @Test
  void probesAndMetricsNeedNoToken() {
    client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    client.get().uri("/actuator/info").exchange().expectStatus().isOk();
    client
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("resilience4j_circuitbreaker_state"));
  }
}
