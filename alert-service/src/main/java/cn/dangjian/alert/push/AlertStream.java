package cn.dangjian.alert.push;

import cn.dangjian.alert.handling.AlertStreams;
import cn.dangjian.alert.handling.AlertViews;
import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.Topics;
import cn.dangjian.events.alert.AlertChanged;
import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.scope.DataScope;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
public class AlertStream implements AlertStreams {

  private static final Logger log = LoggerFactory.getLogger(AlertStream.class);

  private final Map<SseEmitter, DataScope> streams = new ConcurrentHashMap<>();
  private final Map<SseEmitter, Runnable> closers = new ConcurrentHashMap<>();
  private final StreamSlots slots;
  private final EventEnvelopeReader reader;
  private final ScheduledExecutorService expiries =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "alert-stream-expiry");
            thread.setDaemon(true);
            return thread;
          });

  AlertStream(
      EventEnvelopeReader reader,
      @Value("${dangjian.alerts.stream.max-per-caller:3}") int maxPerCaller) {
    this.reader = reader;
    this.slots = new StreamSlots(maxPerCaller);
  }

  /**
   * A stream for the caller, or empty when the caller holds the maximum already. The stream ends
   * when the caller's token expires ({@code expiresAt}, its {@code exp}) or after {@code
   * maxMillis}, whichever comes first; its slot is released however it ends.
   */
  @Override
  public Optional<SseEmitter> open(
      String caller, DataScope scope, Instant expiresAt, long maxMillis) {
    if (!slots.acquire(caller)) {
      return Optional.empty();
    }
    long untilExpiry = Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis());
    SseEmitter emitter = new SseEmitter(Math.min(maxMillis, untilExpiry + 1_000));
    AtomicBoolean ended = new AtomicBoolean();
    AtomicReference<ScheduledFuture<?>> expiry = new AtomicReference<>();
    Runnable end =
        () -> {
          if (ended.compareAndSet(false, true)) {
            streams.remove(emitter);
            closers.remove(emitter);
            slots.release(caller);
            ScheduledFuture<?> pending = expiry.get();
            if (pending != null) {
              pending.cancel(false);
            }
          }
        };
    closers.put(emitter, end);
    streams.put(emitter, scope);
    emitter.onCompletion(end);
    emitter.onTimeout(end);
    emitter.onError(e -> end.run());
    // the token is the stream's only authority: when it expires, the stream ends with it
    expiry.set(expiries.schedule(() -> close(emitter), untilExpiry, TimeUnit.MILLISECONDS));
    try {
      emitter.send(SseEmitter.event().comment("connected"));
    } catch (IOException e) {
      end.run();
    }
    return Optional.of(emitter);
  }

  private void close(SseEmitter emitter) {
    Runnable end = closers.get(emitter);
    try {
      emitter.send(SseEmitter.event().name("token-expired").comment("token expired"));
    } catch (IOException | IllegalStateException e) {
      log.debug("alert stream already closed: {}", e.toString());
    }
    emitter.complete();
    if (end != null) {
      end.run();
    }
  }

  @PreDestroy
  void shutdown() {
    expiries.shutdownNow();
  }

  public int openStreams() {
    return streams.size();
  }

  /** Streams the caller (token subject) holds now. */
  public int openStreamsOf(String caller) {
    return slots.held(caller);
  }

  private void drop(SseEmitter emitter) {
    Runnable end = closers.get(emitter);
    if (end != null) {
      end.run();
    } else {
      streams.remove(emitter);
    }
  }

  @KafkaListener(
      id = "alert-stream-#{T(java.util.UUID).randomUUID()}",
      topics = Topics.ALERT_EVENTS,
      groupId = "alert-service-stream-#{T(java.util.UUID).randomUUID()}",
      properties = {"auto.offset.reset=latest"})
  public void onAlertEvent(ConsumerRecord<String, byte[]> record) {
    EventEnvelope<JsonNode> envelope = reader.read(record);
    if (streams.isEmpty() || envelope.orgPath() == null) {
      return;
    }
    AlertChanged change = reader.payload(envelope, AlertChanged.class);
    AlertViews.StreamEvent data =
        new AlertViews.StreamEvent(
            envelope.type(),
            change.alertId(),
            change.ruleId(),
            change.subjectType(),
            change.subjectId(),
            change.orgId(),
            change.severity(),
            change.status(),
            change.change(),
            change.title(),
            change.deadline(),
            change.assigneeOrgId(),
            envelope.occurredAt());
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
            drop(emitter);
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
                drop(emitter);
              }
            });
  }
}
