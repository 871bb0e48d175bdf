package cn.dangjian.member.statistics;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.platform.persistence.UuidV7;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads and writes the read model's tables (plain JDBC: a batch writes thousands of rows). */
@Component
class ReadModelStore {

  private static final int CHUNK = 500;

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  ReadModelStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  Map<UUID, MemberState> openMembers(Collection<UUID> ids) {
    Map<UUID, MemberState> found = new HashMap<>();
    for (List<UUID> part : chunks(List.copyOf(ids))) {
      named.query(
          "SELECT * FROM stat_member_period WHERE valid_to IS NULL AND member_id IN (:ids)",
          new MapSqlParameterSource("ids", part.stream().map(u -> bytes(u)).toList()),
          rs -> {
            MemberState s = member(rs);
            found.put(s.memberId(), s);
          });
    }
    return found;
  }

  List<MemberState> openMembersUnder(String pathPrefix) {
    return jdbc.query(
        "SELECT * FROM stat_member_period WHERE valid_to IS NULL AND org_path LIKE ?",
        (rs, i) -> member(rs),
        like(pathPrefix));
  }

  Map<UUID, OrgState> openOrgs(Collection<UUID> ids) {
    Map<UUID, OrgState> found = new HashMap<>();
    for (List<UUID> part : chunks(List.copyOf(ids))) {
      named.query(
          "SELECT * FROM stat_org_period WHERE valid_to IS NULL AND org_id IN (:ids)",
          new MapSqlParameterSource("ids", part.stream().map(u -> bytes(u)).toList()),
          rs -> {
            OrgState s = org(rs);
            found.put(s.orgId(), s);
          });
    }
    return found;
  }

  List<OrgState> openOrgsUnder(String pathPrefix) {
    return jdbc.query(
        "SELECT * FROM stat_org_period WHERE valid_to IS NULL AND path LIKE ?",
        (rs, i) -> org(rs),
        like(pathPrefix));
  }

  /** Ends the stored open periods and writes the new ones. */
  void saveMembers(Collection<Timeline<MemberState>> timelines) {
    List<Object[]> deletes = new ArrayList<>();
    List<Object[]> closes = new ArrayList<>();
    List<Object[]> inserts = new ArrayList<>();
    for (Timeline<MemberState> t : timelines) {
      List<MemberState> added = t.added();
      if (added.isEmpty()) {
        continue;
      }
      MemberState stored = t.stored();
      if (stored != null) {
        Object[] key = {bytes(stored.memberId()), Date.valueOf(stored.validFrom())};
        if (stored.validFrom().equals(added.get(0).validFrom())) {
          deletes.add(key);
        } else {
          closes.add(new Object[] {Date.valueOf(added.get(0).validFrom()), key[0], key[1]});
        }
      }
      for (int i = 0; i < added.size(); i++) {
        MemberState s = added.get(i);
        LocalDate to = i + 1 < added.size() ? added.get(i + 1).validFrom() : null;
        inserts.add(
            new Object[] {
              bytes(s.memberId()),
              Date.valueOf(s.validFrom()),
              to == null ? null : Date.valueOf(to),
              bytes(s.orgId()),
              s.orgPath(),
              s.stage(),
              s.status(),
              s.gender(),
              s.ethnicity(),
              s.birthMonth(),
              s.education(),
              s.occupation(),
              s.fullSince(),
              s.mobile(),
              s.lostContact()
            });
      }
    }
    jdbc.batchUpdate(
        "DELETE FROM stat_member_period WHERE member_id = ? AND valid_from = ?", deletes);
    jdbc.batchUpdate(
        "UPDATE stat_member_period SET valid_to = ? WHERE member_id = ? AND valid_from = ?",
        closes);
    multiRowInsert(
        "INSERT INTO stat_member_period (member_id, valid_from, valid_to, org_id, org_path, stage,"
            + " status, gender, ethnicity, birth_month, education, occupation, full_since, mobile,"
            + " lost_contact) VALUES ",
        15,
        inserts,
        "");
  }

  void saveOrgs(Collection<Timeline<OrgState>> timelines) {
    List<Object[]> deletes = new ArrayList<>();
    List<Object[]> closes = new ArrayList<>();
    List<Object[]> inserts = new ArrayList<>();
    for (Timeline<OrgState> t : timelines) {
      List<OrgState> added = t.added();
      if (added.isEmpty()) {
        continue;
      }
      OrgState stored = t.stored();
      if (stored != null) {
        Object[] key = {bytes(stored.orgId()), Date.valueOf(stored.validFrom())};
        if (stored.validFrom().equals(added.get(0).validFrom())) {
          deletes.add(key);
        } else {
          closes.add(new Object[] {Date.valueOf(added.get(0).validFrom()), key[0], key[1]});
        }
      }
      for (int i = 0; i < added.size(); i++) {
        OrgState s = added.get(i);
        LocalDate to = i + 1 < added.size() ? added.get(i + 1).validFrom() : null;
        inserts.add(
            new Object[] {
              bytes(s.orgId()),
              Date.valueOf(s.validFrom()),
              to == null ? null : Date.valueOf(to),
              s.path(),
              StatRules.ancestors(s.path()).size(),
              s.name(),
              s.orgType(),
              s.unitType(),
              s.affiliation(),
              s.hasCommittee(),
              s.termDue(),
              s.dissolved()
            });
      }
    }
    jdbc.batchUpdate("DELETE FROM stat_org_period WHERE org_id = ? AND valid_from = ?", deletes);
    jdbc.batchUpdate(
        "UPDATE stat_org_period SET valid_to = ? WHERE org_id = ? AND valid_from = ?", closes);
    multiRowInsert(
        "INSERT INTO stat_org_period (org_id, valid_from, valid_to, path, depth, name, org_type,"
            + " unit_type, affiliation, has_committee, term_due, dissolved) VALUES ",
        12,
        inserts,
        "");
  }

  void saveCells(Map<CellDeltas.Key, Long> deltas) {
    List<Object[]> rows = new ArrayList<>(deltas.size());
    deltas.forEach(
        (k, v) -> rows.add(new Object[] {bytes(k.orgId()), k.dim(), k.val(), k.month(), v}));
    multiRowInsert(
        "INSERT INTO stat_cell (org_id, dim, val, month, delta) VALUES ",
        5,
        rows,
        " ON DUPLICATE KEY UPDATE delta = delta + VALUES(delta)");
  }

  void saveFlows(List<FlowRow> flows) {
    List<Object[]> rows = new ArrayList<>(flows.size());
    for (FlowRow f : flows) {
      rows.add(
          new Object[] {
            bytes(UuidV7.next()),
            bytes(f.memberId()),
            f.kind(),
            f.val(),
            Date.valueOf(f.on()),
            f.fromPath(),
            f.toPath(),
            f.female(),
            f.under35(),
            f.frontLine()
          });
    }
    multiRowInsert(
        "INSERT INTO stat_flow (id, member_id, kind, val, happened_on, from_path, to_path, female,"
            + " under35, front_line) VALUES ",
        10,
        rows,
        "");
  }

  /** The value remembered under a key, e.g. the grade a cycle last published for an org. */
  Map<String, String> seen(Collection<String> keys) {
    Map<String, String> found = new HashMap<>();
    for (List<String> part : chunks(List.copyOf(keys))) {
      named.query(
          "SELECT seen_key, val FROM stat_seen WHERE seen_key IN (:keys)",
          new MapSqlParameterSource("keys", part),
          rs -> {
            found.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
          });
    }
    return found;
  }

  void saveSeen(Map<String, String> values) {
    List<Object[]> rows = new ArrayList<>();
    values.forEach((k, v) -> rows.add(new Object[] {k, v}));
    multiRowInsert(
        "INSERT INTO stat_seen (seen_key, val) VALUES ",
        2,
        rows,
        " ON DUPLICATE KEY UPDATE val = VALUES(val)");
  }

  void saveBranches(Map<UUID, BranchChange> changes) {
    List<Object[]> rows = new ArrayList<>();
    changes.forEach(
        (id, c) -> rows.add(new Object[] {bytes(id), c.path(), c.openAlerts(), c.grade()}));
    multiRowInsert(
        "INSERT INTO stat_branch (org_id, path, open_alerts, grade) VALUES ",
        4,
        rows,
        " ON DUPLICATE KEY UPDATE path = VALUES(path), open_alerts = GREATEST(0, open_alerts +"
            + " VALUES(open_alerts)), grade = COALESCE(VALUES(grade), grade)");
  }

  /** Empties the read model and its consumer's processed-event marks (before a replay). */
  void reset(String consumer, Instant startedAt) {
    for (String table :
        List.of(
            "stat_cell",
            "stat_member_period",
            "stat_org_period",
            "stat_flow",
            "stat_seen",
            "stat_branch")) {
      jdbc.execute("TRUNCATE TABLE " + table);
    }
    jdbc.update("DELETE FROM processed_event WHERE consumer = ?", consumer);
    jdbc.update(
        "UPDATE stat_status SET events_applied = 0, last_event_at = NULL, rebuild_started = ?"
            + " WHERE id = 1",
        Timestamp.from(startedAt));
  }

  void applied(int events, Instant lastEventAt) {
    jdbc.update(
        "UPDATE stat_status SET events_applied = events_applied + ?, last_event_at = ? WHERE id = 1",
        events,
        Timestamp.from(lastEventAt));
  }

  /** A branch's change in a batch: open alerts added (negative when closed), grade published. */
  record BranchChange(String path, int openAlerts, String grade) {
    BranchChange plus(BranchChange other) {
      return new BranchChange(
          other.path(),
          openAlerts + other.openAlerts(),
          other.grade() != null ? other.grade() : grade);
    }
  }

  /** A movement of one member in a period (发展, 转正, 转入, 转出, 减少). */
  record FlowRow(
      UUID memberId,
      String kind,
      String val,
      LocalDate on,
      String fromPath,
      String toPath,
      boolean female,
      boolean under35,
      boolean frontLine) {}

  private void multiRowInsert(String head, int columns, List<Object[]> rows, String tail) {
    String tuple = "(" + "?,".repeat(columns - 1) + "?)";
    for (List<Object[]> part : chunks(rows)) {
      StringBuilder sql = new StringBuilder(head);
      List<Object> args = new ArrayList<>(part.size() * columns);
      for (int i = 0; i < part.size(); i++) {
        sql.append(i == 0 ? "" : ",").append(tuple);
        args.addAll(asList(part.get(i)));
      }
      jdbc.update(sql.append(tail).toString(), args.toArray());
    }
  }

  private static List<Object> asList(Object[] row) {
    List<Object> list = new ArrayList<>(row.length);
    for (Object o : row) {
      list.add(o);
    }
    return list;
  }

  static String like(String pathPrefix) {
    return pathPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> parts = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      parts.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return parts;
  }

  private static MemberState member(ResultSet rs) throws SQLException {
    return new MemberState(
        uuid(rs.getBytes("member_id")),
        rs.getDate("valid_from").toLocalDate(),
        uuid(rs.getBytes("org_id")),
        rs.getString("org_path"),
        rs.getString("stage"),
        rs.getString("status"),
        rs.getString("gender"),
        rs.getString("ethnicity"),
        rs.getString("birth_month"),
        rs.getString("education"),
        rs.getString("occupation"),
        rs.getString("full_since"),
        rs.getBoolean("mobile"),
        rs.getBoolean("lost_contact"));
  }

  private static OrgState org(ResultSet rs) throws SQLException {
    return new OrgState(
        uuid(rs.getBytes("org_id")),
        rs.getDate("valid_from").toLocalDate(),
        rs.getString("path"),
        rs.getString("name"),
        rs.getString("org_type"),
        rs.getString("unit_type"),
        rs.getString("affiliation"),
        rs.getBoolean("has_committee"),
        rs.getString("term_due"),
        rs.getBoolean("dissolved"));
  }
}
