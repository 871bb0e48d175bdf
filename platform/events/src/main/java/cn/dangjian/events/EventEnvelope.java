package cn.dangjian.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The one shape every event on every topic has. Consumers dispatch on {@link #type()} and {@link
 * #version()}, never on the producer's Java class name.
 *
 * @param eventId unique per event; consumers store it to process each event once
 * @param type dotted event type, e.g. {@code member.registered} (see {@link EventTypes})
 * @param version payload schema version of that type; schemas only grow
 * @param occurredAt when the change was committed by the source service
 * @param source the publishing service, e.g. {@code member-service}
 * @param subjectId the member or org the event is about; also the Kafka key, so one subject's
 *     events stay in order
 * @param orgPath materialised path of the subject's org ({@code /rootId/…/orgId/}) so consumers can
 *     apply data scope without asking the source
 * @param payload the type-specific body
 */
public record EventEnvelope<P>(
    UUID eventId,
    String type,
    int version,
    Instant occurredAt,
    String source,
    String subjectId,
    @Nullable String orgPath,
    P payload) {

  public EventEnvelope {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(subjectId, "subjectId");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1");
    }
  }
}
