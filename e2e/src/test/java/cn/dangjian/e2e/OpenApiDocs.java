package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of every service, as the gateway publishes them: {@code
 * /v3/api-docs/swagger-config} lists the documents, each {@code /<service>/v3/api-docs} lists its
 * paths. The attack suites take their route lists from here, so a new route is attacked (or fails
 * the matrix) without anyone remembering to add it.
 */
final class OpenApiDocs {

  static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One parameter of an operation ({@code in}: path, query or header). */
  record Param(String name, String in, boolean required, JsonNode schema) {}

  /** One operation: {@code key} is {@code "GET /api/members/{id}"}. */
  record Operation(
      String service,
      String method,
      String path,
      List<Param> params,
      String bodyType,
      JsonNode bodySchema,
      JsonNode components) {

    String key() {
      return method + " " + path;
    }

    List<Param> in(String where) {
      return params.stream().filter(p -> p.in().equals(where)).toList();
    }

    boolean hasPathParams() {
      return !in("path").isEmpty();
    }

    /** The schema with every $ref resolved one level (enough for property lists). */
    JsonNode resolve(JsonNode schema) {
      JsonNode s = schema;
      while (s != null && s.has("$ref")) {
        String name = s.get("$ref").asString().replaceFirst(".*/", "");
        s = components.path("schemas").get(name);
      }
      return s == null ? NODES.objectNode() : s;
    }
  }

  private OpenApiDocs() {}

  /** Every operation of every document the gateway lists. */
  static List<Operation> load(Api api) {
    Api.Response config = api.get("/v3/api-docs/swagger-config", null);
    assertThat(config.status()).as(config.body()).isEqualTo(200);
    List<Operation> operations = new ArrayList<>();
    for (JsonNode url : config.json().get("urls")) {
      String service = url.get("name").asString();
      Api.Response doc = api.get(url.get("url").asString(), null);
      assertThat(doc.status()).as(service + ": " + doc.body()).isEqualTo(200);
      JsonNode json = doc.json();
      JsonNode components = json.path("components");
      for (Map.Entry<String, JsonNode> path : json.get("paths").properties()) {
        for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
          if (!METHODS.contains(op.getKey())) {
            continue;
          }
          List<Param> params = new ArrayList<>();
          for (JsonNode p : op.getValue().path("parameters")) {
            params.add(
                new Param(
                    p.get("name").asString(),
                    p.get("in").asString(),
                    p.path("required").asBoolean(false),
                    p.path("schema")));
          }
          String bodyType = null;
          JsonNode bodySchema = null;
          Iterator<Map.Entry<String, JsonNode>> content =
              op.getValue().path("requestBody").path("content").properties().iterator();
          if (content.hasNext()) {
            Map.Entry<String, JsonNode> first = content.next();
            bodyType = first.getKey();
            bodySchema = first.getValue().path("schema");
          }
          operations.add(
              new Operation(
                  service,
                  op.getKey().toUpperCase(java.util.Locale.ROOT),
                  path.getKey(),
                  params,
                  bodyType,
                  bodySchema,
                  components));
        }
      }
    }
    assertThat(operations).as("operations in the OpenAPI documents").hasSizeGreaterThan(50);
    return operations;
  }

  /**
   * A type-correct JSON value for a schema: every required property, every property {@code byName}
   * has a value for (and, with {@code all}, every property), values chosen by {@code byName}
   * (property name, schema) first, else by type.
   */
  static JsonNode sample(
      Operation op,
      JsonNode schema,
      boolean all,
      BiFunction<String, JsonNode, JsonNode> byName,
      int depth) {
    JsonNode s = op.resolve(schema);
    if (s.has("allOf")) {
      s = op.resolve(s.get("allOf").get(0));
    }
    String type = s.path("type").asString("");
    if (type.equals("array")) {
      ArrayNode array = NODES.arrayNode();
      if (depth < 4) {
        array.add(sample(op, s.path("items"), all, byName, depth + 1));
      }
      return array;
    }
    if (type.equals("object") || s.has("properties")) {
      ObjectNode object = NODES.objectNode();
      Set<String> required = new java.util.HashSet<>();
      s.path("required").forEach(r -> required.add(r.asString()));
      for (Map.Entry<String, JsonNode> property : s.path("properties").properties()) {
        String name = property.getKey();
        JsonNode chosen = byName.apply(name, op.resolve(property.getValue()));
        // an optional property is left out unless byName has a value for it
        if (!all && !required.contains(name) && chosen == null) {
          continue;
        }
        object.set(
            name,
            chosen != null ? chosen : sample(op, property.getValue(), all, byName, depth + 1));
      }
      return object;
    }
    return scalar(s);
  }

  /** A plain valid scalar of the schema's type. */
  static JsonNode scalar(JsonNode s) {
    if (s.has("enum")) {
      return s.get("enum").get(0);
    }
    String type = s.path("type").asString("string");
    String format = s.path("format").asString("");
    return switch (type) {
      case "integer" -> NODES.numberNode(1);
      case "number" -> NODES.numberNode(1.5);
      case "boolean" -> NODES.booleanNode(true);
      default ->
          switch (format) {
            case "uuid" -> NODES.stringNode("0190a5b4-0000-7000-8000-000000000001");
            case "date" -> NODES.stringNode("2026-11-02");
            case "date-time" -> NODES.stringNode("2026-11-02T09:00:00");
            default -> NODES.stringNode("测试");
          };
    };
  }

  /** Map view of the operations by key, in document order. */
  static Map<String, Operation> byKey(List<Operation> operations) {
    Map<String, Operation> map = new LinkedHashMap<>();
    operations.forEach(op -> map.put(op.key(), op));
    return map;
  }
}
