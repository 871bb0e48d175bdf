package cn.dangjian.alert.push;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.Topics;
import cn.dangjian.events.alert.AlertChanged;
import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.scope.DataScope;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;

/**
 * Server-Sent Events of new and changed alerts, each stream limited to its caller's subtree. Every
 * instance reads {@code alert.events} with a group of its own (from the newest offset), so a change
 * made on any instance reaches the streams held by all of them.
 */
@Component
public class AlertStream {

  private static final Logger log = LoggerFactory.getLogger(AlertStream.class);

  private final Map<SseEmitter, DataScope> streams = new ConcurrentHashMap<>();
  private final EventEnvelopeReader reader;

  AlertStream(EventEnvelopeReader reader) {
    this.reader = reader;
  }

  public SseEmitter open(DataScope scope, long timeoutMillis) {
    SseEmitter emitter = new SseEmitter(timeoutMillis);
    streams.put(emitter, scope);
    emitter.onCompletion(() -> streams.remove(emitter));
    emitter.onTimeout(() -> streams.remove(emitter));
    emitter.onError(e -> streams.remove(emitter));
    try {
      emitter.send(SseEmitter.event().comment("connected"));
    } catch (IOException e) {
      streams.remove(emitter);
    }
    return emitter;
  }

  public int openStreams() {
    return streams.size();
  }

  @KafkaListener(
      id = "alert-stream-#{T(java.util.UUID).randomUUID()}",
      topics = Topics.ALERT_EVENTS,
      groupId = "alert-stream-#{T(java.util.UUID).randomUUID()}",
      properties = {"auto.offset.reset=latest"})
  public void onAlertEvent(ConsumerRecord<String, byte[]> record) {
    EventEnvelope<JsonNode> envelope = reader.read(record);
    if (streams.isEmpty() || envelope.orgPath() == null) {
      return;
    }
    AlertChanged change = reader.payload(envelope, AlertChanged.class);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", envelope.type());
    data.put("alertId", change.alertId());
    data.put("ruleId", change.ruleId());
    data.put("subjectType", change.subjectType());
    data.put("subjectId", change.subjectId());
    data.put("orgId", change.orgId());
    data.put("severity", change.severity());
    data.put("status", change.status());
    data.put("change", change.change());
    data.put("title", change.title());
    data.put("deadline", change.deadline() == null ? null : change.deadline().toString());
    data.put("assigneeOrgId", change.assigneeOrgId());
    data.put("occurredAt", envelope.occurredAt().toString());
    streams.forEach(
        (emitter, scope) -> {
          if (!scope.coversPath(envelope.orgPath())) {
            return;
          }
          try {
            emitter.send(
                SseEmitter.event()
                    .id(envelope.eventId().toString())
                    .name(envelope.type())
                    .data(data, MediaType.APPLICATION_JSON));
          } catch (IOException | IllegalStateException e) {
            streams.remove(emitter);
            log.debug("alert stream closed: {}", e.toString());
          }
        });
  }

  /** Keeps idle streams (and proxies in between) from timing out. */
  @Scheduled(fixedDelayString = "${dangjian.alerts.stream.heartbeat:15s}")
  public void heartbeat() {
    streams
        .keySet()
        .forEach(
            emitter -> {
              try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
              } catch (IOException | IllegalStateException e) {
                streams.remove(emitter);
              }
            });
  }
}
