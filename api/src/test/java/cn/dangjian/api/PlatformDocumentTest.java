package cn.dangjian.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlatformDocumentTest {

  static final String TITLE = "党建云平台 API (Dangjian Cloud platform)";
  static final String DESCRIPTION =
      "五个服务的全部接口，经网关访问。All operations of the five services, through the gateway."
          + " Generated from api/<service>.json; do not edit.";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * api/dangjian-platform.json is the merge of the committed service documents; {@code
   * -Dapi.update=true} (or a missing file) rewrites it.
   */
  @Test
  void theCommittedPlatformDocumentIsTheMergeOfTheServiceDocuments() throws Exception {
    Path api = ApiFiles.directory();
    String merged =
        ApiFiles.text(PlatformDocument.merge(ApiFiles.services(api), TITLE, DESCRIPTION));
    Path file = api.resolve(ApiFiles.PLATFORM + ".json");
    if (Boolean.getBoolean("api.update") || !Files.exists(file)) {
      Files.writeString(file, merged);
    }
    assertThat(Files.readString(file))
        .as(
            "api/dangjian-platform.json is stale: run ./mvnw -B verify -pl api -Dapi.update=true"
                + " and commit it")
        .isEqualTo(merged);
  }

  @Test
  void sameComponentsAreSharedAndDifferentOnesArePrefixedWithTheirService() throws Exception {
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    documents.put(
        "member-service",
        doc(
            "/api/members",
            "listMembers",
            "Result",
            """
            {"Problem": {"type": "object"},
             "Result": {"type": "object", "properties": {"errors": {"$ref": "#/components/schemas/Problem"}}},
             "Wrapper": {"type": "object", "properties": {"r": {"$ref": "#/components/schemas/Result"}}},
             "Own": {"type": "object", "properties": {"r": {"$ref": "#/components/schemas/Result"}}}}
            """));
    documents.put(
        "org-life-service",
        doc(
            "/api/org-life/meetings",
            "listMeetings",
            "Result",
            """
            {"Problem": {"type": "object"},
             "Result": {"type": "string"},
             "Wrapper": {"type": "object", "properties": {"r": {"$ref": "#/components/schemas/Result"}}}}
            """));

    JsonNode merged = PlatformDocument.merge(documents, "t", "d");

    JsonNode schemas = merged.path("components").path("schemas");
    assertThat(schemas.propertyNames())
        .containsExactlyInAnyOrder(
            "Problem",
            "MemberResult",
            "OrgLifeResult",
            // same text, but what it refers to differs
            "MemberWrapper",
            "OrgLifeWrapper",
            // defined once: keeps its name, its reference follows the rename
            "Own");
    assertThat(schemas.at("/Own/properties/r/$ref").asString())
        .isEqualTo("#/components/schemas/MemberResult");
    assertThat(
            merged
                .at("/paths/~1api~1org-life~1meetings/get/responses/200/content/application~1json")
                .path("schema")
                .path("$ref")
                .asString())
        .isEqualTo("#/components/schemas/OrgLifeResult");
    assertThat(schemas.at("/MemberWrapper/properties/r/$ref").asString())
        .isEqualTo("#/components/schemas/MemberResult");
    assertThat(schemas.at("/MemberResult/properties/errors/$ref").asString())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(PlatformDocument.merge(documents, "t", "d")).isEqualTo(merged);
  }

  @Test
  void twoServicesCannotOwnOnePath() throws Exception {
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    documents.put("member-service", doc("/api/x", "a", "A", "{\"A\": {}}"));
    documents.put("dues-service", doc("/api/x", "b", "A", "{\"A\": {}}"));
    assertThatThrownBy(() -> PlatformDocument.merge(documents, "t", "d"))
        .hasMessageContaining("/api/x");
  }

  private static JsonNode doc(String path, String operationId, String answer, String schemas) {
    return JSON.readTree(
        """
        {"openapi": "3.1.0", "info": {"title": "s", "version": "v1"},
         "paths": {"%s": {"get": {"operationId": "%s", "responses": {"200": {"description": "OK",
           "content": {"application/json": {"schema": {"$ref": "#/components/schemas/%s"}}}}}}}},
         "components": {"schemas": %s}}
        """
            .formatted(path, operationId, answer, schemas));
  }
}
