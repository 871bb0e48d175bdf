package cn.dangjian.orglife.directory;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Branch secretaries and seats (org_secretary), and committee members from the 支委会 rosters. */
@Repository
class CommitteeStore {

  /** Members per IN list. */
  private static final int CHUNK = 500;

  private final JdbcTemplate jdbc;

  CommitteeStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void save(UUID orgId, UUID secretary, int seats, Instant at) {
    jdbc.update(
        "INSERT INTO org_secretary (org_id, secretary_member_id, seats, updated_at) VALUES"
            + " (?,?,?,?) ON DUPLICATE KEY UPDATE secretary_member_id = VALUES(secretary_member_id),"
            + " seats = VALUES(seats), updated_at = VALUES(updated_at)",
        bytes(orgId),
        bytes(secretary),
        seats,
        Timestamp.from(at));
  }

  /** The committee from {@code validFrom} on (a later report for the same day replaces it). */
  void saveHistory(UUID orgId, LocalDate validFrom, int seats, List<UUID> memberIds, Instant at) {
    jdbc.update(
        "INSERT INTO committee_history (org_id, valid_from, seats, member_ids, updated_at) VALUES"
            + " (?,?,?,?,?) ON DUPLICATE KEY UPDATE seats = VALUES(seats),"
            + " member_ids = VALUES(member_ids), updated_at = VALUES(updated_at)",
        bytes(orgId),
        validFrom,
        seats,
        memberIds == null
            ? null
            : String.join(",", memberIds.stream().map(UUID::toString).toList()),
        Timestamp.from(at));
  }

  /** The committee in force on a day: the latest report valid from it or before. */
  java.util.Optional<CommitteeDirectory.Committee> committeeOn(UUID orgId, LocalDate day) {
    return jdbc
        .query(
            "SELECT valid_from, seats, member_ids FROM committee_history WHERE org_id = ?"
                + " AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1",
            (rs, n) -> {
              String ids = rs.getString("member_ids");
              Set<UUID> members =
                  ids == null
                      ? null
                      : ids.isEmpty()
                          ? Set.of()
                          : java.util.Arrays.stream(ids.split(","))
                              .map(UUID::fromString)
                              .collect(java.util.stream.Collectors.toSet());
              return new CommitteeDirectory.Committee(
                  rs.getObject("valid_from", LocalDate.class), rs.getInt("seats"), members);
            },
            bytes(orgId),
            day)
        .stream()
        .findFirst();
  }

  Set<UUID> secretariesAmong(List<UUID> members) {
    Set<UUID> result = new HashSet<>();
    for (int i = 0; i < members.size(); i += CHUNK) {
      List<UUID> chunk = members.subList(i, Math.min(members.size(), i + CHUNK));
      jdbc.query(
          "SELECT secretary_member_id FROM org_secretary WHERE secretary_member_id IN ("
              + marks(chunk)
              + ")",
          rs -> {
            result.add(uuid(rs.getBytes(1)));
          },
          chunk.stream().map(id -> (Object) bytes(id)).toArray());
    }
    return result;
  }

  /** The expected attendees of a 支委会 that was not cancelled, held in the year. */
  Set<UUID> committeeMembersAmong(List<UUID> members, int year) {
    Set<UUID> result = new HashSet<>();
    for (int i = 0; i < members.size(); i += CHUNK) {
      List<UUID> chunk = members.subList(i, Math.min(members.size(), i + CHUNK));
      List<Object> args = new ArrayList<>();
      args.add(java.sql.Date.valueOf(LocalDate.of(year, 1, 1)));
      args.add(java.sql.Date.valueOf(LocalDate.of(year, 12, 31)));
      chunk.forEach(id -> args.add(bytes(id)));
      jdbc.query(
          "SELECT DISTINCT a.member_id FROM meeting_attendance a JOIN meeting m ON m.id ="
              + " a.meeting_id WHERE m.meeting_type = 'COMMITTEE_MEETING' AND m.status <>"
              + " 'CANCELLED' AND m.held_on BETWEEN ? AND ? AND a.expected = TRUE AND a.member_id"
              + " IN ("
              + marks(chunk)
              + ")",
          rs -> {
            result.add(uuid(rs.getBytes(1)));
          },
          args.toArray());
    }
    return result;
  }

  private static String marks(Collection<?> c) {
    return String.join(",", Collections.nCopies(c.size(), "?"));
  }
}
