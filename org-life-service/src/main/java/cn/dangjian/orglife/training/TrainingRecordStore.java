package cn.dangjian.orglife.training;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.projection.ProjectedMember;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Credited training hours (training_record): one row per member, kind and source. */
@Repository
class TrainingRecordStore {

  /** Members per IN list. */
  private static final int CHUNK = 500;

  private final JdbcTemplate jdbc;

  TrainingRecordStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Members credited for a 党课 (the meeting is the source). */
  List<UUID> lectureCredits(UUID meetingId) {
    return jdbc.query(
        "SELECT member_id FROM training_record WHERE kind = 'PARTY_LECTURE' AND source_id = ?",
        (rs, n) -> uuid(rs.getBytes(1)),
        (Object) bytes(meetingId));
  }

  void deleteLectureCredit(UUID memberId, UUID meetingId) {
    jdbc.update(
        "DELETE FROM training_record WHERE member_id = ? AND kind = 'PARTY_LECTURE' AND"
            + " source_id = ?",
        bytes(memberId),
        bytes(meetingId));
  }

  /** Credits a source to a member, replacing an earlier credit of it; returns the row's id. */
  UUID upsert(
      ProjectedMember member,
      TrainingKind kind,
      UUID sourceId,
      LocalDate on,
      int hoursTenths,
      int creditedTenths,
      String by,
      Instant at) {
    jdbc.update(
        "INSERT INTO training_record (id, member_id, org_id, org_path, credit_year, kind,"
            + " source_id, credited_on, hours_tenths, credited_tenths, created_by, created_at)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE credited_on ="
            + " VALUES(credited_on), credit_year = VALUES(credit_year), hours_tenths ="
            + " VALUES(hours_tenths), credited_tenths = VALUES(credited_tenths)",
        bytes(UuidV7.next()),
        bytes(member.memberId()),
        bytes(member.orgId()),
        member.orgPath(),
        on.getYear(),
        kind.name(),
        bytes(sourceId),
        java.sql.Date.valueOf(on),
        hoursTenths,
        creditedTenths,
        by,
        Timestamp.from(at));
    return jdbc.queryForObject(
        "SELECT id FROM training_record WHERE member_id = ? AND kind = ? AND source_id = ?",
        (rs, n) -> uuid(rs.getBytes(1)),
        bytes(member.memberId()),
        kind.name(),
        bytes(sourceId));
  }

  boolean credited(UUID memberId, TrainingKind kind, UUID sourceId) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM training_record WHERE member_id = ? AND kind = ? AND source_id ="
                + " ? AND credited_tenths > 0",
            Integer.class,
            bytes(memberId),
            kind.name(),
            bytes(sourceId));
    return n != null && n > 0;
  }

  int yearTenths(UUID memberId, int year) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COALESCE(SUM(credited_tenths), 0) FROM training_record WHERE member_id = ? AND"
                + " credit_year = ?",
            Integer.class,
            bytes(memberId),
            year);
    return n == null ? 0 : n;
  }

  Map<TrainingKind, Integer> yearByKind(UUID memberId, int year) {
    Map<TrainingKind, Integer> result = new EnumMap<>(TrainingKind.class);
    jdbc.query(
        "SELECT kind, SUM(credited_tenths) FROM training_record WHERE member_id = ? AND"
            + " credit_year = ? GROUP BY kind",
        rs -> {
          result.put(TrainingKind.valueOf(rs.getString(1)), rs.getInt(2));
        },
        bytes(memberId),
        year);
    return result;
  }

  int rotations(UUID memberId, int year) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM training_record WHERE member_id = ? AND credit_year = ? AND kind"
                + " = 'ROTATION'",
            Integer.class,
            bytes(memberId),
            year);
    return n == null ? 0 : n;
  }

  /** Per member: [credited tenths, rotations] in the year (members without credits absent). */
  Map<UUID, int[]> yearTotals(Collection<UUID> members, int year) {
    Map<UUID, int[]> result = new HashMap<>();
    List<UUID> list = List.copyOf(members);
    for (int i = 0; i < list.size(); i += CHUNK) {
      List<UUID> chunk = list.subList(i, Math.min(list.size(), i + CHUNK));
      List<Object> args = new ArrayList<>();
      args.add(year);
      chunk.forEach(id -> args.add(bytes(id)));
      jdbc.query(
          "SELECT member_id, SUM(credited_tenths), SUM(CASE WHEN kind = 'ROTATION' THEN 1 ELSE 0"
              + " END) FROM training_record WHERE credit_year = ? AND member_id IN ("
              + String.join(",", Collections.nCopies(chunk.size(), "?"))
              + ") GROUP BY member_id",
          rs -> {
            result.put(uuid(rs.getBytes(1)), new int[] {rs.getInt(2), rs.getInt(3)});
          },
          args.toArray());
    }
    return result;
  }
}
