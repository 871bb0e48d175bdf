package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request collection in {@code api/requests/} (the .http files front-end developers run against
 * devstack) stays true to the committed API documents: every request names a documented operation,
 * sends its required headers and query parameters, and a body with documented fields, the required
 * ones, and enum values the document lists. A renamed field or path breaks this test, not the
 * collection in someone's hands.
 */
class RequestCollectionTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path API = Path.of("..", "api");
  private static final Pattern REQUEST_LINE =
      Pattern.compile("^(GET|POST|PUT|PATCH|DELETE) \\{\\{gateway}}(/[^?\\s]*)(?:\\?(\\S*))?");

  record Request(
      String file,
      String method,
      String path,
      Set<String> query,
      Map<String, String> headers,
      String body) {}

  @Test
  void everyRequestOfTheCollectionMatchesTheCommittedContract() throws IOException {
    Map<String, JsonNode> documents = new HashMap<>();
    try (Stream<Path> files = Files.list(API)) {
      for (Path file : files.filter(f -> f.toString().endsWith("-service.json")).toList()) {
        documents.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
      }
    }
    List<Request> requests = new ArrayList<>();
    try (Stream<Path> files = Files.list(API.resolve("requests"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".http")).sorted().toList()) {
        requests.addAll(parse(file));
      }
    }
    List<String> problems = new ArrayList<>();
    Set<String> servicesCovered = new HashSet<>();
    for (Request request : requests) {
      boolean found = false;
      for (Map.Entry<String, JsonNode> document : documents.entrySet()) {
        JsonNode operation = operation(document.getValue(), request);
        if (operation != null) {
          found = true;
          servicesCovered.add(document.getKey());
          check(request, operation, document.getValue(), problems);
        }
      }
      if (!found) {
        problems.add(
            request.file() + ": " + request.method() + " " + request.path() + " is not in api/");
      }
    }
    assertThat(problems).isEmpty();
    assertThat(servicesCovered).hasSize(documents.size());
    assertThat(requests).hasSizeGreaterThan(20);
  }

  private static List<Request> parse(Path file) throws IOException {
    List<Request> requests = new ArrayList<>();
    for (String block : Files.readString(file).split("(?m)^###")) {
      String[] lines = block.split("\n");
      int i = 0;
      while (i < lines.length && !REQUEST_LINE.matcher(lines[i]).find()) {
        i++;
      }
      if (i == lines.length) {
        continue; // a sign-in at Keycloak, or the file's header
      }
      Matcher line = REQUEST_LINE.matcher(lines[i]);
      line.find();
      Set<String> query = new HashSet<>();
      if (line.group(3) != null) {
        for (String pair : line.group(3).split("&")) {
          query.add(pair.split("=")[0]);
        }
      }
      Map<String, String> headers = new HashMap<>();
      for (i++; i < lines.length && !lines[i].isBlank(); i++) {
        String[] header = lines[i].split(":", 2);
        headers.put(header[0].trim().toLowerCase(), header[1].trim());
      }
      StringBuilder body = new StringBuilder();
      for (; i < lines.length && !lines[i].startsWith("> {%"); i++) {
        body.append(lines[i]).append('\n');
      }
      requests.add(
          new Request(
              file.getFileName().toString(),
              line.group(1).toLowerCase(),
              line.group(2),
              query,
              headers,
              body.toString().isBlank() ? null : body.toString()));
    }
    return requests;
  }

  private static JsonNode operation(JsonNode document, Request request) {
    String path = request.path().replaceAll("\\{\\{[^}]+}}", "x");
    for (Map.Entry<String, JsonNode> template : document.path("paths").properties()) {
      String regex = template.getKey().replaceAll("\\{[^}]+}", "[^/]+");
      if (path.matches(regex) && template.getValue().has(request.method())) {
        // a literal segment wins over a variable one (/stats before /{id})
        if (!template.getKey().contains("{") || !literalMatchExists(document, path, request)) {
          return template.getValue().get(request.method());
        }
      }
    }
    return null;
  }

  private static boolean literalMatchExists(JsonNode document, String path, Request request) {
    return document.path("paths").has(path)
        && document.path("paths").get(path).has(request.method());
  }

  private static void check(
      Request request, JsonNode operation, JsonNode document, List<String> problems) {
    String where = request.file() + ": " + operation.path("operationId").asString();
    for (JsonNode parameter : operation.path("parameters")) {
      String name = parameter.path("name").asString();
      String in = parameter.path("in").asString();
      boolean required = parameter.path("required").asBoolean(false);
      if (required && in.equals("header") && !request.headers().containsKey(name.toLowerCase())) {
        problems.add(where + " lacks the required header " + name);
      }
      if (required && in.equals("query") && !request.query().contains(name)) {
        problems.add(where + " lacks the required query parameter " + name);
      }
    }
    for (String name : request.query()) {
      boolean documented = false;
      for (JsonNode parameter : operation.path("parameters")) {
        documented |=
            parameter.path("in").asString().equals("query")
                && parameter.path("name").asString().equals(name);
      }
      if (!documented) {
        problems.add(where + " sends the undocumented query parameter " + name);
      }
    }
    if (request.body() == null) {
      return;
    }
    JsonNode schema =
        operation.path("requestBody").path("content").path("application/json").path("schema");
    if (schema.isMissingNode()) {
      problems.add(where + " sends a body the operation does not take");
      return;
    }
    JsonNode body =
        JSON.readTree(
            request.body().replaceAll("\\{\\{[^}]+}}", "00000000-0000-0000-0000-000000000000"));
    JsonNode object = resolve(document, schema);
    for (JsonNode required : object.path("required")) {
      if (!body.has(required.asString())) {
        problems.add(where + " lacks the required field " + required.asString());
      }
    }
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      JsonNode property = object.path("properties").path(field.getKey());
      if (property.isMissingNode()) {
        problems.add(where + " sends the undocumented field " + field.getKey());
        continue;
      }
      JsonNode values = resolve(document, property).path("enum");
      if (values.isArray() && field.getValue().isString()) {
        boolean listed = false;
        for (JsonNode value : values) {
          listed |= value.asString().equals(field.getValue().asString());
        }
        if (!listed) {
          problems.add(
              where
                  + ": "
                  + field.getKey()
                  + " = "
                  + field.getValue()
                  + " is not one of "
                  + values);
        }
      }
    }
  }

  private static JsonNode resolve(JsonNode document, JsonNode schema) {
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
}
