package cn.dangjian.testsupport.api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds every answer a test receives to the service's own API document: the status is one the
 * operation documents, and a JSON body matches the documented schema — required fields present,
 * {@code null} only where the field is nullable, enum values listed, no undocumented fields,
 * date-times with an offset. So the document cannot say less (or other) than the server does. Used
 * as a MockMvc {@link ResultHandler} by each service's test support, and by the e2e client.
 */
public final class ResponseContract implements ResultHandler {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static volatile ResponseContract served;

  private final JsonNode document;
  private final List<Route> routes = new ArrayList<>();

  private record Route(String method, String template, Pattern pattern, JsonNode operation) {}

  public ResponseContract(JsonNode document) {
    this.document = document;
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op ->
                            routes.add(
                                new Route(
                                    op.getKey().toUpperCase(Locale.ROOT),
                                    path.getKey(),
                                    Pattern.compile(
                                        path.getKey()
                                            .replaceAll("\\{[^}]+}", "[^/]+")
                                            .replace(".", "\\.")),
                                    op.getValue()))));
    // a literal segment wins over a variable one: /api/members/stats before /api/members/{id}
    routes.sort(
        Comparator.comparingLong(route -> route.template().chars().filter(c -> c == '{').count()));
  }

  /** The contract of the service under test, read once from its own {@code /v3/api-docs}. */
  public static ResponseContract servedBy(MockMvc mvc) throws Exception {
    ResponseContract contract = served;
    if (contract == null) {
      synchronized (ResponseContract.class) {
        if (served == null) {
          served = new ResponseContract(ApiDocuments.served(mvc));
        }
        contract = served;
      }
    }
    return contract;
  }

  @Override
  public void handle(MvcResult result) throws Exception {
    List<String> violations =
        violations(
            result.getRequest().getMethod(),
            result.getRequest().getRequestURI(),
            result.getResponse().getStatus(),
            result.getResponse().getContentType(),
            result.getResponse().getContentAsString(StandardCharsets.UTF_8),
            result.getResponse()::getHeader);
    if (!violations.isEmpty() && Boolean.getBoolean("api.contract.report")) {
      // survey mode: collect every difference of a whole run instead of stopping at the first
      java.nio.file.Files.write(
          java.nio.file.Path.of("target", "contract-violations.txt"),
          violations,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } else if (!violations.isEmpty()) {
      throw new AssertionError(
          "The answer differs from the API document:\n  " + String.join("\n  ", violations));
    }
  }

  /** What in one answer the document does not say; empty when it holds. */
  public List<String> violations(
      String method,
      String path,
      int status,
      String contentType,
      String body,
      Function<String, String> header) {
    List<String> out = new ArrayList<>();
    if (!path.startsWith("/api/")) {
      return out;
    }
    Route route =
        routes.stream()
            .filter(r -> r.method().equals(method) && r.pattern().matcher(path).matches())
            .findFirst()
            .orElse(null);
    if (route == null) {
      if (status < 400) {
        out.add(method + " " + path + " answered " + status + " but is not in the document");
      }
      return out;
    }
    String where =
        route.operation().path("operationId").asString() + " (" + method + " " + path + ")";
    JsonNode answer = route.operation().path("responses").path(String.valueOf(status));
    if (answer.isMissingNode()) {
      answer = route.operation().path("responses").path("default");
    }
    if (answer.isMissingNode()) {
      out.add(where + ": status " + status + " is not documented");
      return out;
    }
    // a declared ETag or Location is one the client can rely on
    for (Map.Entry<String, JsonNode> declared : answer.path("headers").properties()) {
      String name = declared.getKey();
      if ((name.equals("ETag") || name.equals("Location")) && header.apply(name) == null) {
        out.add(where + ": " + status + " declares the " + name + " header but did not send it");
      }
    }
    if (body == null || body.isEmpty() || contentType == null) {
      return out;
    }
    String media = contentType.split(";")[0].trim();
    if (!media.endsWith("json")) {
      return out; // files and event streams: their media types are checked by ApiDocumentIT
    }
    JsonNode schema = answer.path("content").path(media).path("schema");
    if (schema.isMissingNode()) {
      out.add(where + ": " + status + " " + media + " is not a documented media type");
      return out;
    }
    check(JSON.readTree(body), schema, "$", where, out);
    return out;
  }

  private JsonNode resolve(JsonNode schema) {
    while (schema.has("$ref")) {
      String name = schema.get("$ref").asString();
      schema =
          document
              .path("components")
              .path("schemas")
              .path(name.substring(name.lastIndexOf('/') + 1));
    }
    return schema;
  }

  private void check(JsonNode value, JsonNode schema, String at, String where, List<String> out) {
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asString();
      // name the schema, so a message says which record to change
      at = at + " (" + name.substring(name.lastIndexOf('/') + 1) + ")";
    }
    schema = resolve(schema);
    if (value.isNull()) {
      if (!allowsNull(schema)) {
        out.add(where + ": " + at + " is null but not nullable");
      }
      return;
    }
    for (String combinator : List.of("anyOf", "oneOf")) {
      if (schema.has(combinator)) {
        boolean matched = false;
        for (JsonNode option : schema.get(combinator)) {
          List<String> tried = new ArrayList<>();
          check(value, option, at, where, tried);
          matched |= tried.isEmpty();
        }
        if (!matched) {
          out.add(where + ": " + at + " matches none of " + combinator);
        }
        return;
      }
    }
    for (JsonNode part : schema.path("allOf")) {
      check(value, part, at, where, out);
    }
    Set<String> types = types(schema);
    if (types.contains("object") || schema.has("properties")) {
      checkObject(value, schema, at, where, out);
    } else if (types.contains("array")) {
      if (!value.isArray()) {
        out.add(where + ": " + at + " is not an array");
        return;
      }
      for (int i = 0; i < value.size(); i++) {
        check(value.get(i), schema.path("items"), at + "[" + i + "]", where, out);
      }
    } else if (types.contains("string")) {
      checkString(value, schema, at, where, out);
    } else if (types.contains("integer") && !value.isIntegralNumber()) {
      out.add(where + ": " + at + " is not an integer");
    } else if (types.contains("number") && !value.isNumber()) {
      out.add(where + ": " + at + " is not a number");
    } else if (types.contains("boolean") && !value.isBoolean()) {
      out.add(where + ": " + at + " is not a boolean");
    }
  }

  private void checkObject(
      JsonNode value, JsonNode schema, String at, String where, List<String> out) {
    if (!value.isObject()) {
      out.add(where + ": " + at + " is not an object");
      return;
    }
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asString())) {
        out.add(where + ": " + at + "." + required.asString() + " is required but missing");
      }
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.path("additionalProperties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String fieldAt = at + "." + field.getKey();
      if (properties.has(field.getKey())) {
        check(field.getValue(), properties.get(field.getKey()), fieldAt, where, out);
      } else if (additional.isObject()) {
        check(field.getValue(), additional, fieldAt, where, out);
      } else if (!additional.asBoolean(false)) {
        out.add(where + ": " + fieldAt + " is not in the document");
      }
    }
  }

  private static void checkString(
      JsonNode value, JsonNode schema, String at, String where, List<String> out) {
    if (!value.isString()) {
      out.add(where + ": " + at + " is not a string");
      return;
    }
    String text = value.asString();
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode allowed : schema.get("enum")) {
        listed |= allowed.asString().equals(text);
      }
      if (!listed) {
        out.add(where + ": " + at + " = " + text + " is not one of " + schema.get("enum"));
      }
    }
    try {
      switch (schema.path("format").asString("")) {
        case "date-time" -> OffsetDateTime.parse(text);
        case "date" -> LocalDate.parse(text);
        case "uuid" -> UUID.fromString(text);
        default -> {}
      }
    } catch (RuntimeException e) {
      out.add(where + ": " + at + " = " + text + " is not a " + schema.path("format").asString());
    }
  }

  private boolean allowsNull(JsonNode schema) {
    if (types(schema).contains("null")) {
      return true;
    }
    for (String combinator : List.of("anyOf", "oneOf")) {
      for (JsonNode option : schema.path(combinator)) {
        if (allowsNull(resolve(option))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Set<String> types(JsonNode schema) {
    Set<String> types = new HashSet<>();
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asString()));
    } else if (type.isString()) {
      types.add(type.asString());
    }
    return types;
  }
}
