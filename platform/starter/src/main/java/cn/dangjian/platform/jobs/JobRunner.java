package cn.dangjian.platform.jobs;

import cn.dangjian.platform.DangjianProperties;
import cn.dangjian.platform.jobs.JobStore.JobRow;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemFactory;
import cn.dangjian.platform.problem.ProblemType;
import cn.dangjian.platform.time.PartyCalendar;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one job when db-scheduler hands its execution to this replica: marks it running, calls the
 * kind's work, and records the end. A job found already running was cut off (its replica died or
 * was stopped): resumable kinds run again, the others end failed with that reason.
 */
class JobRunner {

  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

  private final JobStore store;
  private final JobTypes types;
  private final JsonMapper json;
  private final ProblemFactory problems;
  private final List<JobListener> listeners;
  private final DangjianProperties.Jobs properties;
  private final Clock clock;
  private @Nullable Jobs jobs;

  JobRunner(
      JobStore store,
      JobTypes types,
      JsonMapper json,
      ProblemFactory problems,
      List<JobListener> listeners,
      DangjianProperties.Jobs properties,
      Clock clock) {
    this.store = store;
    this.types = types;
    this.json = json;
    this.problems = problems;
    this.listeners = listeners;
    this.properties = properties;
    this.clock = clock;
  }

  /** The views listeners get; set once the facility is built (it needs the scheduler). */
  void viewsFrom(Jobs jobs) {
    this.jobs = jobs;
  }

  void run(String jobId) {
    UUID id = UUID.fromString(jobId);
    JobRow job = store.find(id).orElse(null);
    if (job == null || job.status().finished()) {
      return; // cancelled while queued, or deleted by housekeeping
    }
    JobType<?> type = types.find(job.kind()).orElse(null);
    if (type == null) {
      fail(id, ProblemType.INTERNAL, "job.unknown-kind", job.kind(), null);
      return;
    }
    if (job.status() == JobStatus.RUNNING && !type.resumable()) {
      log.warn("job {} ({}) was cut off by a restart; it is marked failed", id, job.kind());
      fail(id, ProblemType.SERVICE_UNAVAILABLE, "job.interrupted", job.kind(), null);
      return;
    }
    if (!store.markRunning(id, now())) {
      return;
    }
    notifyListeners(id);
    Context context = new Context(id);
    long started = System.nanoTime();
    try {
      Object result = execute(type, job.payload(), context);
      store.succeed(id, now(), result == null ? null : resultJson(result));
      log.info(
          "job {} ({}) succeeded in {} ms",
          id,
          job.kind(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (JobCancelledException cancelled) {
      store.deleteChunks(id);
      store.cancelled(id, now());
      log.info("job {} ({}) cancelled", id, job.kind());
    } catch (ProblemException problem) {
      store.deleteChunks(id);
      // the problem's other members (e.g. a rejected import's row errors) are the failed job's
      // result
      Map<String, Object> members = new LinkedHashMap<>(problem.properties());
      members.remove("rule");
      fail(
          id,
          problem.type(),
          problem.detailKey(),
          problem.args(),
          (String) problem.properties().get("rule"),
          members.isEmpty() ? null : resultJson(members));
    } catch (Exception | LinkageError e) {
      log.error("job {} ({}) failed", id, job.kind(), e);
      store.deleteChunks(id);
      fail(id, ProblemType.INTERNAL, "job.failed", job.kind(), null);
    }
    notifyListeners(id);
  }

  private <P> @Nullable Object execute(JobType<P> type, String payload, Context context)
      throws Exception {
    return type.work().run(json.readValue(payload, type.payloadType()), context);
  }

  private String resultJson(Object result) {
    String body = json.writeValueAsString(result);
    // the job resource's result is always an object
    return body.startsWith("{") ? body : "{\"value\":" + body + "}";
  }

  private void fail(
      UUID id, ProblemType type, String detailKey, @Nullable Object arg, @Nullable String rule) {
    fail(id, type, detailKey, arg == null ? new Object[0] : new Object[] {arg}, rule, null);
  }

  private void fail(
      UUID id,
      ProblemType type,
      String detailKey,
      Object[] args,
      @Nullable String rule,
      @Nullable String result) {
    ProblemDetail detail = problems.create(type, detailKey, args, Locale.SIMPLIFIED_CHINESE, null);
    JobView.JobProblem problem =
        new JobView.JobProblem(
            type.uri().toString(),
            detail.getTitle(),
            type.status().value(),
            detail.getDetail(),
            rule,
            problems.traceId().orElse(null));
    store.fail(id, now(), json.writeValueAsString(problem), result);
  }

  private void notifyListeners(UUID id) {
    if (listeners.isEmpty() || jobs == null) {
      return;
    }
    store
        .find(id)
        .map(jobs::view)
        .ifPresent(
            view -> {
              for (JobListener listener : listeners) {
                try {
                  listener.changed(view);
                } catch (RuntimeException e) {
                  log.warn("job listener {} failed", listener, e);
                }
              }
            });
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), PartyCalendar.ZONE);
  }

  /** What the work sees of its job. */
  private final class Context implements JobContext {

    private final UUID id;
    private Instant lastProgress = Instant.EPOCH;
    private Instant lastCancelCheck = Instant.EPOCH;

    Context(UUID id) {
      this.id = id;
    }

    @Override
    public UUID jobId() {
      return id;
    }

    @Override
    public void progress(long done, @Nullable Long total, @Nullable String unit) {
      Instant now = clock.instant();
      boolean last = total != null && done >= total;
      if (!last && now.isBefore(lastProgress.plus(PROGRESS_EVERY))) {
        return;
      }
      lastProgress = now;
      store.progress(id, done, total, unit);
      notifyListeners(id);
    }

    @Override
    public void checkCancelled() {
      Instant now = clock.instant();
      if (now.isBefore(lastCancelCheck.plus(PROGRESS_EVERY))) {
        return;
      }
      lastCancelCheck = now;
      if (store.cancelRequested(id)) {
        throw new JobCancelledException();
      }
    }

    @Override
    public long writeFile(String fileName, String mediaType, FileWriter writer) throws IOException {
      store.deleteChunks(id); // a resumed run starts its file again
      ChunkedFileOutputStream out = new ChunkedFileOutputStream(store, id);
      long counted;
      try (out) {
        counted = writer.write(out);
      }
      store.fileWritten(
          id, fileName, mediaType, out.size(), now().plus(properties.fileRetention()));
      return counted;
    }
  }
}
