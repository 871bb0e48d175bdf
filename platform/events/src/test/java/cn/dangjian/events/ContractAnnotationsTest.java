package cn.dangjian.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The annotations the AsyncAPI document is generated from must tell the truth about what was
 * published: checked against every type's v1 sample.
 */
class ContractAnnotationsTest {

  private final JsonMapper json = JsonMapper.builder().build();

  static Iterable<String> publishedTypes() {
    return EventTypes.all().keySet();
  }

  @ParameterizedTest
  @MethodSource("publishedTypes")
  void theSubjectComponentIsTheEnvelopesSubjectAndKafkaKey(String type) throws IOException {
    Class<?> payloadType = EventTypes.find(type).orElseThrow().payloadType();
    Subject subject = payloadType.getAnnotation(Subject.class);
    assertThat(subject).as("%s names its subject component", payloadType).isNotNull();
    JsonNode sample = sample(type);
    assertThat(sample.path("payload").path(subject.value()).asString())
        .isEqualTo(sample.path("subjectId").asString());
  }

  @ParameterizedTest
  @MethodSource("publishedTypes")
  void requiredComponentsAreInTheFirstSampleAndClosedSetsHoldItsValues(String type)
      throws IOException {
    checkRecord(EventTypes.find(type).orElseThrow().payloadType(), sample(type).path("payload"));
  }

  private static void checkRecord(Class<?> record, JsonNode value) {
    for (RecordComponent component : record.getRecordComponents()) {
      JsonNode field = value.path(component.getName());
      if (!component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
        assertThat(field.isMissingNode() || field.isNull())
            .as("%s.%s is not @Nullable but missing", record.getSimpleName(), component.getName())
            .isFalse();
      }
      OneOf oneOf = component.getAnnotation(OneOf.class);
      if (oneOf != null && field.isString()) {
        assertThat(Arrays.stream(oneOf.value().getEnumConstants()).map(e -> ((Enum<?>) e).name()))
            .as("%s.%s", record.getSimpleName(), component.getName())
            .contains(field.asString());
      }
      if (component.getType().isRecord() && field.isObject()) {
        checkRecord(component.getType(), field);
      }
      if (component.getGenericType() instanceof java.lang.reflect.ParameterizedType list
          && list.getActualTypeArguments()[0] instanceof Class<?> element
          && element.isRecord()) {
        field.forEach(item -> checkRecord(element, item));
      }
    }
  }

  private JsonNode sample(String type) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/samples/" + type + ".v1.json")) {
      return json.readTree(in);
    }
  }
}
