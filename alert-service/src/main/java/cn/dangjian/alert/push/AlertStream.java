package cn.dangjian.alert.push;

import cn.dangjian.alert.handling.AlertStreams;
import cn.dangjian.alert.handling.AlertViews;
import cn.dangjian.platform.scope.DataScope;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-Sent Events: alert changes of the caller's subtree and events pushed to the caller as a
 * user (job progress). Every event is first written to the stream log ({@code stream_event}, in the
 * transaction that caused it); each instance reads the log every {@code poll-interval} and sends
 * new entries to the streams it holds, so an event raised on any instance reaches every stream, and
 * the log's id is the SSE {@code id:} a reconnecting client resumes from ({@code Last-Event-ID},
 * replayed for {@code replay-window}, across restarts).
 *
 * <p>Public API for other features: {@link #pushToUser(String, String, Object)}.
 */
@Component
public class AlertStream implements AlertStreams {

  /** Event names a feature may push to a user: lower case, not the alert.* names. */
  static final Pattern EVENT_NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /** The event telling a client to reload instead of replaying (too far behind, unknown id). */
  static final String RESET = "reset";

  /** How soon a client reconnects when an instance shuts down under its stream. */
  static final long SHUTDOWN_RETRY_MILLIS = 1_000;

  private static final Logger log = LoggerFactory.getLogger(AlertStream.class);

  private record Listener(
      String subject, String username, DataScope scope, Set<Long> replayedAhead) {}

  private final Map<SseEmitter, Listener> streams = new ConcurrentHashMap<>();
  private final Map<SseEmitter, Runnable> closers = new ConcurrentHashMap<>();
  private final StreamSlots slots;
  private final StreamEventStore events;
  private final JsonMapper json;
  // wall time: tokens expire and the replay window passes in real time, whatever the app's clock
  private final Clock clock = Clock.systemUTC();
  private final Duration replayWindow;
  private final int replayMax;
  private final long gapPatienceMillis;
  private final Object reading = new Object();
  private @Nullable StreamCursor cursor;
  private final ScheduledExecutorService expiries =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "alert-stream-expiry");
            thread.setDaemon(true);
            return thread;
          });

  AlertStream(
      StreamEventStore events,
      JsonMapper json,
      @Value("${dangjian.alerts.stream.max-per-caller:3}") int maxPerCaller,
      @Value("${dangjian.alerts.stream.replay-window:24h}") Duration replayWindow,
      @Value("${dangjian.alerts.stream.replay-max:5000}") int replayMax,
      @Value("${dangjian.alerts.stream.gap-patience:5m}") Duration gapPatience) {
    this.events = events;
    this.json = json;
    this.slots = new StreamSlots(maxPerCaller);
    this.replayWindow = replayWindow;
    this.replayMax = replayMax;
    this.gapPatienceMillis = gapPatience.toMillis();
  }

  /**
   * Pushes an event to every stream the user (token {@code preferred_username}) holds, on any
   * instance: written to the stream log in the caller's transaction if there is one (sent only if
   * it commits), replayed on reconnect like alert events. {@code eventName} becomes the SSE {@code
   * event:} field (e.g. {@code job}: see {@code AlertViews.JobProgress} for its documented data);
   * {@code payload} is written as JSON. Sent within {@code poll-interval}; a user without a stream
   * gets it on the next reconnect with {@code Last-Event-ID}, within the replay window.
   *
   * @return the event's id
   */
  public long pushToUser(String username, String eventName, Object payload) {
    if (username == null || username.isBlank() || !EVENT_NAME.matcher(eventName).matches()) {
      throw new IllegalArgumentException("invalid user or event name: " + eventName);
    }
    return events.append(
        eventName, null, username, json.writeValueAsString(payload), clock.instant());
  }

  /** An alert change for the streams whose scope covers {@code orgPath}; in its transaction. */
  void alertChanged(String orgPath, AlertViews.StreamEvent data) {
    events.append(data.type(), orgPath, null, json.writeValueAsString(data), clock.instant());
  }

  /**
   * A stream for the caller, or empty when the caller holds the maximum already. It starts with
   * what the client missed since {@code lastEventId} and ends when the caller's token expires or
   * after {@code maxMillis}, whichever comes first; its slot is released however it ends.
   */
  @Override
  public Optional<SseEmitter> open(Subscriber subscriber, long maxMillis) {
    String caller = subscriber.subject();
    if (!slots.acquire(caller)) {
      return Optional.empty();
    }
    long untilExpiry =
        Math.max(0, Duration.between(clock.instant(), subscriber.expiresAt()).toMillis());
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
    emitter.onCompletion(end);
    emitter.onTimeout(end);
    emitter.onError(e -> end.run());
    try {
      // sent before the response starts: buffered by the emitter, no network wait under the lock
      emitter.send(SseEmitter.event().reconnectTime(3_000).comment("connected"));
      synchronized (reading) {
        StreamCursor at = cursor();
        Set<Long> replayedAhead = new HashSet<>();
        if (subscriber.lastEventId() != null) {
          replay(emitter, subscriber, at, replayedAhead);
        }
        streams.put(
            emitter,
            new Listener(caller, subscriber.username(), subscriber.scope(), replayedAhead));
      }
    } catch (IOException | IllegalStateException e) {
      end.run();
    }
    // the token is the stream's only authority: when it expires, the stream ends with it
    expiry.set(expiries.schedule(() -> close(emitter), untilExpiry, TimeUnit.MILLISECONDS));
    return Optional.of(emitter);
  }

  /** Sends what the client missed, or a reset when that cannot be told. Holds the read lock. */
  private void replay(
      SseEmitter emitter, Subscriber subscriber, StreamCursor at, Set<Long> replayedAhead)
      throws IOException {
    long after;
    try {
      after = Long.parseLong(subscriber.lastEventId().trim());
    } catch (NumberFormatException e) {
      reset(emitter, "UNKNOWN_EVENT_ID");
      return;
    }
    Instant notBefore = clock.instant().minus(replayWindow);
    if (after < 0 || after > events.highest() || events.olderThanWindow(after, notBefore)) {
      reset(emitter, "OUT_OF_WINDOW");
      return;
    }
    DataScope scope = subscriber.scope();
    String paths =
        switch (scope.kind()) {
          case ALL -> "";
          case SUBTREE -> scope.pathPrefix();
          case SELF, NOTHING -> null;
        };
    List<StreamEventStore.Entry> missed =
        events.replay(
            after, Long.MAX_VALUE, notBefore, paths, subscriber.username(), replayMax + 1);
    if (missed.size() > replayMax) {
      reset(emitter, "TOO_MANY");
      return;
    }
    for (StreamEventStore.Entry entry : missed) {
      send(emitter, entry);
      if (!at.delivered(entry.seq())) {
        // committed after the last read: the reader will meet it again, this client has it
        replayedAhead.add(entry.seq());
      }
    }
  }

  private void reset(SseEmitter emitter, String reason) throws IOException {
    emitter.send(
        SseEmitter.event()
            .name(RESET)
            .data(new AlertViews.StreamNotice(reason), MediaType.APPLICATION_JSON));
  }

  private StreamCursor cursor() {
    if (cursor == null) {
      cursor = new StreamCursor(events.highest(), gapPatienceMillis);
    }
    return cursor;
  }

  /** Reads what was logged since the last read (on any instance) and sends it to its streams. */
  // 200 ms: what the log adds to an alert's way to the stream (event → SSE p99 ≤ 1 s, issue 6)
  @Scheduled(fixedDelayString = "${dangjian.alerts.stream.poll-interval:200ms}")
  public void poll() {
    synchronized (reading) {
      StreamCursor at = cursor();
      for (int page = 0; page < 20; page++) {
        long now = System.currentTimeMillis();
        List<StreamEventStore.Entry> entries = events.newer(at.high(), at.missing(now), 500);
        for (StreamEventStore.Entry entry : entries) {
          if (at.accept(entry.seq(), now)) {
            deliver(entry);
          }
        }
        if (entries.size() < 500) {
          return;
        }
      }
    }
  }

  private void deliver(StreamEventStore.Entry entry) {
    streams.forEach(
        (emitter, listener) -> {
          boolean addressed =
              entry.username() != null
                  ? entry.username().equals(listener.username())
                  : entry.orgPath() != null && listener.scope().coversPath(entry.orgPath());
          if (!addressed || listener.replayedAhead().remove(entry.seq())) {
            return;
          }
          try {
            send(emitter, entry);
          } catch (IOException | IllegalStateException e) {
            drop(emitter);
            log.debug("alert stream closed: {}", e.toString());
          }
        });
  }

  private static void send(SseEmitter emitter, StreamEventStore.Entry entry) throws IOException {
    emitter.send(
        SseEmitter.event()
            .id(Long.toString(entry.seq()))
            .name(entry.name())
            .data(entry.data(), MediaType.APPLICATION_JSON));
  }

  /**
   * The log keeps the replay window and an hour more. Cluster-wide: {@link StreamConfiguration}
   * runs it as a db-scheduler recurring task on one replica (reading and heartbeats stay on every
   * replica, for its own streams).
   */
  public void purge() {
    events.purgeBefore(clock.instant().minus(replayWindow).minus(Duration.ofHours(1)));
  }

  private void close(SseEmitter emitter) {
    Runnable end = closers.get(emitter);
    try {
      emitter.send(
          SseEmitter.event()
              .name("token-expired")
              .data(new AlertViews.StreamNotice("TOKEN_EXPIRED"), MediaType.APPLICATION_JSON));
    } catch (IOException | IllegalStateException e) {
      log.debug("alert stream already closed: {}", e.toString());
    }
    emitter.complete();
    if (end != null) {
      end.run();
    }
  }

  /**
   * On shutdown (SIGTERM, a rolling restart) every open stream is ended cleanly with a short retry
   * hint, before the web server drains: an open stream would otherwise hold the graceful shutdown
   * for its whole timeout and then be cut. EventSource reconnects after {@code retry} by itself,
   * through the gateway to another instance, with Last-Event-ID, and is sent what it missed.
   */
  @EventListener(ContextClosedEvent.class)
  public void handBackStreams() {
    streams
        .keySet()
        .forEach(
            emitter -> {
              try {
                emitter.send(
                    SseEmitter.event()
                        .reconnectTime(SHUTDOWN_RETRY_MILLIS)
                        .comment("restarting: reconnect"));
                emitter.complete();
              } catch (IOException | IllegalStateException e) {
                log.debug("alert stream already closed: {}", e.toString());
              }
              drop(emitter);
            });
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
