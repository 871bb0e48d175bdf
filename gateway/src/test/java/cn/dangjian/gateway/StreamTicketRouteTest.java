package cn.dangjian.gateway;

import static cn.dangjian.gateway.ProblemAssertions.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.gateway.correlation.SecretQueryMaskingAccess;
import org.junit.jupiter.api.Test;

/**
 * A browser's EventSource cannot send Authorization: the alert stream, and only it, goes through
 * with a ticket for alert-service to redeem.
 */
class StreamTicketRouteTest extends GatewayIntegrationTest {

  @Test
  void theAlertStreamGoesThroughWithATicketAndNoAuthorizationHeader() {
    MEMBER_SERVICE.stubFor(
        get(urlPathEqualTo("/api/alerts/stream"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(": connected\n\n")));
    client.get().uri("/api/alerts/stream?ticket=t1-single-use").exchange().expectStatus().isOk();
    MEMBER_SERVICE.verify(getRequestedFor(urlEqualTo("/api/alerts/stream?ticket=t1-single-use")));
  }

  @Test
  void aTicketIsNoCredentialOnAnyOtherRouteOrMethod() {
    MEMBER_SERVICE.stubFor(get(anyUrl()).willReturn(okJson("{}")));
    assertProblem(client.get().uri("/api/alerts?ticket=t1").exchange(), 401, "unauthorized");
    assertProblem(client.get().uri("/api/members?ticket=t1").exchange(), 401, "unauthorized");
    assertProblem(client.get().uri("/api/alerts/stream").exchange(), 401, "unauthorized");
    assertProblem(
        client.post().uri("/api/alerts/stream?ticket=t1").exchange(), 401, "unauthorized");
    MEMBER_SERVICE.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void spansNeverCarryTheTicket() {
    assertThat(SecretQueryMaskingAccess.mask("http://alert:8085/api/alerts/stream?ticket=abc&x=1"))
        .isEqualTo("http://alert:8085/api/alerts/stream?ticket=***&x=1");
    assertThat(SecretQueryMaskingAccess.mask("/api/alerts/stream?lastEventId=4&ticket=abc"))
        .isEqualTo("/api/alerts/stream?lastEventId=4&ticket=***");
  }
}
