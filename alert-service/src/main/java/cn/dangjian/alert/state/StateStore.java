package cn.dangjian.alert.state;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.alert.rules.MemberFacts;
import cn.dangjian.alert.rules.OrgFacts;
import cn.dangjian.platform.persistence.Uuids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * alert-service's own projections (member_state, org_state, meetings, attendance) joined with the
 * shared member projection into the facts the rules read. Everything here comes from events.
 */
@Component
public class StateStore {

  private static final String MEMBER_FACTS =
      "SELECT pm.member_id, pm.org_id, pm.org_path, po.org_type, pm.status, pm.stage,"
          + " ms.last_attended_on, ms.absent_since, ms.arrears_months, ms.arrears_since,"
          + " ms.arrears_fen, ms.training_year, ms.training_hours, ms.last_step, ms.last_step_on,"
          + " ms.next_step, ms.next_due_on, ms.lost_contact_since, ms.correction_ends_on,"
          + " ms.discipline_ends_on, ms.transfer_id, ms.transfer_since, ms.transfer_valid_until,"
          + " (os.secretary_member_id = pm.member_id) AS secretary, ms.missed_count AS missed"
          + " FROM proj_member pm JOIN member_state ms ON ms.member_id = pm.member_id"
          + " LEFT JOIN proj_org po ON po.org_id = pm.org_id"
          + " LEFT JOIN org_state os ON os.org_id = pm.org_id";

  private static final String ORG_FACTS =
      "SELECT po.org_id, po.path, po.org_type, po.name, po.created_on, po.dissolved, os.term_id,"
          + " os.term_due_on, os.committee_seats, os.secretary_vacant_since,"
          + " os.structure_warnings, os.formal_members, os.members"
          + " FROM proj_org po LEFT JOIN org_state os ON os.org_id = po.org_id";

  private static final RowMapper<MemberFacts> MEMBER =
      (rs, n) ->
          new MemberFacts(
              uuid(rs.getBytes("member_id")),
              uuid(rs.getBytes("org_id")),
              rs.getString("org_path"),
              rs.getString("org_type"),
              rs.getString("status"),
              rs.getString("stage"),
              date(rs, "last_attended_on"),
              date(rs, "absent_since"),
              rs.getInt("missed"),
              rs.getInt("arrears_months"),
              rs.getString("arrears_since"),
              rs.getLong("arrears_fen"),
              (Integer) rs.getObject("training_year", Integer.class),
              rs.getBigDecimal("training_hours"),
              rs.getBoolean("secretary"),
              rs.getString("last_step"),
              date(rs, "last_step_on"),
              rs.getString("next_step"),
              date(rs, "next_due_on"),
              date(rs, "lost_contact_since"),
              date(rs, "correction_ends_on"),
              date(rs, "discipline_ends_on"),
              uuid(rs.getBytes("transfer_id")),
              date(rs, "transfer_since"),
              date(rs, "transfer_valid_until"));

  private static final RowMapper<OrgFacts> ORG =
      (rs, n) ->
          new OrgFacts(
              uuid(rs.getBytes("org_id")),
              rs.getString("path"),
              rs.getString("org_type"),
              rs.getString("name"),
              date(rs, "created_on"),
              rs.getBoolean("dissolved"),
              uuid(rs.getBytes("term_id")),
              date(rs, "term_due_on"),
              rs.getInt("committee_seats"),
              date(rs, "secretary_vacant_since"),
              warnings(rs.getString("structure_warnings")),
              rs.getInt("formal_members"),
              rs.getInt("members"));

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final Clock clock;

  StateStore(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.clock = clock;
  }

  public Optional<MemberFacts> member(UUID memberId) {
    return jdbc.query(MEMBER_FACTS + " WHERE pm.member_id = ?", MEMBER, bytes(memberId)).stream()
        .findFirst();
  }

  /** Members in id order after {@code afterId} (null: from the start), for the sweep. */
  public List<MemberFacts> members(UUID afterId, int limit) {
    return afterId == null
        ? jdbc.query(MEMBER_FACTS + " ORDER BY pm.member_id LIMIT ?", MEMBER, limit)
        : jdbc.query(
            MEMBER_FACTS + " WHERE pm.member_id > ? ORDER BY pm.member_id LIMIT ?",
            MEMBER,
            bytes(afterId),
            limit);
  }

  /** These members' facts (the ones known; in no particular order). */
  public List<MemberFacts> members(Collection<UUID> memberIds) {
    return memberIds.isEmpty()
        ? List.of()
        : named.query(
            MEMBER_FACTS + " WHERE pm.member_id IN (:ids)",
            Map.of("ids", memberIds.stream().map(Uuids::bytes).toList()),
            MEMBER);
  }

  public List<OrgFacts> orgs(Collection<UUID> orgIds) {
    return orgIds.isEmpty()
        ? List.of()
        : named.query(
            ORG_FACTS + " WHERE po.org_id IN (:ids)",
            Map.of("ids", orgIds.stream().map(Uuids::bytes).toList()),
            ORG);
  }

  public Optional<OrgFacts> org(UUID orgId) {
    return jdbc.query(ORG_FACTS + " WHERE po.org_id = ?", ORG, bytes(orgId)).stream().findFirst();
  }

  public List<OrgFacts> orgs(UUID afterId, int limit) {
    return afterId == null
        ? jdbc.query(ORG_FACTS + " ORDER BY po.org_id LIMIT ?", ORG, limit)
        : jdbc.query(
            ORG_FACTS + " WHERE po.org_id > ? ORDER BY po.org_id LIMIT ?",
            ORG,
            bytes(afterId),
            limit);
  }

  // --- member state

  public void memberTracked(UUID memberId, LocalDate since) {
    jdbc.update(
        "INSERT IGNORE INTO member_state (member_id, tracked_since, updated_at) VALUES (?,?,?)",
        bytes(memberId),
        since,
        now());
  }

  public void updateMember(UUID memberId, String assignments, Object... values) {
    Object[] row = Arrays.copyOf(values, values.length + 1);
    row[values.length] = memberId;
    updateMembers(assignments, List.<Object[]>of(row));
  }

  /**
   * The same columns of many members at once (a poll's arrears or training events, in their order,
   * so the last event of a member wins): two batched statements instead of two per event.
   *
   * @param rows per member: the values of the assignments, then the member id
   */
  public void updateMembers(String assignments, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    Timestamp now = now();
    LocalDate today = cn.dangjian.alert.rules.Calendar.today(clock);
    jdbc.batchUpdate(
        "INSERT IGNORE INTO member_state (member_id, tracked_since, updated_at) VALUES (?,?,?)",
        rows.stream()
            .map(row -> new Object[] {bytes((UUID) row[row.length - 1]), today, now})
            .toList());
    jdbc.batchUpdate(
        "UPDATE member_state SET " + assignments + ", updated_at = ? WHERE member_id = ?",
        rows.stream()
            .map(
                row -> {
                  Object[] args = Arrays.copyOf(row, row.length + 1);
                  args[row.length - 1] = now;
                  args[row.length] = bytes((UUID) row[row.length - 1]);
                  return args;
                })
            .toList());
  }

  /**
   * After attendance changed: the last meeting attended, and the first meeting missed after it
   * (attending elsewhere as a mobile member counts as attending).
   */
  public void recomputeAttendance(UUID memberId) {
    jdbc.update(
        "UPDATE member_state ms SET"
            + " last_attended_on = (SELECT MAX(held_on) FROM meeting_attendance a"
            + "   WHERE a.member_id = ms.member_id AND a.attended = TRUE),"
            + " absent_since = (SELECT MIN(held_on) FROM meeting_attendance a"
            + "   WHERE a.member_id = ms.member_id AND a.attended = FALSE"
            + "   AND a.held_on > COALESCE((SELECT MAX(held_on) FROM meeting_attendance b"
            + "     WHERE b.member_id = ms.member_id AND b.attended = TRUE), '1900-01-01')),"
            + " updated_at = ? WHERE ms.member_id = ?",
        now(),
        bytes(memberId));
    jdbc.update(
        "UPDATE member_state ms SET missed_count = (SELECT COUNT(*) FROM meeting_attendance a"
            + " WHERE a.member_id = ms.member_id AND ms.absent_since IS NOT NULL"
            + " AND a.held_on >= ms.absent_since AND a.attended = FALSE) WHERE ms.member_id = ?",
        bytes(memberId));
  }

  // --- org state

  public void updateOrg(UUID orgId, String assignments, Object... values) {
    jdbc.update(
        "INSERT IGNORE INTO org_state (org_id, updated_at) VALUES (?,?)", bytes(orgId), now());
    Object[] args = Arrays.copyOf(values, values.length + 2);
    args[values.length] = now();
    args[values.length + 1] = bytes(orgId);
    jdbc.update("UPDATE org_state SET " + assignments + ", updated_at = ? WHERE org_id = ?", args);
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  private static List<String> warnings(String joined) {
    return joined == null || joined.isBlank() ? List.of() : List.of(joined.split(","));
  }
}
