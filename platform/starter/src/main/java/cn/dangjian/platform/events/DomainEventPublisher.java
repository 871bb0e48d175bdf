package cn.dangjian.platform.events;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.platform.persistence.UuidV7;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a domain event through the transactional outbox: the envelope is stored in the event
 * publication registry in the caller's transaction and sent to Kafka only after commit, so an event
 * is never lost when Kafka is down and never sent for a rolled-back change.
 */
public class DomainEventPublisher {

  private final ApplicationEventPublisher publisher;
  private final String source;
  private final Clock clock;

  public DomainEventPublisher(ApplicationEventPublisher publisher, String source, Clock clock) {
    this.publisher = publisher;
    this.source = source;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public <P> EventEnvelope<P> publish(String type, String subjectId, String orgPath, P payload) {
    EventTypes.Definition definition =
        EventTypes.find(type)
            .orElseThrow(() -> new IllegalArgumentException("unregistered event type " + type));
    if (!definition.payloadType().isInstance(payload)) {
      throw new IllegalArgumentException(
          type + " carries " + definition.payloadType().getSimpleName());
    }
    EventEnvelope<P> envelope =
        new EventEnvelope<>(
            UuidV7.next(),
            type,
            definition.version(),
            clock.instant(),
            source,
            subjectId,
            orgPath,
            payload);
    publisher.publishEvent(envelope);
    return envelope;
  }
}
