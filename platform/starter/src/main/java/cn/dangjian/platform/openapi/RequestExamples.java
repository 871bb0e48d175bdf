package cn.dangjian.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An example request body made from its schema, so every write in Swagger UI and in a generated
 * client's docs starts from something the server accepts: the examples written on the fields, the
 * first enum value, and plain values that meet the constraints otherwise. When a required field
 * cannot be made honestly (a pattern without an example, a file), there is no example rather than a
 * wrong one.
 */
final class RequestExamples {

  private static final int MAX_DEPTH = 5;

  private RequestExamples() {}

  /** An example on every JSON request body that has none and can be made from its schema. */
  static void addTo(OpenAPI openApi, Map<String, Schema> schemas) {
    openApi
        .getPaths()
        .values()
        .forEach(
            item ->
                item.readOperations().stream()
                    .filter(operation -> operation.getRequestBody() != null)
                    .filter(operation -> operation.getRequestBody().getContent() != null)
                    .map(
                        operation ->
                            operation.getRequestBody().getContent().get("application/json"))
                    .filter(media -> media != null && media.getExample() == null)
                    .filter(media -> media.getExamples() == null)
                    .forEach(media -> of(media.getSchema(), schemas).ifPresent(media::setExample)));
  }

  static Optional<Object> of(Schema<?> schema, Map<String, Schema> components) {
    return make(schema, components, 0);
  }

  @SuppressWarnings("unchecked")
  private static Optional<Object> make(
      Schema<?> schema, Map<String, Schema> components, int depth) {
    if (schema == null || depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      return make(components.get(name), components, depth + 1);
    }
    if (schema.getExample() != null) {
      return Optional.of(schema.getExample());
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return Optional.of(schema.getEnum().get(0));
    }
    for (List<Schema> options : List.of(all(schema.getAnyOf()), all(schema.getOneOf()))) {
      for (Schema option : options) {
        if (!types(option).equals(Set.of("null"))) {
          return make(option, components, depth + 1);
        }
      }
    }
    Set<String> types = types(schema);
    if (schema.getProperties() != null || types.contains("object")) {
      return object(schema, components, depth);
    }
    if (types.contains("array")) {
      return make(schema.getItems(), components, depth + 1).map(item -> List.of(item));
    }
    if (types.contains("string")) {
      return text(schema);
    }
    if (types.contains("integer") || types.contains("number")) {
      BigDecimal value = BigDecimal.ONE;
      if (schema.getMinimum() != null && schema.getMinimum().compareTo(value) > 0) {
        value = schema.getMinimum();
      }
      if (schema.getMaximum() != null && schema.getMaximum().compareTo(value) < 0) {
        value = schema.getMaximum();
      }
      return Optional.of(types.contains("integer") ? (Object) value.longValue() : value);
    }
    if (types.contains("boolean")) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  private static Optional<Object> object(
      Schema<?> schema, Map<String, Schema> components, int depth) {
    Map<String, Object> example = new LinkedHashMap<>();
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    Map<String, Schema> properties =
        schema.getProperties() == null ? Map.of() : schema.getProperties();
    for (Map.Entry<String, Schema> property : properties.entrySet()) {
      boolean needed = required.contains(property.getKey());
      // optional fields only where someone wrote an example: they show what is meant
      if (!needed && property.getValue().getExample() == null) {
        continue;
      }
      Optional<Object> value = make(property.getValue(), components, depth + 1);
      if (value.isPresent()) {
        example.put(property.getKey(), value.get());
      } else if (needed) {
        return Optional.empty();
      }
    }
    return Optional.of(example);
  }

  private static Optional<Object> text(Schema<?> schema) {
    String format = schema.getFormat() == null ? "" : schema.getFormat();
    switch (format) {
      case "uuid":
        return Optional.of("01937c1e-0000-7000-8000-000000000001");
      case "date":
        return Optional.of("2026-12-01");
      case "date-time":
        return Optional.of("2026-12-01T14:30:00+08:00");
      case "binary", "byte", "uri", "email":
        return Optional.empty();
      default:
        break;
    }
    if (schema.getPattern() != null) {
      return Optional.empty(); // a value the pattern accepts cannot be guessed
    }
    int min = schema.getMinLength() == null ? 1 : Math.max(1, schema.getMinLength());
    String value = "示例".repeat((min + 1) / 2);
    if (schema.getMaxLength() != null && value.length() > schema.getMaxLength()) {
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private static Set<String> types(Schema<?> schema) {
    if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
      return schema.getTypes();
    }
    return schema.getType() == null ? Set.of() : Set.of(schema.getType());
  }

  private static List<Schema> all(List<Schema> schemas) {
    return schemas == null ? List.of() : schemas;
  }
}
