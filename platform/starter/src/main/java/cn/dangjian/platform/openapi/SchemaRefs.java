package cn.dangjian.platform.openapi;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Walks schemas: which named schemas a body reaches, and how a field says it may be null. */
final class SchemaRefs {

  private SchemaRefs() {}

  static void collect(RequestBody body, Map<String, Schema> schemas, Set<String> into) {
    collect(body.getContent(), schemas, into);
  }

  static void collect(ApiResponse answer, Map<String, Schema> schemas, Set<String> into) {
    collect(answer.getContent(), schemas, into);
  }

  private static void collect(Content content, Map<String, Schema> schemas, Set<String> into) {
    if (content != null) {
      content.values().forEach(media -> collect(media.getSchema(), schemas, into));
    }
  }

  @SuppressWarnings("unchecked")
  private static void collect(Schema<?> schema, Map<String, Schema> schemas, Set<String> into) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      if (into.add(name)) {
        collect(schemas.get(name), schemas, into);
      }
      return;
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(property -> collect(property, schemas, into));
    }
    collect(schema.getItems(), schemas, into);
    if (schema.getAdditionalProperties() instanceof Schema<?> values) {
      collect(values, schemas, into);
    }
    for (List<Schema> parts :
        List.of(all(schema.getAllOf()), all(schema.getAnyOf()), all(schema.getOneOf()))) {
      parts.forEach(part -> collect(part, schemas, into));
    }
  }

  private static List<Schema> all(List<Schema> parts) {
    return parts == null ? List.of() : parts;
  }

  /**
   * The same field, also allowing null (OpenAPI 3.1: {@code "null"} among the types; a reference
   * becomes {@code anyOf: [the reference, null]} with the description kept outside).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Schema nullable(Schema field) {
    if (field.getAnyOf() != null) {
      return field; // already wrapped (a document built twice from the same model)
    }
    if (field.get$ref() != null) {
      Schema wrapped = new JsonSchema();
      wrapped.setDescription(field.getDescription());
      wrapped.setAnyOf(
          List.of(new JsonSchema().$ref(field.get$ref()), new JsonSchema().types(Set.of("null"))));
      return wrapped;
    }
    Set<String> types = new LinkedHashSet<>();
    if (field.getTypes() != null) {
      types.addAll(field.getTypes());
    } else if (field.getType() != null) {
      types.add(field.getType());
    }
    types.add("null");
    field.setTypes(types);
    return field;
  }
}
