package cn.dangjian.gateway;

import static cn.dangjian.gateway.ProblemAssertions.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;

class EdgeAuthenticationTest extends GatewayIntegrationTest {

  static Stream<Arguments> rejectedTokens() {
    return Stream.of(
        Arguments.of(
            "expired",
            (Supplier<String>) () -> KEYCLOAK.token().lifetime(Duration.ofMinutes(-1)).build()),
        Arguments.of(
            "wrong issuer",
            (Supplier<String>)
                () -> KEYCLOAK.token().issuer("http://evil.example/realms/dangjian").build()),
        Arguments.of(
            "foreign signing key",
            (Supplier<String>) () -> KEYCLOAK.token().signedWithForeignKey().build()),
        Arguments.of(
            "wrong audience",
            (Supplier<String>) () -> KEYCLOAK.token().audience("another-api").build()),
        Arguments.of("not a JWT", (Supplier<String>) () -> "not-a-jwt"));
  }

  @ParameterizedTest(name = "{0} token is answered 401 problem and never reaches the service")
  @MethodSource("rejectedTokens")
  void invalidTokenIsRejectedAtTheEdge(String reason, Supplier<String> token) {
    MEMBER_SERVICE.stubFor(get("/api/members/1").willReturn(okJson("{}")));

    var response =
        client
            .get()
            .uri("/api/members/1")
            .header(HttpHeaders.AUTHORIZATION, bearer(token.get()))
            .exchange()
            .expectHeader()
            .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer .*error=\"invalid_token\".*");
    assertProblem(response, 401, "unauthorized");
    MEMBER_SERVICE.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aTokenAcceptedBeforeDoesNotVouchForTheSameClaimsWithAnotherSignature() {
    MEMBER_SERVICE.stubFor(get("/api/members/1").willReturn(okJson("{}")));
    String token = secretaryToken();
    for (int i = 0; i < 2; i++) { // the second answer comes from the verified-token cache
      client
          .get()
          .uri("/api/members/1")
          .header(HttpHeaders.AUTHORIZATION, bearer(token))
          .exchange()
          .expectStatus()
          .isOk();
    }
    String[] parts = token.split("\\.");
    char c = parts[2].charAt(10);
    String forged =
        parts[0]
            + "."
            + parts[1]
            + "."
            + parts[2].substring(0, 10)
            + (c == 'A' ? 'B' : 'A')
            + parts[2].substring(11);

    assertProblem(
        client
            .get()
            .uri("/api/members/1")
            .header(HttpHeaders.AUTHORIZATION, bearer(forged))
            .exchange(),
        401,
        "unauthorized");
  }

  @Test
  void missingTokenIsAnswered401ProblemWithBearerChallengeInChineseByDefault() {
    var response =
        client
            .post()
            .uri("/api/members")
            .bodyValue("{}")
            .exchange()
            .expectHeader()
            .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*");
    assertProblem(response, 401, "unauthorized")
        .jsonPath("$.detail")
        .isEqualTo("缺少访问令牌，请先登录")
        .jsonPath("$.instance")
        .isEqualTo("/api/members");
    MEMBER_SERVICE.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void missingTokenProblemIsInEnglishWhenTheCallerPrefersEnglish() {
    assertProblem(
            client
                .get()
                .uri("/api/members")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9")
                .exchange(),
            401,
            "unauthorized")
        .jsonPath("$.detail")
        .isEqualTo("An access token is required. Please sign in.");
  }
}
