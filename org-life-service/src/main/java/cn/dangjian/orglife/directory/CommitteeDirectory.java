package cn.dangjian.orglife.directory;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.platform.projection.MemberEventsHook;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Who the branch secretaries are, learned from {@code committee.changed} (called by the member
 * projection once per event, in its transaction). The projection itself has no committee data.
 */
@NamedInterface("committees")
@Component
public class CommitteeDirectory implements MemberEventsHook {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  CommitteeDirectory(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void on(EventEnvelope<JsonNode> envelope) {
    if (!EventTypes.COMMITTEE_CHANGED.equals(envelope.type())) {
      return;
    }
    JsonNode p = envelope.payload();
    UUID orgId = UUID.fromString(p.get("orgId").asString());
    JsonNode sec = p.get("secretaryMemberId");
    UUID secretary = sec == null || sec.isNull() ? null : UUID.fromString(sec.asString());
    int seats = p.has("seats") ? p.get("seats").asInt() : 0;
    jdbc.update(
        "INSERT INTO org_secretary (org_id, secretary_member_id, seats, updated_at) VALUES"
            + " (?,?,?,?) ON DUPLICATE KEY UPDATE secretary_member_id = VALUES(secretary_member_id),"
            + " seats = VALUES(seats), updated_at = VALUES(updated_at)",
        bytes(orgId),
        bytes(secretary),
        seats,
        Timestamp.from(clock.instant()));
  }

  /** Which of the members are sitting secretaries. */
  public Set<UUID> secretariesAmong(Collection<UUID> members) {
    Set<UUID> result = new HashSet<>();
    if (members.isEmpty()) {
      return result;
    }
    List<UUID> list = List.copyOf(members);
    for (int i = 0; i < list.size(); i += 500) {
      List<UUID> chunk = list.subList(i, Math.min(list.size(), i + 500));
      jdbc.query(
          "SELECT secretary_member_id FROM org_secretary WHERE secretary_member_id IN ("
              + String.join(",", Collections.nCopies(chunk.size(), "?"))
              + ")",
          rs -> {
            result.add(uuid(rs.getBytes(1)));
          },
          chunk.stream().map(id -> (Object) bytes(id)).toArray());
    }
    return result;
  }

  /**
   * Members who sat on a committee in the year: the expected attendees of its 支委会 (the only place
   * this service learns committee membership).
   */
  public Set<UUID> committeeMembersAmong(Collection<UUID> members, int year) {
    Set<UUID> result = new HashSet<>();
    if (members.isEmpty()) {
      return result;
    }
    List<UUID> list = List.copyOf(members);
    for (int i = 0; i < list.size(); i += 500) {
      List<UUID> chunk = list.subList(i, Math.min(list.size(), i + 500));
      List<Object> args = new java.util.ArrayList<>();
      args.add(java.sql.Date.valueOf(java.time.LocalDate.of(year, 1, 1)));
      args.add(java.sql.Date.valueOf(java.time.LocalDate.of(year, 12, 31)));
      chunk.forEach(id -> args.add(bytes(id)));
      jdbc.query(
          "SELECT DISTINCT a.member_id FROM meeting_attendance a JOIN meeting m ON m.id ="
              + " a.meeting_id WHERE m.meeting_type = 'COMMITTEE_MEETING' AND m.status <>"
              + " 'CANCELLED' AND m.held_on BETWEEN ? AND ? AND a.expected = TRUE AND a.member_id"
              + " IN ("
              + String.join(",", Collections.nCopies(chunk.size(), "?"))
              + ")",
          rs -> {
            result.add(uuid(rs.getBytes(1)));
          },
          args.toArray());
    }
    return result;
  }
}
