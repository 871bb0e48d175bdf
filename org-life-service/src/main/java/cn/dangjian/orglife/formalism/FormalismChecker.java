package cn.dangjian.orglife.formalism;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.orglife.RecordFlagged;
import cn.dangjian.orglife.OrgLifeProperties;
import cn.dangjian.orglife.formalism.FormalismRules.Candidate;
import cn.dangjian.orglife.formalism.FormalismRules.PastAttendance;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.persistence.UuidV7;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the anti-formalism checks when a record is submitted and stores each finding as a flag with
 * its evidence plus an {@code orglife.record-flagged} event. Nothing here blocks a record.
 */
@NamedInterface("checks")
@Service
public class FormalismChecker {

  /** Earlier records compared for near-duplicate minutes (newest first). */
  static final int MAX_CANDIDATES = 2000;

  private final JdbcTemplate jdbc;
  private final OrgLifeProperties properties;
  private final DomainEventPublisher events;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  FormalismChecker(
      JdbcTemplate jdbc, OrgLifeProperties properties, DomainEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
  }

  /** What the checks need to know about the record being submitted. */
  public record Submitted(
      UUID meetingId,
      UUID orgId,
      String orgPath,
      String parentPath,
      String meetingType,
      LocalDateTime startsAt,
      LocalDateTime endsAt,
      LocalDate heldOn,
      int recordVersion,
      int expected,
      Set<UUID> present,
      String minutes,
      byte[] minhash,
      Instant firstRecordedAt) {}

  @Transactional(propagation = Propagation.MANDATORY)
  public List<FlagView> check(Submitted s) {
    jdbc.update(
        "DELETE FROM meeting_flag WHERE meeting_id = ? AND record_version = ?",
        bytes(s.meetingId()),
        s.recordVersion());
    List<FlagView> flags = new ArrayList<>();
    duplicateMinutes(s, flags);
    identicalAttendance(s, flags);
    overlapping(s, flags);
    lateEntry(s, flags);
    return flags;
  }

  /** Near-duplicate minutes against the same and sibling branches' earlier records. */
  void duplicateMinutes(Submitted s, List<FlagView> flags) {
    if (s.minhash() == null
        || MinHash.normalise(s.minutes()).length()
            < properties.getFormalism().getMinMinutesLength()) {
      return;
    }
    List<Candidate> earlier = candidates(s);
    FormalismRules.mostSimilar(
            s.minhash(), earlier, properties.getFormalism().getDuplicateMinutesThreshold())
        .ifPresent(
            match -> {
              Map<String, Object> evidence = new LinkedHashMap<>();
              evidence.put("matchedMeetingId", match.candidate().meetingId());
              evidence.put("matchedOrgId", match.candidate().orgId());
              evidence.put("matchedHeldOn", match.candidate().heldOn().toString());
              evidence.put("sameOrg", match.candidate().orgId().equals(s.orgId()));
              evidence.put("similarity", round(match.similarity()));
              evidence.put("compared", earlier.size());
              flags.add(
                  raise(
                      s,
                      FlagKind.DUPLICATE_MINUTES,
                      match.candidate().meetingId(),
                      round(match.similarity()),
                      evidence));
            });
  }

  /** Signatures of earlier records of the branch and its siblings (same parent). */
  public List<Candidate> candidates(Submitted s) {
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

  /** The same people, all of them, meeting after meeting. */
  void identicalAttendance(Submitted s, List<FlagView> flags) {
    int run = properties.getFormalism().getIdenticalAttendanceRun();
    if (run < 2 || s.present().size() != s.expected()) {
      return;
    }
    List<Object[]> previous =
        jdbc.query(
            "SELECT id, expected_count, actual_count FROM meeting WHERE org_id = ? AND id <> ?"
                + " AND starts_at < ? AND status IN ('HELD','SUBMITTED','RETURNED','APPROVED',"
                + "'ARCHIVED') ORDER BY starts_at DESC LIMIT ?",
            (rs, n) -> new Object[] {uuid(rs.getBytes(1)), rs.getInt(2), rs.getInt(3)},
            bytes(s.orgId()),
            bytes(s.meetingId()),
            s.startsAt(),
            run - 1);
    if (previous.size() < run - 1) {
      return;
    }
    List<UUID> ids = previous.stream().map(p -> (UUID) p[0]).toList();
    Map<UUID, List<UUID>> present = presentOf(ids);
    List<PastAttendance> past = new ArrayList<>();
    for (Object[] p : previous) {
      UUID id = (UUID) p[0];
      past.add(
          new PastAttendance(
              id, (int) p[1], (int) p[2], new HashSet<>(present.getOrDefault(id, List.of()))));
    }
    if (FormalismRules.identicalFullAttendance(s.expected(), s.present(), past, run)) {
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("meetingIds", ids);
      evidence.put("attendees", s.present().size());
      evidence.put("run", run);
      flags.add(raise(s, FlagKind.IDENTICAL_FULL_ATTENDANCE, ids.get(0), null, evidence));
    }
  }

  /** Other meetings at the same time, of the same org or with one of the same people present. */
  void overlapping(Submitted s, List<FlagView> flags) {
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
              + String.join(",", Collections.nCopies(s.present().size(), "?"))
              + "))";
      s.present().forEach(id -> args.add(bytes(id)));
    }
    List<Object[]> overlaps =
        jdbc.query(
            "SELECT m.id, m.org_id, m.starts_at, m.ends_at FROM meeting m WHERE m.id <> ? AND"
                + " m.starts_at > ? AND m.starts_at < ? AND m.ends_at > ? AND m.status NOT IN"
                + " ('PLANNED','CANCELLED') AND (m.org_id = ?"
                + people
                + ") ORDER BY m.starts_at LIMIT 20",
            (rs, n) ->
                new Object[] {
                  uuid(rs.getBytes(1)),
                  uuid(rs.getBytes(2)),
                  rs.getObject(3, LocalDateTime.class),
                  rs.getObject(4, LocalDateTime.class)
                },
            args.toArray());
    for (Object[] o : overlaps) {
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("overlappingMeetingId", o[0]);
      evidence.put("overlappingOrgId", o[1]);
      evidence.put("overlappingStartsAt", o[2].toString());
      evidence.put("overlappingEndsAt", o[3].toString());
      evidence.put("sameOrg", o[1].equals(s.orgId()));
      flags.add(raise(s, FlagKind.OVERLAPPING_MEETINGS, (UUID) o[0], null, evidence));
    }
  }

  void lateEntry(Submitted s, List<FlagView> flags) {
    int allowed = properties.getFormalism().getLateEntryDays();
    if (s.firstRecordedAt() != null
        && FormalismRules.lateEntry(
            s.endsAt(), s.firstRecordedAt(), properties.getZone(), allowed)) {
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("heldOn", s.heldOn().toString());
      evidence.put("firstRecordedAt", s.firstRecordedAt().toString());
      evidence.put(
          "daysLate",
          FormalismRules.daysLate(s.endsAt(), s.firstRecordedAt(), properties.getZone()));
      evidence.put("allowedDays", allowed);
      flags.add(raise(s, FlagKind.LATE_ENTRY, null, null, evidence));
    }
  }

  private FlagView raise(
      Submitted s, FlagKind kind, UUID related, Double similarity, Map<String, Object> evidence) {
    UUID id = UuidV7.next();
    Instant now = clock.instant();
    String evidenceJson = json.writeValueAsString(evidence);
    jdbc.update(
        "INSERT INTO meeting_flag (id, meeting_id, record_version, kind, related_meeting_id,"
            + " similarity, evidence, raised_at) VALUES (?,?,?,?,?,?,?,?)",
        bytes(id),
        bytes(s.meetingId()),
        s.recordVersion(),
        kind.name(),
        bytes(related),
        similarity,
        evidenceJson,
        Timestamp.from(now));
    events.publish(
        EventTypes.ORGLIFE_RECORD_FLAGGED,
        s.meetingId().toString(),
        s.orgPath(),
        new RecordFlagged(
            id,
            s.meetingId(),
            s.orgId(),
            s.meetingType(),
            s.heldOn(),
            s.recordVersion(),
            kind.name(),
            related,
            similarity == null ? 0 : similarity,
            evidenceJson));
    return new FlagView(
        id, s.recordVersion(), kind, kind.label(), related, similarity, evidenceJson, now);
  }

  /** The flags of a meeting, newest version first. */
  public List<FlagView> flagsOf(UUID meetingId) {
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
  public Map<UUID, Integer> flagCounts(List<UUID> meetingIds) {
    Map<UUID, Integer> counts = new HashMap<>();
    if (meetingIds.isEmpty()) {
      return counts;
    }
    jdbc.query(
        "SELECT f.meeting_id, COUNT(*) FROM meeting_flag f JOIN meeting m ON m.id = f.meeting_id"
            + " AND m.record_version = f.record_version WHERE f.meeting_id IN ("
            + String.join(",", Collections.nCopies(meetingIds.size(), "?"))
            + ") GROUP BY f.meeting_id",
        rs -> {
          counts.put(uuid(rs.getBytes(1)), rs.getInt(2));
        },
        meetingIds.stream().map(id -> (Object) bytes(id)).toArray());
    return counts;
  }

  private Map<UUID, List<UUID>> presentOf(List<UUID> ids) {
    Map<UUID, List<UUID>> result = new HashMap<>();
    jdbc.query(
        "SELECT meeting_id, member_id FROM meeting_attendance WHERE present = TRUE AND meeting_id"
            + " IN ("
            + String.join(",", Collections.nCopies(ids.size(), "?"))
            + ")",
        rs -> {
          result
              .computeIfAbsent(uuid(rs.getBytes(1)), k -> new ArrayList<>())
              .add(uuid(rs.getBytes(2)));
        },
        ids.stream().map(id -> (Object) bytes(id)).toArray());
    return result;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
