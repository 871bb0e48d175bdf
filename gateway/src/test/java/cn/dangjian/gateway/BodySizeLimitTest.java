package cn.dangjian.gateway;

import static cn.dangjian.gateway.ProblemAssertions.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** The test configuration limits bodies to 16KB. */
class BodySizeLimitTest extends GatewayIntegrationTest {

  private static final int LIMIT = 16 * 1024;

  @Test
  void bodyDeclaredLargerThanTheLimitIsAnswered413AndNeverReachesTheService() {
    MEMBER_SERVICE.stubFor(post("/api/members/batch-notes").willReturn(okJson("{}")));

    assertProblem(
            client
                .post()
                .uri("/api/members/batch-notes")
                .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[LIMIT + 1])
                .exchange(),
            413,
            "payload-too-large")
        .jsonPath("$.detail")
        .isEqualTo("请求体超过了 16KB 的上限，请缩小后重试");

    MEMBER_SERVICE.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void chunkedBodyThatGrowsPastTheLimitIsAnswered413AndNeverReachesTheService() {
    MEMBER_SERVICE.stubFor(post("/api/members/batch-notes").willReturn(okJson("{}")));

    assertProblem(
        client
            .post()
            .uri("/api/members/batch-notes")
            .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .body(chunks(5, 4 * 1024), DataBuffer.class)
            .exchange(),
        413,
        "payload-too-large");

    MEMBER_SERVICE.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void chunkedBodyWithinTheLimitIsForwardedWhole() {
    MEMBER_SERVICE.stubFor(post("/api/members/batch-notes").willReturn(okJson("{\"imported\":4}")));

    client
        .post()
        .uri("/api/members/batch-notes")
        .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(chunks(4, 4 * 1024), DataBuffer.class)
        .exchange()
        .expectStatus()
        .isOk();

    MEMBER_SERVICE.verify(
        postRequestedFor(urlEqualTo("/api/members/batch-notes"))
            .withHeader(HttpHeaders.CONTENT_LENGTH, equalTo(Integer.toString(LIMIT))));
    byte[] received =
        MEMBER_SERVICE
            .findAll(postRequestedFor(urlEqualTo("/api/members/batch-notes")))
            .get(0)
            .getBody();
    assertThat(new String(received, StandardCharsets.US_ASCII)).hasSize(LIMIT).matches("x+");
  }

  /** A streamed body without Content-Length, so the client sends it chunked. */
  private static Flux<DataBuffer> chunks(int count, int size) {
    byte[] chunk = "x".repeat(size).getBytes(StandardCharsets.US_ASCII);
    return Flux.range(0, count)
        .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.clone()));
  }
}
