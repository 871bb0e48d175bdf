package cn.dangjian.alert.sweep;

import static cn.dangjian.platform.projection.Uuids.bytes;

import cn.dangjian.alert.alert.Escalations;
import cn.dangjian.alert.evaluation.Evaluator;
import cn.dangjian.alert.evaluation.Tally;
import cn.dangjian.alert.rules.MemberFacts;
import cn.dangjian.alert.rules.OrgFacts;
import cn.dangjian.alert.state.StateStore;
import cn.dangjian.platform.persistence.UuidV7;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
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
      Instant finishedAt,
      int members,
      int orgs,
      int raised,
      int changed,
      int resolved,
      int escalated) {}

  private final JdbcTemplate jdbc;
  private final StateStore store;
  private final Evaluator evaluator;
  private final Escalations escalations;
  private final Clock clock;
  private final String instance = ManagementFactory.getRuntimeMXBean().getName();

  SweepService(
      JdbcTemplate jdbc,
      StateStore store,
      Evaluator evaluator,
      Escalations escalations,
      Clock clock) {
    this.jdbc = jdbc;
    this.store = store;
    this.evaluator = evaluator;
    this.escalations = escalations;
    this.clock = clock;
  }

  /** Runs a sweep as of {@code asOf}, or answers empty when another instance holds the lease. */
  public Optional<SweepReport> run(LocalDate asOf) {
    if (!acquireLease()) {
      log.info("sweep as of {} skipped: another instance is sweeping", asOf);
      return Optional.empty();
    }
    try {
      Instant started = clock.instant();
      UUID id = UuidV7.next();
      jdbc.update(
          "INSERT INTO sweep_run (id, as_of, instance, started_at) VALUES (?,?,?,?)",
          bytes(id),
          asOf,
          instance,
          Timestamp.from(started));
      Tally tally = new Tally();
      int members = 0;
      UUID after = null;
      while (true) {
        List<MemberFacts> chunk = store.members(after, CHUNK);
        if (chunk.isEmpty()) {
          break;
        }
        evaluator.members(chunk, asOf, tally);
        members += chunk.size();
        after = chunk.get(chunk.size() - 1).memberId();
        renewLease();
      }
      int orgs = 0;
      after = null;
      while (true) {
        List<OrgFacts> chunk = store.orgs(after, CHUNK);
        if (chunk.isEmpty()) {
          break;
        }
        evaluator.orgs(chunk, asOf, tally);
        orgs += chunk.size();
        after = chunk.get(chunk.size() - 1).orgId();
        renewLease();
      }
      int escalated = escalations.escalateOverdue(asOf);
      Instant finished = clock.instant();
      jdbc.update(
          "UPDATE sweep_run SET finished_at = ?, members = ?, orgs = ?, raised = ?, changed = ?,"
              + " resolved = ?, escalated = ? WHERE id = ?",
          Timestamp.from(finished),
          members,
          orgs,
          tally.raised(),
          tally.changed(),
          tally.resolved(),
          escalated,
          bytes(id));
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
      releaseLease();
    }
  }

  public List<SweepReport> recent() {
    return jdbc.query(
        "SELECT * FROM sweep_run ORDER BY started_at DESC LIMIT 50",
        (rs, n) ->
            new SweepReport(
                cn.dangjian.platform.projection.Uuids.uuid(rs.getBytes("id")),
                rs.getObject("as_of", LocalDate.class),
                rs.getString("instance"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at") == null
                    ? null
                    : rs.getTimestamp("finished_at").toInstant(),
                rs.getInt("members"),
                rs.getInt("orgs"),
                rs.getInt("raised"),
                rs.getInt("changed"),
                rs.getInt("resolved"),
                rs.getInt("escalated")));
  }

  private boolean acquireLease() {
    Instant now = clock.instant();
    return jdbc.update(
            "UPDATE sweep_lease SET owner = ?, leased_until = ? WHERE name = 'daily'"
                + " AND (leased_until < ? OR owner IS NULL)",
            instance,
            Timestamp.from(now.plus(LEASE)),
            Timestamp.from(now))
        == 1;
  }

  private void renewLease() {
    jdbc.update(
        "UPDATE sweep_lease SET leased_until = ? WHERE name = 'daily' AND owner = ?",
        Timestamp.from(clock.instant().plus(LEASE)),
        instance);
  }

  private void releaseLease() {
    jdbc.update(
        "UPDATE sweep_lease SET owner = NULL, leased_until = ? WHERE name = 'daily' AND owner = ?",
        Timestamp.from(clock.instant()),
        instance);
  }
}
