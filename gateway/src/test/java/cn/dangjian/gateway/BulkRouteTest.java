package cn.dangjian.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Bulk imports carry files and run for seconds: their own body limit and time limit. */
class BulkRouteTest extends GatewayIntegrationTest {

  @Test
  void importLongerThanTheServiceTimeLimitStillGetsItsAnswer() {
    MEMBER_SERVICE.stubFor(
        post("/api/members/import")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"imported\":5000}")
                    .withFixedDelay(1_500)));

    client
        .post()
        .uri("/api/members/import")
        .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
        .contentType(MediaType.TEXT_PLAIN)
        .bodyValue("x")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.imported")
        .isEqualTo(5000);
  }

  @Test
  void importFileAboveTheJsonLimitIsForwardedAndPostsAreNotRetried() {
    MEMBER_SERVICE.stubFor(post("/api/members/import").willReturn(aResponse().withStatus(503)));
    byte[] file = new byte[2 * 1024 * 1024];

    client
        .post()
        .uri("/api/members/import")
        .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .bodyValue(file)
        .exchange()
        .expectStatus()
        .isEqualTo(503);
    MEMBER_SERVICE.verify(1, postRequestedFor(urlEqualTo("/api/members/import")));
  }

  @Test
  void ordinaryJsonAboveTheLimitIsStillRefused() {
    client
        .post()
        .uri("/api/members")
        .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(new byte[2 * 1024 * 1024])
        .exchange()
        .expectStatus()
        .isEqualTo(413);
  }

  @Test
  void anAlertStreamIsNotCutByTheServiceTimeLimit() {
    MEMBER_SERVICE.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/api/alerts/stream")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(": connected\n\nevent:alert.raised\ndata:{}\n\n")
                    .withFixedDelay(1_500)));
    MEMBER_SERVICE.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/api/alerts/slow")
            .willReturn(aResponse().withStatus(200).withFixedDelay(1_500)));

    client
        .get()
        .uri("/api/alerts/stream")
        .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("alert.raised"));
    client
        .get()
        .uri("/api/alerts/slow")
        .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
        .exchange()
        .expectStatus()
        .isEqualTo(503);
  }

  @Test
  void aMeetingAttachmentAboveTheJsonLimitIsForwardedAsAnUpload() {
    MEMBER_SERVICE.stubFor(
        post("/api/org-life/meetings/m-1/attachments")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{}")));
    org.springframework.http.client.MultipartBodyBuilder parts =
        new org.springframework.http.client.MultipartBodyBuilder();
    parts
        .part("file", new byte[64 * 1024])
        .filename("minutes.pdf")
        .contentType(MediaType.APPLICATION_PDF);

    client
        .post()
        .uri("/api/org-life/meetings/m-1/attachments")
        .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .bodyValue(parts.build())
        .exchange()
        .expectStatus()
        .isCreated();
  }
}
