package cn.dangjian.member.statistics;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Envelopes as the topics carry them, for feeding the read model directly in tests. */
final class StatEvents {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final AtomicLong SEQ = new AtomicLong();

  private StatEvents() {}

  static EventEnvelope<JsonNode> envelope(
      String type, LocalDate on, String subjectId, String orgPath, Object payload) {
    Instant at =
        on.atTime(LocalTime.NOON)
            .atZone(ZoneId.of("Asia/Shanghai"))
            .toInstant()
            .plusMillis(SEQ.incrementAndGet());
    String source =
        type.startsWith("member.") || type.startsWith("org.") || type.startsWith("committee.")
            ? "member-service"
            : "other-service";
    return new EventEnvelope<>(
        UUID.randomUUID(),
        type,
        EventTypes.find(type).map(EventTypes.Definition::version).orElse(1),
        at,
        source,
        subjectId,
        orgPath,
        JSON.valueToTree(payload));
  }
}
