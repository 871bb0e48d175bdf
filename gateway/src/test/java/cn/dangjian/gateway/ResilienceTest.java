package cn.dangjian.gateway;

import static cn.dangjian.gateway.ProblemAssertions.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class ResilienceTest extends GatewayIntegrationTest {

  @Test
  void slowServiceIsCutOffAtItsTimeLimitWithAChineseServiceUnavailableProblem() {
    MEMBER_SERVICE.stubFor(get("/api/members/slow").willReturn(okJson("{}").withFixedDelay(3_000)));

    long started = System.nanoTime();
    var response =
        client
            .get()
            .uri("/api/members/slow")
            .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
            .exchange();
    assertProblem(response, 503, "service-unavailable")
        .jsonPath("$.detail")
        .isEqualTo("成员服务暂时不可用，请稍后重试")
        .jsonPath("$.service")
        .isEqualTo("member-service")
        .jsonPath("$.instance")
        .isEqualTo("/api/members/slow");
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    // The test configures a 700 ms time limit for member-service.
    assertThat(elapsed).isBetween(Duration.ofMillis(650), Duration.ofMillis(2_000));
  }

  @Test
  void serviceUnavailableProblemIsInEnglishUnderAcceptLanguageEn() {
    MEMBER_SERVICE.stubFor(get("/api/members/slow").willReturn(okJson("{}").withFixedDelay(3_000)));

    assertProblem(
            client
                .get()
                .uri("/api/members/slow")
                .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange(),
            503,
            "service-unavailable")
        .jsonPath("$.title")
        .isEqualTo("Service unavailable")
        .jsonPath("$.detail")
        .isEqualTo("The member service is temporarily unavailable. Please try again later.");
  }

  @Test
  void serviceThatIsNotListeningIsAnswered503Problem() {
    assertProblem(
            client
                .get()
                .uri("/api/dues/bills")
                .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
                .accept(MediaType.TEXT_HTML)
                .exchange(),
            503,
            "service-unavailable")
        .jsonPath("$.service")
        .isEqualTo("dues-service")
        .jsonPath("$.detail")
        .isEqualTo("党费服务暂时不可用，请稍后重试");
  }

  @Test
  void getThatFailsOnceWith503IsRetriedAndSucceeds() {
    MEMBER_SERVICE.stubFor(
        get("/api/members/flaky")
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("recovered"));
    MEMBER_SERVICE.stubFor(
        get("/api/members/flaky")
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson("{\"ok\":true}")));

    client
        .get()
        .uri("/api/members/flaky")
        .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.ok")
        .isEqualTo(true);

    MEMBER_SERVICE.verify(2, getRequestedFor(urlEqualTo("/api/members/flaky")));
  }

  @Test
  void getIsRetriedAtMostTwiceBeforeTheFallbackAnswers() {
    MEMBER_SERVICE.stubFor(get("/api/members/down").willReturn(aResponse().withStatus(502)));

    assertProblem(
        client
            .get()
            .uri("/api/members/down")
            .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
            .exchange(),
        503,
        "service-unavailable");

    MEMBER_SERVICE.verify(3, getRequestedFor(urlEqualTo("/api/members/down")));
  }

  @Test
  void postIsNeverRetried() {
    MEMBER_SERVICE.stubFor(post("/api/members").willReturn(aResponse().withStatus(503)));

    assertProblem(
        client
            .post()
            .uri("/api/members")
            .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"name\":\"张三\"}")
            .exchange(),
        503,
        "service-unavailable");

    MEMBER_SERVICE.verify(1, postRequestedFor(urlEqualTo("/api/members")));
  }

  @Test
  void breakerOpensAfterABurstOfFailuresAndRecoversByItselfWhenTheServiceIsBack() {
    // org-life-service: window 4, opens at 50 %, half-opens after 1 s (test configuration).
    MEMBER_SERVICE.stubFor(post("/api/org-life/meetings").willReturn(aResponse().withStatus(503)));
    String token = secretaryToken();

    for (int i = 0; i < 4; i++) {
      postMeeting(token).expectStatus().isEqualTo(503);
    }
    assertThat(circuitBreaker("org-life-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);

    // While open, calls are answered by the fallback without touching the service.
    assertProblem(postMeeting(token), 503, "service-unavailable");
    MEMBER_SERVICE.verify(4, postRequestedFor(urlEqualTo("/api/org-life/meetings")));

    MEMBER_SERVICE.stubFor(
        post("/api/org-life/meetings").willReturn(okJson("{\"id\":\"m1\"}").withStatus(201)));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> circuitBreaker("org-life-service").getState() == CircuitBreaker.State.HALF_OPEN);

    postMeeting(token).expectStatus().isCreated();
    assertThat(circuitBreaker("org-life-service").getState())
        .isEqualTo(CircuitBreaker.State.CLOSED);
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec postMeeting(
      String token) {
    return client
        .post()
        .uri("/api/org-life/meetings")
        .header(HttpHeaders.AUTHORIZATION, bearer(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange();
  }
}
