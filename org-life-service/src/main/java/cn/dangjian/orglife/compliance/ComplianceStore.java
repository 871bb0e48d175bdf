package cn.dangjian.orglife.compliance;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.orglife.compliance.PlanVsActualRules.HeldMeeting;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What plan vs actual reads: held meetings of one org, approved counts and committee seats. */
@Repository
class ComplianceStore {

  private final JdbcTemplate jdbc;

  ComplianceStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** An org's meetings held (recorded, whatever the review says) between the dates. */
  List<HeldMeeting> heldMeetings(UUID orgId, LocalDate from, LocalDate to) {
    return jdbc.query(
        "SELECT id, meeting_type, status, held_on FROM meeting WHERE org_id = ? AND held_on"
            + " BETWEEN ? AND ? AND status NOT IN ('PLANNED','CANCELLED')",
        (rs, n) ->
            new HeldMeeting(
                uuid(rs.getBytes(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getDate(4).toLocalDate()),
        bytes(orgId),
        java.sql.Date.valueOf(from),
        java.sql.Date.valueOf(to));
  }

  /** Approved meetings under a path: org → meeting type → month (yyyymm) → count. */
  Map<UUID, Map<String, Map<Integer, Integer>>> approvedCounts(
      String path, int fromMonth, int toMonth) {
    Map<UUID, Map<String, Map<Integer, Integer>>> counts = new HashMap<>();
    jdbc.query(
        "SELECT org_id, meeting_type, period_month, held FROM compliance_count WHERE org_path LIKE"
            + " ? AND period_month BETWEEN ? AND ? AND held > 0",
        rs -> {
          counts
              .computeIfAbsent(uuid(rs.getBytes(1)), k -> new HashMap<>())
              .computeIfAbsent(rs.getString(2), k -> new HashMap<>())
              .put(rs.getInt(3), rs.getInt(4));
        },
        like(path),
        fromMonth,
        toMonth);
    return counts;
  }

  /** Committee seats reported by member-service (committee.changed) for orgs in the subtree. */
  Map<UUID, Integer> seatsUnder(String path) {
    Map<UUID, Integer> result = new HashMap<>();
    jdbc.query(
        "SELECT s.org_id, s.seats FROM org_secretary s JOIN proj_org o ON o.org_id = s.org_id"
            + " WHERE o.path LIKE ?",
        rs -> {
          result.put(uuid(rs.getBytes(1)), rs.getInt(2));
        },
        like(path));
    return result;
  }

  /** An org's committee seats, null if member-service never reported its committee. */
  Integer seatsOf(UUID orgId) {
    List<Integer> seats =
        jdbc.query(
            "SELECT seats FROM org_secretary WHERE org_id = ?",
            (rs, n) -> rs.getInt(1),
            (Object) bytes(orgId));
    return seats.isEmpty() ? null : seats.get(seats.size() - 1);
  }

  static String like(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
