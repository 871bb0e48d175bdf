package cn.dangjian.alert.sweep;

import static cn.dangjian.platform.persistence.Uuids.bytes;

import cn.dangjian.alert.evaluation.Tally;
import cn.dangjian.alert.sweep.SweepService.SweepReport;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The sweep's log (sweep_run) and its lease row (sweep_lease 'daily'). */
@Repository
class SweepStore {

  private final JdbcTemplate jdbc;

  SweepStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void started(UUID id, LocalDate asOf, String instance, Instant started) {
    jdbc.update(
        "INSERT INTO sweep_run (id, as_of, instance, started_at) VALUES (?,?,?,?)",
        bytes(id),
        asOf,
        instance,
        Timestamp.from(started));
  }

  void finished(UUID id, Instant finished, int members, int orgs, Tally tally, int escalated) {
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
  }

  List<SweepReport> recent() {
    return jdbc.query(
        "SELECT * FROM sweep_run ORDER BY started_at DESC LIMIT 50",
        (rs, n) ->
            new SweepReport(
                cn.dangjian.platform.persistence.Uuids.uuid(rs.getBytes("id")),
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

  boolean acquireLease(String instance, Instant now, Instant until) {
    return jdbc.update(
            "UPDATE sweep_lease SET owner = ?, leased_until = ? WHERE name = 'daily'"
                + " AND (leased_until < ? OR owner IS NULL)",
            instance,
            Timestamp.from(until),
            Timestamp.from(now))
        == 1;
  }

  void renewLease(String instance, Instant until) {
    jdbc.update(
        "UPDATE sweep_lease SET leased_until = ? WHERE name = 'daily' AND owner = ?",
        Timestamp.from(until),
        instance);
  }

  void releaseLease(String instance, Instant now) {
    jdbc.update(
        "UPDATE sweep_lease SET owner = NULL, leased_until = ? WHERE name = 'daily' AND owner = ?",
        Timestamp.from(now),
        instance);
  }
}
