package cn.dangjian.orglife.training;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.orglife.TrainingCredited;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.security.CurrentCaller;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Credited training hours per member and source, with a training-credited event per credit. */
@NamedInterface("ledger")
@Repository
public class TrainingLedger {

  private final JdbcTemplate jdbc;
  private final MemberProjection projection;
  private final DomainEventPublisher events;
  private final CurrentCaller caller;
  private final Clock clock;

  TrainingLedger(
      JdbcTemplate jdbc,
      MemberProjection projection,
      DomainEventPublisher events,
      CurrentCaller caller,
      Clock clock) {
    this.jdbc = jdbc;
    this.projection = projection;
    this.events = events;
    this.caller = caller;
    this.clock = clock;
  }

  /**
   * Credits a 党课's hours to the members who attended it; on re-approval after a correction, members
   * no longer listed as present lose the credit.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void creditLecture(UUID meetingId, LocalDate heldOn, int tenths, List<UUID> present) {
    Set<UUID> keep = new HashSet<>(present);
    List<UUID> credited =
        jdbc.query(
            "SELECT member_id FROM training_record WHERE kind = 'PARTY_LECTURE' AND source_id = ?",
            (rs, n) -> uuid(rs.getBytes(1)),
            (Object) bytes(meetingId));
    for (UUID member : credited) {
      if (!keep.contains(member)) {
        jdbc.update(
            "DELETE FROM training_record WHERE member_id = ? AND kind = 'PARTY_LECTURE' AND"
                + " source_id = ?",
            bytes(member),
            bytes(meetingId));
      }
    }
    for (UUID member : present) {
      projection
          .member(member)
          .ifPresent(m -> credit(m, TrainingKind.PARTY_LECTURE, meetingId, heldOn, tenths, tenths));
    }
  }

  /**
   * Credits one source to one member (replacing an earlier credit of the same source) and publishes
   * {@code orglife.training-credited}.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID credit(
      ProjectedMember member,
      TrainingKind kind,
      UUID sourceId,
      LocalDate on,
      int hoursTenths,
      int creditedTenths) {
    UUID id = UuidV7.next();
    jdbc.update(
        "INSERT INTO training_record (id, member_id, org_id, org_path, credit_year, kind,"
            + " source_id, credited_on, hours_tenths, credited_tenths, created_by, created_at)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE credited_on ="
            + " VALUES(credited_on), credit_year = VALUES(credit_year), hours_tenths ="
            + " VALUES(hours_tenths), credited_tenths = VALUES(credited_tenths)",
        bytes(id),
        bytes(member.memberId()),
        bytes(member.orgId()),
        member.orgPath(),
        on.getYear(),
        kind.name(),
        bytes(sourceId),
        java.sql.Date.valueOf(on),
        hoursTenths,
        creditedTenths,
        caller.usernameOrSystem(),
        Timestamp.from(clock.instant()));
    UUID recordId =
        jdbc.queryForObject(
            "SELECT id FROM training_record WHERE member_id = ? AND kind = ? AND source_id = ?",
            (rs, n) -> uuid(rs.getBytes(1)),
            bytes(member.memberId()),
            kind.name(),
            bytes(sourceId));
    if (creditedTenths > 0) {
      events.publish(
          EventTypes.ORGLIFE_TRAINING_CREDITED,
          member.memberId().toString(),
          member.orgPath(),
          new TrainingCredited(
              recordId,
              member.memberId(),
              member.orgId(),
              kind.name(),
              sourceId,
              on,
              TrainingRules.hours(creditedTenths),
              TrainingRules.hours(yearTenths(member.memberId(), on.getYear()))));
    }
    return recordId;
  }

  public boolean credited(UUID memberId, TrainingKind kind, UUID sourceId) {
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

  /** Micro-lesson tenths already credited to the member on that day. */
  public int microLessonTenthsOn(UUID memberId, LocalDate day) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COALESCE(SUM(credited_tenths), 0) FROM lesson_study WHERE member_id = ? AND"
                + " studied_on = ?",
            Integer.class,
            bytes(memberId),
            java.sql.Date.valueOf(day));
    return n == null ? 0 : n;
  }

  public int yearTenths(UUID memberId, int year) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COALESCE(SUM(credited_tenths), 0) FROM training_record WHERE member_id = ? AND"
                + " credit_year = ?",
            Integer.class,
            bytes(memberId),
            year);
    return n == null ? 0 : n;
  }

  /** A member's credited tenths per kind in a year. */
  public Map<TrainingKind, Integer> yearByKind(UUID memberId, int year) {
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

  public int rotations(UUID memberId, int year) {
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
  public Map<UUID, int[]> yearTotals(Collection<UUID> members, int year) {
    Map<UUID, int[]> result = new java.util.HashMap<>();
    List<UUID> list = List.copyOf(members);
    for (int i = 0; i < list.size(); i += 500) {
      List<UUID> chunk = list.subList(i, Math.min(list.size(), i + 500));
      List<Object> args = new java.util.ArrayList<>();
      args.add(year);
      chunk.forEach(id -> args.add(bytes(id)));
      jdbc.query(
          "SELECT member_id, SUM(credited_tenths), SUM(CASE WHEN kind = 'ROTATION' THEN 1 ELSE 0"
              + " END) FROM training_record WHERE credit_year = ? AND member_id IN ("
              + marks(chunk)
              + ") GROUP BY member_id",
          rs -> {
            result.put(uuid(rs.getBytes(1)), new int[] {rs.getInt(2), rs.getInt(3)});
          },
          args.toArray());
    }
    return result;
  }

  static String marks(Collection<?> c) {
    return String.join(",", Collections.nCopies(c.size(), "?"));
  }
}
