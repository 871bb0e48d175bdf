package cn.dangjian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A write that takes an ExpectedVersion needs If-Match, the same way in every service. */
class ConditionalRequestsIT extends StarterIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;

  private final String token = KEYCLOAK.token().roles("secretary").username("console").build();

  private MockHttpServletRequestBuilder touch() {
    return post("/api/notes/" + UUID.randomUUID() + "/touch")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
  }

  @Test
  void withoutIfMatchTheWriteIsRefusedWith428AndAMalformedOneWith412() throws Exception {
    mvc.perform(touch())
        .andExpect(status().isPreconditionRequired())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(touch().header(HttpHeaders.IF_MATCH, "\"abc\""))
        .andExpect(status().isPreconditionFailed())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(touch().header(HttpHeaders.IF_MATCH, "W/\"7\""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$").value(7));
  }

  @Test
  void theApiDocumentsIfMatchAsRequiredAndEveryAnswerOfAConditionalWrite() throws Exception {
    JsonNode docs =
        json.readTree(
            mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    JsonNode parameters =
        docs.path("paths").path("/api/notes/{id}/touch").path("post").path("parameters");
    assertThat(
            parameters
                .valueStream()
                .map(p -> p.path("in").asString() + ":" + p.path("name").asString()))
        .containsExactlyInAnyOrder("path:id", "header:If-Match", "header:Idempotency-Key");
    JsonNode ifMatch =
        parameters
            .valueStream()
            .filter(p -> p.path("name").asString().equals("If-Match"))
            .findFirst()
            .orElseThrow();
    assertThat(ifMatch.path("required").asBoolean()).isTrue();
    // the answers a conditional write can give, each one problem+json
    JsonNode responses =
        docs.path("paths").path("/api/notes/{id}/touch").path("post").path("responses");
    assertThat(responses.properties().stream().map(e -> e.getKey()))
        .contains("200", "400", "401", "403", "404", "409", "412", "422", "428", "429");
    assertThat(
            responses
                .path("428")
                .path("content")
                .path("application/problem+json")
                .path("schema")
                .path("$ref")
                .asString())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(
            docs.path("components")
                .path("schemas")
                .path("Problem")
                .path("properties")
                .has("traceId"))
        .isTrue();
    assertThat(
            docs.path("paths")
                .path("/api/notes/{id}/touch")
                .path("post")
                .path("operationId")
                .asString())
        .isEqualTo("touchNote");
  }
}
