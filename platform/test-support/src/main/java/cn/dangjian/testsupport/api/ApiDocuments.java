package cn.dangjian.testsupport.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI document as a build artifact: what the running service serves is written to
 * {@code api/<service>.json} at the repository root and must equal the committed file, so a change
 * of the contract is a visible change of the repository. {@code -Dapi.update=true} rewrites the
 * file instead of comparing (then commit it, with a changelog line when it breaks clients).
 */
public final class ApiDocuments {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ApiDocuments() {}

  /** The document the service serves (its server URL is relative, the same in every run). */
  public static JsonNode served(MockMvc mvc) throws Exception {
    String body =
        mvc.perform(get("/v3/api-docs"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return JSON.readTree(body);
  }

  /** Stable text for a document: keys sorted, two-space indentation, a final newline. */
  public static String text(JsonNode document) {
    Object tree = JSON.convertValue(document, Object.class);
    return JSON.writeValueAsString(sorted(tree)) + "\n";
  }

  /**
   * Compares the served document with {@code api/<service>.json}; writes it when {@code
   * -Dapi.update=true} or when there is none yet. Returns the differences (empty when equal).
   */
  public static String compareWithCommitted(JsonNode served, String service) throws IOException {
    return compareWithCommitted(
        service + ".json",
        text(served),
        "differs from what the service serves; run the service's ApiDocumentIT with"
            + " -Dapi.update=true and commit it (and a changelog line if clients break).");
  }

  /**
   * Compares a generated document's text with {@code api/<file>}; writes it when {@code
   * -Dapi.update=true} or when there is none yet. Returns the differences (empty when equal).
   */
  public static String compareWithCommitted(String file, String text, String howToUpdate)
      throws IOException {
    Path path = repositoryRoot().resolve("api").resolve(file);
    if (Boolean.getBoolean("api.update") || !Files.exists(path)) {
      Files.createDirectories(path.getParent());
      Files.writeString(path, text);
      return "";
    }
    String committed = Files.readString(path);
    if (committed.equals(text)) {
      return "";
    }
    return "api/"
        + file
        + " "
        + howToUpdate
        + " First difference near: "
        + firstDifference(committed, text);
  }

  /**
   * What the conventions require of every operation: a name that is not a Java overload suffix,
   * unique in the document, and at least one documented error.
   */
  public static List<String> conventionViolations(JsonNode document) {
    List<String> violations = new ArrayList<>();
    Map<String, String> seen = new TreeMap<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          String where = op.getKey().toUpperCase() + " " + path.getKey();
                          String id = op.getValue().path("operationId").asString("");
                          if (id.isEmpty() || id.matches(".*_\\d+$")) {
                            violations.add(where + ": operationId '" + id + "'");
                          }
                          String before = seen.put(id, where);
                          if (before != null) {
                            violations.add(where + ": operationId '" + id + "' also " + before);
                          }
                          boolean documentsAnError =
                              op.getValue().path("responses").properties().stream()
                                  .anyMatch(code -> code.getKey().startsWith("4"));
                          if (!documentsAnError) {
                            violations.add(where + ": no error response");
                          }
                        }));
    return violations;
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  @SuppressWarnings("unchecked")
  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      TreeMap<String, Object> out = new TreeMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ApiDocuments::sorted).toList();
    }
    return value;
  }

  private static String firstDifference(String a, String b) {
    String[] left = a.split("\n", -1);
    String[] right = b.split("\n", -1);
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      if (!left[i].equals(right[i])) {
        return "line "
            + (i + 1)
            + ": committed «"
            + left[i].strip()
            + "», served «"
            + right[i].strip()
            + "»";
      }
    }
    return "line " + (Math.min(left.length, right.length) + 1) + " (one is longer)";
  }
}
