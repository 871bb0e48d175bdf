package cn.dangjian.orglife.talk;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.orglife.talk.TalkRules.Pair;
import cn.dangjian.orglife.talk.TalkViews.TalkView;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Talks of a branch, each pair stored in a fixed order (member_low, member_high). */
@Repository
class TalkStore {

  private final JdbcTemplate jdbc;

  TalkStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      UUID id,
      UUID orgId,
      String orgPath,
      LocalDate on,
      Pair pair,
      PairKind kind,
      String summary,
      String by,
      Instant at) {
    jdbc.update(
        "INSERT INTO talk (id, org_id, org_path, talk_year, talked_on, member_low, member_high,"
            + " pair_kind, summary, recorded_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        bytes(id),
        bytes(orgId),
        orgPath,
        on.getYear(),
        java.sql.Date.valueOf(on),
        bytes(pair.a()),
        bytes(pair.b()),
        kind.name(),
        summary,
        by,
        Timestamp.from(at));
  }

  /** A branch's talks in a year, newest first (at most 1000). */
  List<TalkView> of(UUID orgId, int year) {
    return jdbc.query(
        "SELECT id, talked_on, member_low, member_high, pair_kind, summary FROM talk WHERE org_id"
            + " = ? AND talk_year = ? ORDER BY talked_on DESC LIMIT 1000",
        (rs, n) -> {
          PairKind k = PairKind.valueOf(rs.getString(5));
          return new TalkView(
              uuid(rs.getBytes(1)),
              orgId,
              rs.getDate(2).toLocalDate(),
              uuid(rs.getBytes(3)),
              uuid(rs.getBytes(4)),
              k,
              k.label(),
              rs.getString(6));
        },
        bytes(orgId),
        year);
  }

  /** The pairs who talked in a branch in a year. */
  List<Pair> pairs(UUID orgId, int year) {
    return jdbc.query(
        "SELECT member_low, member_high FROM talk WHERE org_id = ? AND talk_year = ?",
        (rs, n) -> new Pair(uuid(rs.getBytes(1)), uuid(rs.getBytes(2))),
        bytes(orgId),
        year);
  }
}
