package cn.dangjian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The contract every error answer of the gateway keeps. */
public final class ProblemAssertions {

  private ProblemAssertions() {}

  public static WebTestClient.BodyContentSpec assertProblem(
      WebTestClient.ResponseSpec response, int status, String typeSlug) {
    return response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .exists("X-Request-Id")
        .expectHeader()
        .exists("X-Trace-Id")
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://dangjian.cn/problems/" + typeSlug)
        .jsonPath("$.status")
        .isEqualTo(status)
        .jsonPath("$.title")
        .value(title -> assertThat((String) title).isNotBlank())
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).isNotBlank())
        .jsonPath("$.requestId")
        .isNotEmpty()
        .jsonPath("$.traceId")
        .isNotEmpty()
        .jsonPath("$.trace")
        .doesNotExist()
        .jsonPath("$.exception")
        .doesNotExist();
  }
}
