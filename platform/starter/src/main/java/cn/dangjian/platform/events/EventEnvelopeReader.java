package cn.dangjian.platform.events;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.platform.time.PartyCalendar;
import cn.dangjian.platform.time.WallClockModule;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a record's value as an envelope with an untyped payload. Consumers dispatch on {@code
 * type()}, never on the producer's class-name header, and ignore fields added later.
 *
 * <p>Two shapes are read: the envelope as the value (every record the platform published, with or
 * without CloudEvents headers), and a CloudEvents binary-mode record whose value is the payload
 * alone. The envelope wins; an attribute it lacks is taken from the {@code ce_*} header ({@link
 * CloudEventHeaders}), so a record is poison only when neither has it.
 */
public class EventEnvelopeReader {

  // meeting times arrive as the API writes them (with +08:00) or, from older records, without
  private final JsonMapper json =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .addModule(new WallClockModule(PartyCalendar.ZONE))
          .build();

  private final JavaType envelopeType =
      json.getTypeFactory().constructParametricType(EventEnvelope.class, JsonNode.class);

  public EventEnvelope<JsonNode> read(ConsumerRecord<?, byte[]> record) {
    if (record.value() == null || record.value().length == 0) {
      throw new PoisonEventException("empty record value");
    }
    try {
      JsonNode value = json.readTree(record.value());
      if (!(value instanceof ObjectNode object)) {
        throw new PoisonEventException("not an event envelope: a JSON " + value.getNodeType());
      }
      return json.treeToValue(withHeaders(object, record.headers()), envelopeType);
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      throw new PoisonEventException("not an event envelope: " + e.getMessage(), e);
    }
  }

  public <T> T payload(EventEnvelope<JsonNode> envelope, Class<T> type) {
    try {
      return json.treeToValue(envelope.payload(), type);
    } catch (JacksonException e) {
      throw new PoisonEventException(
          envelope.type() + " payload does not match " + type.getSimpleName(), e);
    }
  }

  /** The envelope as sent, its missing attributes filled from the CloudEvents headers. */
  private ObjectNode withHeaders(ObjectNode value, Headers headers) {
    String ceType = CloudEventHeaders.text(headers, CloudEventHeaders.TYPE);
    if (ceType == null) {
      return value; // the envelope alone, as before the headers existed
    }
    // no "payload" field: binary mode proper, the value is the data (no payload record has one)
    ObjectNode filled =
        value.has("payload") ? value : json.createObjectNode().set("payload", value);
    fill(filled, "type", ceType);
    fill(filled, "eventId", CloudEventHeaders.text(headers, CloudEventHeaders.ID));
    fill(filled, "occurredAt", CloudEventHeaders.text(headers, CloudEventHeaders.TIME));
    String source = CloudEventHeaders.text(headers, CloudEventHeaders.SOURCE);
    fill(filled, "source", source == null ? null : CloudEventHeaders.service(source));
    fill(filled, "subjectId", CloudEventHeaders.text(headers, CloudEventHeaders.SUBJECT));
    fill(filled, "orgPath", CloudEventHeaders.text(headers, CloudEventHeaders.ORG_PATH));
    if (!filled.hasNonNull("version")) {
      String type = filled.path("type").asString();
      filled.put("version", EventTypes.find(type).map(EventTypes.Definition::version).orElse(1));
    }
    return filled;
  }

  private static void fill(ObjectNode node, String field, @Nullable String fromHeader) {
    if (!node.hasNonNull(field) && fromHeader != null) {
      node.put(field, fromHeader);
    }
  }
}
