package cn.dangjian.platform.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Remembers which Java record each named schema was made from, so the document can say what the
 * records say: which fields may be {@code null} ({@code @Nullable} on the component) and, for
 * answers, that every field is present (Jackson writes each component, {@code null} included).
 */
public class RecordSchemas implements ModelConverter {

  private final Map<String, Class<?>> records = new ConcurrentHashMap<>();

  @Override
  public Schema resolve(
      AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    if (resolved != null && type.getType() != null) {
      Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
      String name =
          resolved.get$ref() != null
              ? resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1)
              : resolved.getName();
      if (raw.isRecord() && name != null) {
        records.putIfAbsent(name, raw);
      }
    }
    return resolved;
  }

  /**
   * {@code nullable} from {@code @Nullable} record components; {@code required} on every field of a
   * schema that only answers carry (Jackson writes each component, null included). A schema that is
   * also sent keeps the required fields bean validation gives it.
   */
  void describePresenceAndNulls(OpenAPI openApi, Map<String, Schema> schemas) {
    Set<String> sent = new HashSet<>();
    Set<String> answered = new HashSet<>();
    openApi
        .getPaths()
        .values()
        .forEach(
            item ->
                item.readOperations()
                    .forEach(
                        operation -> {
                          if (operation.getRequestBody() != null) {
                            SchemaRefs.collect(operation.getRequestBody(), schemas, sent);
                          }
                          operation
                              .getResponses()
                              .forEach(
                                  (code, answer) -> {
                                    if (code.startsWith("2")) {
                                      SchemaRefs.collect(answer, schemas, answered);
                                    }
                                  });
                        }));
    schemas.forEach(
        (name, schema) -> {
          Map<String, Schema> properties = schema.getProperties();
          if (properties == null) {
            return;
          }
          Class<?> record = recordOf(name).orElse(null);
          if (record == null) {
            return;
          }
          nullableComponents(record).stream()
              .filter(properties::containsKey)
              .forEach(field -> properties.put(field, SchemaRefs.nullable(properties.get(field))));
          if (answered.contains(name) && !sent.contains(name)) {
            schema.setRequired(new ArrayList<>(properties.keySet()));
          }
        });
  }

  /** The record behind a component schema, if it was made from one. */
  Optional<Class<?>> recordOf(String schemaName) {
    return Optional.ofNullable(records.get(schemaName));
  }

  /** The components of a record that may be null. */
  static List<String> nullableComponents(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .filter(RecordSchemas::isNullable)
        .map(RecordComponent::getName)
        .toList();
  }

  // Any annotation named Nullable (jspecify's is the platform's), on the component or its type.
  private static boolean isNullable(RecordComponent component) {
    return Stream.concat(
            Arrays.stream(component.getAnnotations()),
            Arrays.stream(component.getAnnotatedType().getAnnotations()))
        .map(Annotation::annotationType)
        .anyMatch(type -> type.getSimpleName().equals("Nullable"));
  }
}
