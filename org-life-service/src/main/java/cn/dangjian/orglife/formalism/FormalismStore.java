package cn.dangjian.orglife.formalism;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.orglife.formalism.FormalismChecker.Submitted;
import cn.dangjian.orglife.formalism.FormalismRules.Candidate;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The flags of records, and the earlier meetings the checks compare a record with. */
@Repository
class FormalismStore {

  /** Earlier records compared for near-duplicate minutes (newest first). */
  static final int MAX_CANDIDATES = 2000;

  private final JdbcTemplate jdbc;

  FormalismStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** An earlier meeting of the same org with its counts. */
  record Previous(UUID id, int expected, int actual) {}

  /** Another meeting at the same time. */
  record Overlap(UUID meetingId, UUID orgId, LocalDateTime startsAt, LocalDateTime endsAt) {}

  /** Drops the flags of one record version (a re-submission checks it afresh). */
  void clear(UUID meetingId, int recordVersion) {
    jdbc.update(
        "DELETE FROM meeting_flag WHERE meeting_id = ? AND record_version = ?",
        bytes(meetingId),
        recordVersion);
  }

  /** Signatures of earlier records of the branch and its siblings (same parent). */
  List<Candidate> candidates(Submitted s) {
    return jdbc.query(
        "SELECT id, org_id, held_on, minhash FROM meeting WHERE parent_path = ? AND held_on <= ?"
            + " AND id <> ? AND minhash IS NOT NULL"
            + " AND status IN ('SUBMITTED','RETURNED','APPROVED','ARCHIVED')"
            + " ORDER BY held_on DESC LIMIT "
            + MAX_CANDIDATES,
        (rs, n) ->
            new Candidate(
                uuid(rs.getBytes(1)),
                uuid(rs.getBytes(2)),
                rs.getDate(3).toLocalDate(),
                rs.getBytes(4)),
        s.parentPath(),
        java.sql.Date.valueOf(s.heldOn()),
        bytes(s.meetingId()));
  }

  /** The org's recorded meetings that started before this one, newest first. */
  List<Previous> previous(Submitted s, int limit) {
    return jdbc.query(
        "SELECT id, expected_count, actual_count FROM meeting WHERE org_id = ? AND id <> ?"
            + " AND starts_at < ? AND status IN ('HELD','SUBMITTED','RETURNED','APPROVED',"
            + "'ARCHIVED') ORDER BY starts_at DESC LIMIT ?",
        (rs, n) -> new Previous(uuid(rs.getBytes(1)), rs.getInt(2), rs.getInt(3)),
        bytes(s.orgId()),
        bytes(s.meetingId()),
        s.startsAt(),
        limit);
  }

  /** The present attendees of the meetings, by meeting id. */
  Map<UUID, List<UUID>> presentOf(List<UUID> ids) {
    Map<UUID, List<UUID>> result = new HashMap<>();
    jdbc.query(
        "SELECT meeting_id, member_id FROM meeting_attendance WHERE present = TRUE AND meeting_id"
            + " IN ("
            + marks(ids.size())
            + ")",
        rs -> {
          result
              .computeIfAbsent(uuid(rs.getBytes(1)), k -> new ArrayList<>())
              .add(uuid(rs.getBytes(2)));
        },
        ids.stream().map(id -> (Object) bytes(id)).toArray());
    return result;
  }

  /**
   * Recorded meetings overlapping this one in time, of the same org or with one of the same people
   * present (at most 20).
   */
  List<Overlap> overlapping(Submitted s) {
    List<Object> args = new ArrayList<>();
    args.add(bytes(s.meetingId()));
    args.add(s.startsAt().minusDays(1));
    args.add(s.endsAt());
    args.add(s.startsAt());
    args.add(bytes(s.orgId()));
    String people = "";
    if (!s.present().isEmpty()) {
      people =
          " OR EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.present"
              + " = TRUE AND a.member_id IN ("
              + marks(s.present().size())
              + "))";
      s.present().forEach(id -> args.add(bytes(id)));
    }
    return jdbc.query(
        "SELECT m.id, m.org_id, m.starts_at, m.ends_at FROM meeting m WHERE m.id <> ? AND"
            + " m.starts_at > ? AND m.starts_at < ? AND m.ends_at > ? AND m.status NOT IN"
            + " ('PLANNED','CANCELLED') AND (m.org_id = ?"
            + people
            + ") ORDER BY m.starts_at LIMIT 20",
        (rs, n) ->
            new Overlap(
                uuid(rs.getBytes(1)),
                uuid(rs.getBytes(2)),
                rs.getObject(3, LocalDateTime.class),
                rs.getObject(4, LocalDateTime.class)),
        args.toArray());
  }

  void insert(FlagView f, UUID meetingId) {
    jdbc.update(
        "INSERT INTO meeting_flag (id, meeting_id, record_version, kind, related_meeting_id,"
            + " similarity, evidence, raised_at) VALUES (?,?,?,?,?,?,?,?)",
        bytes(f.id()),
        bytes(meetingId),
        f.recordVersion(),
        f.kind().name(),
        bytes(f.relatedMeetingId()),
        f.similarity(),
        f.evidence(),
        Timestamp.from(f.raisedAt()));
  }

  /** The flags of a meeting, newest version first. */
  List<FlagView> flagsOf(UUID meetingId) {
    return jdbc.query(
        "SELECT id, record_version, kind, related_meeting_id, similarity, evidence, raised_at FROM"
            + " meeting_flag WHERE meeting_id = ? ORDER BY record_version DESC, raised_at",
        (rs, n) -> {
          FlagKind kind = FlagKind.valueOf(rs.getString(3));
          double sim = rs.getDouble(5);
          Double similarity = rs.wasNull() ? null : sim;
          return new FlagView(
              uuid(rs.getBytes(1)),
              rs.getInt(2),
              kind,
              kind.label(),
              uuid(rs.getBytes(4)),
              similarity,
              rs.getString(6),
              rs.getTimestamp(7).toInstant());
        },
        (Object) bytes(meetingId));
  }

  /** Number of flags per meeting (current record version), for lists. */
  Map<UUID, Integer> flagCounts(List<UUID> meetingIds) {
    Map<UUID, Integer> counts = new HashMap<>();
    if (meetingIds.isEmpty()) {
      return counts;
    }
    jdbc.query(
        "SELECT f.meeting_id, COUNT(*) FROM meeting_flag f JOIN meeting m ON m.id = f.meeting_id"
            + " AND m.record_version = f.record_version WHERE f.meeting_id IN ("
            + marks(meetingIds.size())
            + ") GROUP BY f.meeting_id",
        rs -> {
          counts.put(uuid(rs.getBytes(1)), rs.getInt(2));
        },
        meetingIds.stream().map(id -> (Object) bytes(id)).toArray());
    return counts;
  }

  private static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }
}
