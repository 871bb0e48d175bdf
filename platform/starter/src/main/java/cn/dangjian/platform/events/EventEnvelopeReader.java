package cn.dangjian.platform.events;

import cn.dangjian.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record's value as an envelope with an untyped payload. Consumers dispatch on {@code
 * type()}, never on the producer's class-name header, and ignore fields added later.
 */
public class EventEnvelopeReader {

  private static final TypeReference<EventEnvelope<JsonNode>> ENVELOPE = new TypeReference<>() {};

  private final JsonMapper json =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public EventEnvelope<JsonNode> read(ConsumerRecord<?, byte[]> record) {
    if (record.value() == null || record.value().length == 0) {
      throw new PoisonEventException("empty record value");
    }
    try {
      return json.readValue(record.value(), ENVELOPE);
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
}
