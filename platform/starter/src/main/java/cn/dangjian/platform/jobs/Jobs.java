package cn.dangjian.platform.jobs;

import cn.dangjian.platform.jobs.JobStore.JobRow;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.time.PartyCalendar;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job facility's public face: services submit long operations here and answer {@code 202
 * Accepted} with the job; users follow, cancel and download through the job resource. Executions
 * are db-scheduler's (durable, one replica each, revived when a replica dies); the job row is what
 * users see.
 */
public class Jobs {

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final JobStore store;
  private final JobTypes types;
  private final SchedulerClient scheduler;
  private final OneTimeTask<String> task;
  private final JsonMapper json;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String path;

  Jobs(
      JobStore store,
      JobTypes types,
      SchedulerClient scheduler,
      OneTimeTask<String> task,
      JsonMapper json,
      PlatformTransactionManager transactions,
      Clock clock,
      String path) {
    this.store = store;
    this.types = types;
    this.scheduler = scheduler;
    this.task = task;
    this.json = json;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
    this.path = path;
  }

  /**
   * Queues a job, or returns the queued or running one with the same natural key (e.g. {@code
   * bill-run:2026-11:<org>}): starting the same work twice runs it once.
   *
   * @param orgPath the org subtree the job is about, for who else may see it (null: only its
   *     creator and platform-wide callers)
   */
  public JobView submit(
      String kind,
      Object payload,
      @Nullable String naturalKey,
      @Nullable String orgPath,
      String createdBy) {
    types.require(kind);
    String activeKey = naturalKey == null ? null : kind + ":" + naturalKey;
    if (activeKey != null) {
      Optional<JobRow> running = store.findActive(activeKey);
      if (running.isPresent()) {
        return view(running.get());
      }
    }
    UUID id = UuidV7.next();
    String body = json.writeValueAsString(payload);
    try {
      tx.executeWithoutResult(
          s -> {
            store.insert(id, kind, activeKey, orgPath, createdBy, now(), body);
            // same transaction (db-scheduler's DataSource is transaction aware): both or neither
            scheduler.schedule(task.instance(id.toString()), clock.instant());
          });
    } catch (DuplicateKeyException raced) {
      return store.findActive(activeKey).map(this::view).orElseThrow(() -> raced);
    }
    return view(store.find(id).orElseThrow());
  }

  /** {@code 202 Accepted} with {@code Location} of the job resource. */
  public ResponseEntity<JobView> accepted(JobView job) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(job.href())).body(job);
  }

  /** A job the caller may see (started it, or it is about an org in their scope), else 404. */
  public JobView get(UUID id, Caller caller, DataScope scope) {
    return view(visible(id, caller, scope));
  }

  public List<JobView> recent(Caller caller, DataScope scope, int page, int size) {
    return store
        .recent(caller.username(), officerPath(scope), caller.platformWide(), page * size, size)
        .stream()
        .map(this::view)
        .toList();
  }

  public long countVisible(Caller caller, DataScope scope) {
    return store.countVisible(caller.username(), officerPath(scope), caller.platformWide());
  }

  private static @Nullable String officerPath(DataScope scope) {
    return scope.kind() == DataScope.Kind.SUBTREE ? scope.pathPrefix() : null;
  }

  /**
   * Cancels: a queued job at once, a running one at its work's next check (if its kind allows); an
   * ended job is 409, a running one that cannot stop is 409 with the reason.
   */
  public JobView cancel(UUID id, Caller caller, DataScope scope) {
    JobRow job = visible(id, caller, scope);
    if (job.status().finished()) {
      throw ProblemException.conflict("job.already-finished", job.status().name());
    }
    if (job.status() == JobStatus.QUEUED && store.cancelQueued(id, now())) {
      try {
        scheduler.cancel(task.instance(id.toString()));
      } catch (RuntimeException pickedMeanwhile) {
        // a replica picked it in between: the runner finds it cancelled and does nothing
      }
      return view(store.find(id).orElseThrow());
    }
    if (!types.require(job.kind()).cancellableWhileRunning()) {
      throw ProblemException.businessRule(
          "job-not-cancellable-while-running", "job.not-cancellable", job.kind());
    }
    store.requestCancel(id);
    return view(store.find(id).orElseThrow());
  }

  /** Streams the job's file, chunk by chunk; 404 when there is none, 410-like 404 once expired. */
  public JobFileDownload file(UUID id, Caller caller, DataScope scope) {
    JobRow job = visible(id, caller, scope);
    if (job.fileName() == null) {
      throw ProblemException.notFound("job.no-file");
    }
    int chunks = store.chunkCount(id);
    if (chunks == 0) {
      throw ProblemException.notFound("job.file-expired", job.fileExpiresAt());
    }
    return new JobFileDownload(
        job.fileName(),
        job.fileMediaType(),
        job.fileSize() == null ? -1 : job.fileSize(),
        out -> copyChunks(id, chunks, out));
  }

  /** A job's file as the controller streams it. */
  public record JobFileDownload(
      String name, String mediaType, long size, JobContext.FileWriter content) {}

  private long copyChunks(UUID id, int chunks, OutputStream out) throws IOException {
    long bytes = 0;
    for (int seq = 0; seq < chunks; seq++) {
      byte[] chunk = store.chunk(id, seq);
      out.write(chunk);
      bytes += chunk.length;
    }
    return bytes;
  }

  private JobRow visible(UUID id, Caller caller, DataScope scope) {
    return store
        .find(id)
        .filter(job -> sees(caller, scope, job))
        .orElseThrow(() -> ProblemException.notFound("job.not-found", id));
  }

  /**
   * Who started it, platform admins, and officers whose subtree holds the job's org. Not the
   * integration client: its scope is everything, but jobs and their files are staff work.
   */
  private static boolean sees(Caller caller, DataScope scope, JobRow job) {
    if (job.createdBy().equals(caller.username()) || caller.platformWide()) {
      return true;
    }
    return scope.kind() == DataScope.Kind.SUBTREE
        && job.orgPath() != null
        && scope.coversPath(job.orgPath());
  }

  JobView view(JobRow row) {
    Long total = row.progressTotal();
    Integer percent =
        total == null || total <= 0
            ? (row.status() == JobStatus.SUCCEEDED ? Integer.valueOf(100) : null)
            : Integer.valueOf((int) Math.min(100, row.progressDone() * 100 / total));
    JobView.JobFile file =
        row.fileName() == null
            ? null
            : new JobView.JobFile(
                row.fileName(),
                row.fileMediaType(),
                row.fileSize() == null ? 0 : row.fileSize(),
                path + "/" + row.id() + "/file",
                row.fileExpiresAt(),
                row.fileExpiresAt() != null && row.fileExpiresAt().isBefore(now()));
    boolean cancellable =
        row.status() == JobStatus.QUEUED
            || (row.status() == JobStatus.RUNNING
                && !row.cancelRequested()
                && types.find(row.kind()).map(JobType::cancellableWhileRunning).orElse(false));
    return new JobView(
        row.id(),
        path + "/" + row.id(),
        row.kind(),
        row.status(),
        new JobView.Progress(row.progressDone(), total, row.progressUnit(), percent),
        row.createdBy(),
        row.createdAt(),
        row.startedAt(),
        row.finishedAt(),
        row.attempts(),
        cancellable,
        row.result() == null ? null : json.readValue(row.result(), OBJECT),
        file,
        row.problem() == null ? null : json.readValue(row.problem(), JobView.JobProblem.class));
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), PartyCalendar.ZONE);
  }
}
