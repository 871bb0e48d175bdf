package cn.dangjian.testsupport.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.events.EventTypes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Events as a contract: {@code api/asyncapi.yaml} is generated from the published language and must
 * equal the committed file, like the services' OpenAPI documents ({@code -Dapi.update=true}
 * rewrites it).
 */
class AsyncApiDocumentTest {

  // every string value quoted: unquoted dates (2026-11-25) read as timestamps in YAML 1.1 tools
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER, YAMLWriteFeature.SPLIT_LINES)
          .build();

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static ObjectNode document;

  @BeforeAll
  static void generate() throws Exception {
    document = AsyncApiDocument.ofRepository().generate();
  }

  @Test
  void theCommittedDocumentIsTheGeneratedOne() throws Exception {
    String text = YAML.writeValueAsString(document);

    String difference =
        ApiDocuments.compareWithCommitted(
            AsyncApiDocument.FILE,
            text,
            "differs from what platform/events and deploy/kafka/clients.csv say; run"
                + " ./mvnw -B test -pl platform/test-support -am -Dtest=AsyncApiDocumentTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true and commit it.");

    assertThat(difference).isEmpty();
    assertThat(JSON.writeValueAsString(YAML.readTree(text)))
        .as("the YAML reads back as the document")
        .isEqualTo(JSON.writeValueAsString(document));
  }

  @Test
  void everyEventTypeIsAMessageWithAPayloadSchemaOnItsTopicsChannel() {
    assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
    JsonNode messages = document.path("components").path("messages");
    assertThat(AsyncApiDocument.eventTypeConstants()).hasSize(EventTypes.all().size());
    for (String type : AsyncApiDocument.eventTypeConstants()) {
      JsonNode message = messages.path(type);
      assertThat(message.isObject()).as("message %s", type).isTrue();
      assertThat(resolve(payloadRef("payload", message)).path("properties").isObject())
          .as("%s payload schema", type)
          .isTrue();
      String topic = EventTypes.find(type).orElseThrow().topic();
      assertThat(document.path("channels").path(topic).path("messages").has(type))
          .as("%s on %s", type, topic)
          .isTrue();
    }
  }

  @Test
  void everyChannelHasAnAddressAndEveryTopicASender() {
    JsonNode channels = document.path("channels");
    assertThat(channels.propertyNames()).containsAll(AsyncApiDocument.topics());
    channels
        .properties()
        .forEach(
            c ->
                assertThat(c.getValue().path("address").asString())
                    .as("address of %s", c.getKey())
                    .isEqualTo(c.getKey()));
    for (String topic : AsyncApiDocument.topics()) {
      assertThat(
              document.path("operations").properties().stream()
                  .filter(op -> op.getValue().path("action").asString().equals("send"))
                  .map(op -> op.getValue().path("channel").path("$ref").asString()))
          .as("a send operation on %s", topic)
          .contains("#/channels/" + topic);
    }
  }

  @Test
  void everyReferenceResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(document, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(resolve(ref).isMissingNode()).as("%s resolves", ref).isFalse();
    }
  }

  @Test
  void schemasFollowTheRecords() {
    JsonNode schemas = document.path("components").path("schemas");
    JsonNode registered = schemas.path("MemberRegistered");
    assertThat(registered.path("required").toString())
        .contains("memberId", "orgId", "stage", "duesCategory")
        .doesNotContain("joinDate");
    assertThat(registered.path("properties").path("memberId").path("format").asString())
        .isEqualTo("uuid");
    assertThat(registered.path("properties").path("joinDate").toString())
        .contains("\"date\"", "null");
    assertThat(schemas.path("DuesPaid").path("properties").path("paidAt").path("format").asString())
        .isEqualTo("date-time");
    assertThat(schemas.path("AlertSeverity").path("enum").toString())
        .isEqualTo("[\"NOTICE\",\"WARNING\",\"SERIOUS\"]");
    assertThat(schemas.path("AlertChanged").path("properties").path("severity").toString())
        .contains("#/components/schemas/AlertSeverity");
    assertThat(
            document
                .path("components")
                .path("messages")
                .path("member.registered")
                .path("bindings")
                .path("kafka")
                .path("key")
                .path("description")
                .asString())
        .contains("payload.memberId");
  }

  private static String payloadRef(String property, JsonNode message) {
    return message
        .path("payload")
        .path("allOf")
        .path(1)
        .path("properties")
        .path(property)
        .path("$ref")
        .asString();
  }

  private static JsonNode resolve(String ref) {
    JsonNode node = document;
    for (String part : ref.substring(2).split("/")) {
      node = node.path(part.replace("~1", "/").replace("~0", "~"));
    }
    return node;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (e.getKey().equals("$ref")) {
                  refs.add(e.getValue().asString());
                } else {
                  collectRefs(e.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(item -> collectRefs(item, refs));
    }
  }
}
