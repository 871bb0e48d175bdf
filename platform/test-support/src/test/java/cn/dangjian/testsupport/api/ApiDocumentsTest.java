package cn.dangjian.testsupport.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiDocumentsTest {

  private static JsonNode document(String paths) {
    return JsonMapper.builder().build().readTree("{\"openapi\":\"3.1.0\",\"paths\":" + paths + "}");
  }

  @Test
  void aDocumentThatFollowsTheConventionsHasNoViolations() {
    JsonNode ok =
        document(
            """
            {"/api/members": {"get": {"operationId": "listMembers", "responses": {"200": {}, "403": {}}}},
             "/api/members/{id}": {"get": {"operationId": "getMember", "responses": {"200": {}, "404": {}}}}}
            """);
    assertThat(ApiDocuments.conventionViolations(ok)).isEmpty();
  }

  @Test
  void overloadSuffixesRepeatedNamesAndUndocumentedErrorsAreEachNamed() {
    JsonNode bad =
        document(
            """
            {"/api/a": {"get": {"operationId": "list_3", "responses": {"200": {}, "400": {}}}},
             "/api/b": {"get": {"operationId": "getThing", "responses": {"200": {}, "400": {}}}},
             "/api/c": {"post": {"operationId": "getThing", "responses": {"201": {}}}}}
            """);
    assertThat(ApiDocuments.conventionViolations(bad))
        .containsExactlyInAnyOrder(
            "GET /api/a: operationId 'list_3'",
            "POST /api/c: operationId 'getThing' also GET /api/b",
            "POST /api/c: no error response");
  }

  @Test
  void theSameDocumentAlwaysGivesTheSameText() {
    JsonNode a = document("{\"/b\": {\"get\": {}}, \"/a\": {\"get\": {}}}");
    JsonNode b = document("{\"/a\": {\"get\": {}}, \"/b\": {\"get\": {}}}");
    assertThat(ApiDocuments.text(a)).isEqualTo(ApiDocuments.text(b)).endsWith("}\n");
  }
}
