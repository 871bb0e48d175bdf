package cn.dangjian.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The files under {@code api/}, read and written the way each service's ApiDocumentIT does. */
public final class ApiFiles {

  /** The services in the order of the parent pom's modules: the merged document's order. */
  public static final List<String> SERVICES =
      List.of(
          "member-service",
          "dues-service",
          "org-life-service",
          "assessment-service",
          "alert-service");

  public static final String PLATFORM = "dangjian-platform";

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ApiFiles() {}

  /** The repository's {@code api/} directory, found from the working directory upwards. */
  public static Path directory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("api");
  }

  public static JsonNode read(Path file) throws IOException {
    return JSON.readTree(Files.readString(file));
  }

  /** Every service's document in {@code dir}, in {@link #SERVICES} order. */
  public static Map<String, JsonNode> services(Path dir) throws IOException {
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    for (String service : SERVICES) {
      documents.put(service, read(dir.resolve(service + ".json")));
    }
    return documents;
  }

  /** Stable text, byte for byte as ApiDocuments writes a service's: keys sorted, final newline. */
  public static String text(JsonNode document) {
    Object tree = JSON.convertValue(document, Object.class);
    return JSON.writeValueAsString(sorted(tree)) + "\n";
  }

  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      TreeMap<String, Object> out = new TreeMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ApiFiles::sorted).toList();
    }
    return value;
  }
}
