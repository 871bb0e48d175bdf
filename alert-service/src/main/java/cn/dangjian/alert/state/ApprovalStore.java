package cn.dangjian.alert.state;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.alert.rules.PendingApproval;
import cn.dangjian.events.member.ApprovalChanged;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Approval requests and the org that must decide them (approval_watch). */
@Repository
public class ApprovalStore {

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate sql;

  ApprovalStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate sql) {
    this.jdbc = jdbc;
    this.sql = sql;
  }

  /** The org a request was watched on before this change, if any. */
  public Optional<UUID> watchedOn(UUID approvalId) {
    return jdbc
        .query(
            "SELECT org_id FROM approval_watch WHERE approval_id = ?",
            (rs, n) -> uuid(rs.getBytes(1)),
            bytes(approvalId))
        .stream()
        .findFirst();
  }

  /**
   * Records where a request stands; it waits on a decider only while PENDING (a returned request
   * waits on the branch that filed it).
   *
   * @return the org that must decide it now
   */
  public UUID upsert(ApprovalChanged e) {
    UUID org = e.decidingOrgId() != null ? e.decidingOrgId() : e.subjectOrgId();
    jdbc.update(
        "INSERT INTO approval_watch (approval_id, org_id, kind, deciding_body, summary,"
            + " requested_on, due_on, pending) VALUES (?,?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE"
            + " org_id = VALUES(org_id), kind = VALUES(kind), deciding_body = VALUES(deciding_body),"
            + " summary = VALUES(summary), due_on = VALUES(due_on), pending = VALUES(pending)",
        bytes(e.approvalId()),
        bytes(org),
        e.kind(),
        e.decidingBody(),
        e.summary(),
        e.requestedOn(),
        e.dueOn(),
        "PENDING".equals(e.status()));
    return org;
  }

  /** The pending requests each org must decide. */
  public Map<UUID, List<PendingApproval>> pendingFor(List<UUID> orgIds) {
    if (orgIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, List<PendingApproval>> result = new HashMap<>();
    sql.query(
        "SELECT approval_id, org_id, kind, deciding_body, summary, requested_on, due_on"
            + " FROM approval_watch WHERE org_id IN (:ids) AND pending ORDER BY due_on",
        new MapSqlParameterSource("ids", orgIds.stream().map(id -> bytes(id)).toList()),
        rs -> {
          result
              .computeIfAbsent(uuid(rs.getBytes("org_id")), k -> new ArrayList<>())
              .add(
                  new PendingApproval(
                      uuid(rs.getBytes("approval_id")),
                      rs.getString("kind"),
                      rs.getString("deciding_body"),
                      rs.getString("summary"),
                      rs.getObject("requested_on", LocalDate.class),
                      rs.getObject("due_on", LocalDate.class)));
        });
    return result;
  }
}
