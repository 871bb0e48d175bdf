package cn.dangjian.alert.sweep;

import cn.dangjian.alert.evaluation.Evaluator;
import cn.dangjian.alert.evaluation.Tally;
import cn.dangjian.alert.handling.Escalations;
import cn.dangjian.alert.rules.MemberFacts;
import cn.dangjian.alert.rules.OrgFacts;
import cn.dangjian.alert.state.StateStore;
import cn.dangjian.platform.jobs.JobContext;
import cn.dangjian.platform.persistence.UuidV7;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The time-driven half of the rules: every member and org evaluated as of a date, in chunks (each
 * its own transaction), then overdue alerts escalated. Idempotent — a second sweep as of the same
 * date changes nothing — and safe on several instances: a lease row lets one run at a time, the
 * others skip (and an instance that died mid-sweep loses the lease when it expires).
 */
@Service
public class SweepService {

  private static final Logger log = LoggerFactory.getLogger(SweepService.class);
  private static final int CHUNK = 5_000;
  private static final Duration LEASE = Duration.ofMinutes(30);

  /** What one sweep did. */
  public record SweepReport(
      UUID id,
      LocalDate asOf,
      String instance,
      Instant startedAt,
      @Nullable Instant finishedAt,
      int members,
      int orgs,
      int raised,
      int changed,
      int resolved,
      int escalated) {}

  private final SweepStore sweeps;
  private final StateStore store;
  private final Evaluator evaluator;
  private final Escalations escalations;
  private final Clock clock;
  private final String instance = ManagementFactory.getRuntimeMXBean().getName();

  SweepService(
      SweepStore sweeps,
      StateStore store,
      Evaluator evaluator,
      Escalations escalations,
      Clock clock) {
    this.sweeps = sweeps;
    this.store = store;
    this.evaluator = evaluator;
    this.escalations = escalations;
    this.clock = clock;
  }

  /** Runs a sweep as of {@code asOf}, or answers empty when another instance holds the lease. */
  public Optional<SweepReport> run(LocalDate asOf) {
    return run(asOf, null);
  }

  /**
   * As {@link #run(LocalDate)}, as a job: progress per chunk of members, then of orgs, and a cancel
   * request honoured between chunks (a sweep changes nothing when run again, so stopping half-way
   * only leaves the rest for the next sweep).
   */
  public Optional<SweepReport> run(LocalDate asOf, @Nullable JobContext job) {
    Instant now = clock.instant();
    if (!sweeps.acquireLease(instance, now, now.plus(LEASE))) {
      log.info("sweep as of {} skipped: another instance is sweeping", asOf);
      return Optional.empty();
    }
    try {
      Instant started = clock.instant();
      UUID id = UuidV7.next();
      sweeps.started(id, asOf, instance, started);
      Tally tally = new Tally();
      int members = sweepMembers(asOf, tally, job);
      int orgs = sweepOrgs(asOf, tally, job);
      int escalated = escalations.escalateOverdue(asOf);
      Instant finished = clock.instant();
      sweeps.finished(id, finished, members, orgs, tally, escalated);
      log.info(
          "sweep as of {}: {} members, {} orgs, {} raised, {} changed, {} resolved, {} escalated"
              + " in {} ms",
          asOf,
          members,
          orgs,
          tally.raised(),
          tally.changed(),
          tally.resolved(),
          escalated,
          Duration.between(started, finished).toMillis());
      return Optional.of(
          new SweepReport(
              id,
              asOf,
              instance,
              started,
              finished,
              members,
              orgs,
              tally.raised(),
              tally.changed(),
              tally.resolved(),
              escalated));
    } finally {
      sweeps.releaseLease(instance, clock.instant());
    }
  }

  /** Every member, chunk by chunk in id order (each chunk its own transaction). */
  private int sweepMembers(LocalDate asOf, Tally tally, @Nullable JobContext job) {
    int members = 0;
    UUID after = null;
    while (true) {
      checkpoint(job, members, "members");
      List<MemberFacts> chunk = store.members(after, CHUNK);
      if (chunk.isEmpty()) {
        return members;
      }
      evaluator.members(chunk, asOf, tally);
      members += chunk.size();
      after = chunk.get(chunk.size() - 1).memberId();
      renewLease();
    }
  }

  private int sweepOrgs(LocalDate asOf, Tally tally, @Nullable JobContext job) {
    int orgs = 0;
    UUID after = null;
    while (true) {
      checkpoint(job, orgs, "orgs");
      List<OrgFacts> chunk = store.orgs(after, CHUNK);
      if (chunk.isEmpty()) {
        return orgs;
      }
      evaluator.orgs(chunk, asOf, tally);
      orgs += chunk.size();
      after = chunk.get(chunk.size() - 1).orgId();
      renewLease();
    }
  }

  public List<SweepReport> recent() {
    return sweeps.recent();
  }

  private static void checkpoint(@Nullable JobContext job, long done, String unit) {
    if (job != null) {
      job.checkCancelled();
      job.progress(done, null, unit);
    }
  }

  private void renewLease() {
    sweeps.renewLease(instance, clock.instant().plus(LEASE));
  }
}
