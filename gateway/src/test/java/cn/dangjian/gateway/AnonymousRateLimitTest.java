package cn.dangjian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

/** Traffic without a verified caller has a budget per client address (here: a burst of 5). */
@TestPropertySource(
    properties = {
      "dangjian.gateway.rate-limit.anonymous-requests-per-second=0.5",
      "dangjian.gateway.rate-limit.anonymous-burst=5",
      "dangjian.gateway.rate-limit.trusted-forwarded-hops=1",
    })
class AnonymousRateLimitTest extends GatewayIntegrationTest {

  private int anonymous(String clientAddress, String path) {
    return client
        .get()
        .uri(path)
        .header("X-Forwarded-For", clientAddress)
        .exchange()
        .returnResult(byte[].class)
        .getStatus()
        .value();
  }

  private int forged(String clientAddress) {
    return client
        .get()
        .uri("/api/members")
        .header("X-Forwarded-For", clientAddress)
        .header(HttpHeaders.AUTHORIZATION, "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.forged")
        .exchange()
        .returnResult(byte[].class)
        .getStatus()
        .value();
  }

  @Test
  void scrapingPublicPathsWithoutATokenIsThrottledPerClientAddress() {
    for (int i = 0; i < 5; i++) {
      assertThat(anonymous("203.0.113.7", "/v3/api-docs/swagger-config")).isEqualTo(200);
    }
    assertThat(anonymous("203.0.113.7", "/v3/api-docs/swagger-config")).isEqualTo(429);
    // another address still has its budget
    assertThat(anonymous("203.0.113.8", "/v3/api-docs/swagger-config")).isEqualTo(200);
  }

  @Test
  void guessingTokensIsThrottledPerClientAddress() {
    for (int i = 0; i < 5; i++) {
      assertThat(forged("198.51.100.9")).isEqualTo(401);
    }
    assertThat(forged("198.51.100.9")).isEqualTo(429);
  }

  @Test
  void healthProbesAreNeverThrottled() {
    for (int i = 0; i < 20; i++) {
      assertThat(anonymous("192.0.2.1", "/actuator/health/liveness")).isEqualTo(200);
    }
  }

  @Test
  void paymentProviderCallbackPassesTheEdgeWithoutAUserToken() {
    // dues-service is down in this test set-up: reaching the route at all (503 from the fallback,
    // not 401 at the edge) proves the edge lets the signed callback through to the service.
    int status =
        client
            .post()
            .uri("/api/dues/payments/callbacks/sandbox")
            .header("X-Forwarded-For", "192.0.2.55")
            .header(HttpHeaders.CONTENT_TYPE, "application/json")
            .bodyValue("{}")
            .exchange()
            .returnResult(byte[].class)
            .getStatus()
            .value();
    assertThat(status).isNotEqualTo(401).isNotEqualTo(403);
  }

  @Test
  void notificationUnsubscribeLinkPassesTheEdgeWithoutATokenButTheInboxDoesNot() {
    // opened from a WeChat/SMS/e-mail message on a phone: the signed token in the query is the
    // credential (alert-service checks it); the inbox itself still needs a bearer token
    assertThat(anonymous("192.0.2.56", "/api/notifications/unsubscribe?token=abc"))
        .isNotEqualTo(401)
        .isNotEqualTo(403);
    assertThat(anonymous("192.0.2.57", "/api/notifications")).isEqualTo(401);
  }
}
