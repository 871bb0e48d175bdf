package cn.dangjian.alert.state;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.alert.rules.DuesBaseFacts;
import cn.dangjian.alert.rules.LeaderFacts;
import cn.dangjian.alert.rules.TalkFacts;
import cn.dangjian.events.dues.BaseAssessed;
import cn.dangjian.events.orglife.AppraisalGraded;
import cn.dangjian.events.orglife.TalkRecorded;
import cn.dangjian.platform.persistence.Uuids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Committees' members, talks, appraisals, training kinds and dues assessments as events report them
 * (committee_member, talk_pair, appraisal_graded, training_kind, dues_assessment), and the facts
 * the leader and coverage rules read from them in bulk.
 */
@Repository
public class LeaderStore {

  private static final String ADMITTED =
      " pm.status = 'ACTIVE' AND pm.stage IN ('PROBATIONARY', 'FULL')";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final Clock clock;

  LeaderStore(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.clock = clock;
  }

  private static List<byte[]> ids(Collection<UUID> ids) {
    return ids.stream().map(Uuids::bytes).toList();
  }

  /**
   * The committee's members after a change (null: an event from before the field, members unknown
   * and kept as they were) and since when its secretary holds the post.
   *
   * @return the members before the change
   */
  public Set<UUID> committeeChanged(UUID orgId, List<UUID> memberIds, LocalDate secretarySince) {
    Set<UUID> before = committee(orgId);
    jdbc.update(
        "UPDATE org_state SET secretary_since = ? WHERE org_id = ?", secretarySince, bytes(orgId));
    if (memberIds != null) {
      jdbc.update("DELETE FROM committee_member WHERE org_id = ?", bytes(orgId));
      jdbc.batchUpdate(
          "INSERT IGNORE INTO committee_member (org_id, member_id) VALUES (?,?)",
          memberIds.stream().map(m -> new Object[] {bytes(orgId), bytes(m)}).toList());
    }
    return before;
  }

  public Set<UUID> committee(UUID orgId) {
    return new HashSet<>(
        jdbc.query(
            "SELECT member_id FROM committee_member WHERE org_id = ?",
            (rs, n) -> uuid(rs.getBytes(1)),
            bytes(orgId)));
  }

  public void talkRecorded(TalkRecorded e) {
    boolean aFirst = e.memberAId().compareTo(e.memberBId()) < 0;
    jdbc.update(
        "INSERT IGNORE INTO talk_pair"
            + " (talk_id, org_id, member_lo, member_hi, pair_kind, talked_on) VALUES (?,?,?,?,?,?)",
        bytes(e.talkId()),
        bytes(e.orgId()),
        bytes(aFirst ? e.memberAId() : e.memberBId()),
        bytes(aFirst ? e.memberBId() : e.memberAId()),
        e.pairKind(),
        e.talkedOn());
  }

  public void appraisalGraded(AppraisalGraded e) {
    jdbc.update(
        "INSERT INTO appraisal_graded (appraisal_id, org_id, member_id, year, grade)"
            + " VALUES (?,?,?,?,?) ON DUPLICATE KEY UPDATE year = VALUES(year),"
            + " grade = VALUES(grade)",
        bytes(e.appraisalId()),
        bytes(e.orgId()),
        bytes(e.memberId()),
        e.year(),
        e.grade());
  }

  /** A CONCENTRATED or ROTATION credit; other kinds count only toward hours. */
  public void trainingCredited(UUID memberId, String kind, LocalDate on) {
    boolean rotation = "ROTATION".equals(kind);
    if (!rotation && !"CONCENTRATED".equals(kind)) {
      return;
    }
    // the latest wins whatever order the events arrive in
    jdbc.update(
        "INSERT INTO training_kind (member_id, last_formal_on, last_rotation_on, updated_at)"
            + " VALUES (?,?,?,?) ON DUPLICATE KEY UPDATE"
            + " last_formal_on = GREATEST(COALESCE(last_formal_on, VALUES(last_formal_on)),"
            + "   VALUES(last_formal_on)),"
            + " last_rotation_on = CASE WHEN VALUES(last_rotation_on) IS NULL THEN last_rotation_on"
            + "   ELSE GREATEST(COALESCE(last_rotation_on, VALUES(last_rotation_on)),"
            + "   VALUES(last_rotation_on)) END,"
            + " updated_at = VALUES(updated_at)",
        bytes(memberId),
        on,
        rotation ? on : null,
        Timestamp.from(clock.instant()));
  }

  public void duesAssessed(BaseAssessed e) {
    jdbc.update(
        "INSERT INTO dues_assessment (member_id, year, effective_month) VALUES (?,?,?)"
            + " ON DUPLICATE KEY UPDATE effective_month = LEAST(effective_month,"
            + " VALUES(effective_month))",
        bytes(e.memberId()),
        e.year(),
        e.effectiveMonth());
  }

  /** Committee seats, secretary posts and formal training of these members (absent: none). */
  public Map<UUID, LeaderFacts> leaders(Collection<UUID> memberIds) {
    Map<UUID, LeaderFacts> result = new HashMap<>();
    if (memberIds.isEmpty()) {
      return result;
    }
    MapSqlParameterSource ids = new MapSqlParameterSource("ids", ids(memberIds));
    Set<UUID> committee = new HashSet<>();
    named.query(
        "SELECT DISTINCT member_id FROM committee_member WHERE member_id IN (:ids)",
        ids,
        rs -> {
          committee.add(uuid(rs.getBytes(1)));
        });
    Map<UUID, LocalDate> secretaries = new HashMap<>();
    named.query(
        "SELECT secretary_member_id, secretary_since FROM org_state"
            + " WHERE secretary_member_id IN (:ids)",
        ids,
        rs -> {
          secretaries.put(uuid(rs.getBytes(1)), rs.getObject("secretary_since", LocalDate.class));
        });
    Map<UUID, LocalDate[]> training = new HashMap<>();
    named.query(
        "SELECT member_id, last_formal_on, last_rotation_on FROM training_kind"
            + " WHERE member_id IN (:ids)",
        ids,
        rs -> {
          training.put(
              uuid(rs.getBytes(1)),
              new LocalDate[] {
                rs.getObject("last_formal_on", LocalDate.class),
                rs.getObject("last_rotation_on", LocalDate.class)
              });
        });
    Set<UUID> known = new HashSet<>(committee);
    known.addAll(secretaries.keySet());
    known.addAll(training.keySet());
    for (UUID id : known) {
      LocalDate[] t = training.getOrDefault(id, new LocalDate[2]);
      result.put(
          id,
          new LeaderFacts(
              committee.contains(id) || secretaries.containsKey(id),
              secretaries.containsKey(id),
              secretaries.get(id),
              t[0],
              t[1]));
    }
    return result;
  }

  /** Committee, active admitted members and the pairs that talked in {@code year}, per org. */
  public Map<UUID, TalkFacts> talkFacts(List<UUID> orgIds, int year) {
    Map<UUID, Set<UUID>> committees = new HashMap<>();
    if (orgIds.isEmpty()) {
      return Map.of();
    }
    named.query(
        "SELECT org_id, member_id FROM committee_member WHERE org_id IN (:ids)",
        new MapSqlParameterSource("ids", ids(orgIds)),
        rs -> {
          committees
              .computeIfAbsent(uuid(rs.getBytes(1)), k -> new HashSet<>())
              .add(uuid(rs.getBytes(2)));
        });
    if (committees.isEmpty()) {
      return Map.of();
    }
    MapSqlParameterSource withCommittee =
        new MapSqlParameterSource("ids", ids(committees.keySet()))
            .addValue("from", LocalDate.of(year, 1, 1))
            .addValue("to", LocalDate.of(year, 12, 31));
    Map<UUID, Set<UUID>> members = new HashMap<>();
    named.query(
        "SELECT pm.org_id, pm.member_id FROM proj_member pm WHERE pm.org_id IN (:ids) AND"
            + ADMITTED,
        withCommittee,
        rs -> {
          members
              .computeIfAbsent(uuid(rs.getBytes(1)), k -> new HashSet<>())
              .add(uuid(rs.getBytes(2)));
        });
    Map<UUID, Set<String>> talked = new HashMap<>();
    named.query(
        "SELECT org_id, member_lo, member_hi FROM talk_pair WHERE org_id IN (:ids)"
            + " AND talked_on BETWEEN :from AND :to",
        withCommittee,
        rs -> {
          talked
              .computeIfAbsent(uuid(rs.getBytes(1)), k -> new HashSet<>())
              .add(TalkFacts.pair(uuid(rs.getBytes(2)), uuid(rs.getBytes(3))));
        });
    Map<UUID, TalkFacts> result = new HashMap<>();
    committees.forEach(
        (org, committee) ->
            result.put(
                org,
                new TalkFacts(
                    committee,
                    members.getOrDefault(org, Set.of()),
                    talked.getOrDefault(org, Set.of()))));
    return result;
  }

  /** Per org: members paying by a declared base, those with no assessment for {@code year}. */
  public Map<UUID, DuesBaseFacts> duesBase(List<UUID> orgIds, int year) {
    if (orgIds.isEmpty()) {
      return Map.of();
    }
    MapSqlParameterSource params =
        new MapSqlParameterSource("ids", ids(orgIds))
            .addValue("year", year)
            .addValue("categories", DuesBaseFacts.BASE_CATEGORIES);
    String from =
        " FROM proj_member pm LEFT JOIN dues_assessment da ON da.member_id = pm.member_id"
            + " AND da.year = :year WHERE pm.org_id IN (:ids) AND pm.dues_category IN"
            + " (:categories) AND"
            + ADMITTED;
    Map<UUID, int[]> counts = new HashMap<>();
    named.query(
        "SELECT pm.org_id, COUNT(*) AS total, SUM(da.member_id IS NULL) AS unassessed"
            + from
            + " GROUP BY pm.org_id",
        params,
        rs -> {
          counts.put(uuid(rs.getBytes(1)), new int[] {rs.getInt("total"), rs.getInt("unassessed")});
        });
    Map<UUID, List<UUID>> examples = new HashMap<>();
    named.query(
        "SELECT org_id, member_id FROM (SELECT pm.org_id, pm.member_id, ROW_NUMBER() OVER"
            + " (PARTITION BY pm.org_id ORDER BY pm.member_id) AS n"
            + from
            + " AND da.member_id IS NULL) x WHERE x.n <= 5",
        params,
        rs -> {
          examples
              .computeIfAbsent(uuid(rs.getBytes(1)), k -> new ArrayList<>())
              .add(uuid(rs.getBytes(2)));
        });
    Map<UUID, DuesBaseFacts> result = new HashMap<>();
    counts.forEach(
        (org, c) ->
            result.put(org, new DuesBaseFacts(c[0], c[1], examples.getOrDefault(org, List.of()))));
    return result;
  }
}
