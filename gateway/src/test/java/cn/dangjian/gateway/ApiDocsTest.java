package cn.dangjian.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

class ApiDocsTest extends GatewayIntegrationTest {

  @Test
  void swaggerConfigListsEveryServiceWithMemberServiceAsPrimary() {
    Map<String, Object> config =
        client
            .get()
            .uri("/v3/api-docs/swagger-config")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
            .returnResult()
            .getResponseBody();

    // springdoc keeps the urls in a set: compare as a set, never by index.
    @SuppressWarnings("unchecked")
    List<Map<String, String>> urls = (List<Map<String, String>>) config.get("urls");
    assertThat(urls)
        .extracting(url -> url.get("name") + " -> " + url.get("url"))
        .containsExactlyInAnyOrder(
            "member-service -> /member-service/v3/api-docs",
            "dues-service -> /dues-service/v3/api-docs",
            "org-life-service -> /org-life-service/v3/api-docs",
            "assessment-service -> /assessment-service/v3/api-docs",
            "alert-service -> /alert-service/v3/api-docs");
    assertThat(config.get("urls.primaryName")).isEqualTo("member-service");
  }

  @Test
  void serviceOpenApiDocumentIsProxiedWithoutAToken() {
    MEMBER_SERVICE.stubFor(
        get("/v3/api-docs")
            .willReturn(okJson("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"member-service\"}}")));

    client
        .get()
        .uri("/member-service/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.openapi")
        .isEqualTo("3.1.0")
        .jsonPath("$.info.title")
        .isEqualTo("member-service");

    MEMBER_SERVICE.verify(getRequestedFor(urlEqualTo("/v3/api-docs")));
  }

  @Test
  void swaggerUiIsServedWithoutAToken() {
    client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
  }
}
