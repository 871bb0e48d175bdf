package cn.dangjian.assessment.cycle;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.assessment.cycle.CycleViews.Publication;
import cn.dangjian.assessment.cycle.CycleViews.ResultView;
import cn.dangjian.platform.web.PageResponse;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** cycle_result and cycle_publication: computed results as read and published. */
@Repository
class ResultStore {

  private static final String RESULT_COLUMNS =
      "r.org_id, co.org_name, r.peer_group, r.base_points, r.bonus_points, r.penalty_points,"
          + " r.indicator_score, r.ballot_score, r.combined, r.rank_no, r.peer_size, r.percentile,"
          + " r.grade, r.stars, r.weak_candidate";

  private static final RowMapper<ResultView> RESULT =
      (rs, n) ->
          new ResultView(
              uuid(rs.getBytes(1)),
              rs.getString(2),
              rs.getString(3),
              rs.getBigDecimal(4),
              rs.getBigDecimal(5),
              rs.getBigDecimal(6),
              rs.getBigDecimal(7),
              rs.getBigDecimal(8),
              rs.getBigDecimal(9),
              rs.getInt(10),
              rs.getInt(11),
              rs.getBigDecimal(12),
              rs.getString(13).isEmpty() ? null : Grade.valueOf(rs.getString(13)),
              rs.getString(13).isEmpty() ? null : Grade.valueOf(rs.getString(13)).label(),
              rs.getInt(14),
              rs.getBoolean(15));

  /**
   * What one org's {@code assessment.cycle-published} carries.
   *
   * @param orgPath the org's path (null where only the signature is read)
   */
  record Published(
      UUID orgId,
      String orgPath,
      BigDecimal combined,
      int rank,
      int peerSize,
      BigDecimal percentile,
      String grade,
      int stars,
      boolean weakCandidate) {

    /** Equal signatures: nothing an org was told changed. */
    String signature() {
      return combined
          + "|"
          + rank
          + "|"
          + peerSize
          + "|"
          + percentile
          + "|"
          + grade
          + "|"
          + stars
          + "|"
          + weakCandidate;
    }
  }

  private final JdbcTemplate jdbc;

  ResultStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One page of results in rank order within peer groups, limited by the filter. */
  PageResponse<ResultView> page(
      UUID cycleId, OrgFilter filter, String peerGroup, boolean weakOnly, int page, int size) {
    List<Object> args = new ArrayList<>();
    args.add(bytes(cycleId));
    StringBuilder where =
        new StringBuilder(
            " FROM cycle_result r JOIN cycle_org co ON co.cycle_id = r.cycle_id AND co.org_id ="
                + " r.org_id WHERE r.cycle_id = ?");
    where.append(CycleStore.visibleOrgs(filter, args));
    if (peerGroup != null) {
      where.append(" AND r.peer_group = ?");
      args.add(peerGroup);
    }
    if (weakOnly) {
      where.append(" AND r.weak_candidate");
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(size);
    pageArgs.add((long) page * size);
    List<ResultView> items =
        jdbc.query(
            "SELECT "
                + RESULT_COLUMNS
                + where
                + " ORDER BY r.peer_group, r.rank_no, r.org_id LIMIT ? OFFSET ?",
            RESULT,
            pageArgs.toArray());
    long t = total == null ? 0 : total;
    return PageResponse.of(items, page, size, t);
  }

  /** An org's result, or null before the cycle was computed. */
  ResultView result(UUID cycleId, UUID orgId) {
    return jdbc
        .query(
            "SELECT "
                + RESULT_COLUMNS
                + " FROM cycle_result r JOIN cycle_org co ON co.cycle_id = r.cycle_id AND"
                + " co.org_id = r.org_id WHERE r.cycle_id = ? AND r.org_id = ?",
            RESULT,
            bytes(cycleId),
            bytes(orgId))
        .stream()
        .findFirst()
        .orElse(null);
  }

  /** Every org's result with its path, as published. */
  List<Published> published(UUID cycleId) {
    return jdbc.query(
        "SELECT r.org_id, co.org_path, r.combined, r.rank_no, r.peer_size, r.percentile, r.grade,"
            + " r.stars, r.weak_candidate FROM cycle_result r JOIN cycle_org co ON co.cycle_id ="
            + " r.cycle_id AND co.org_id = r.org_id WHERE r.cycle_id = ?",
        (rs, n) -> published(rs),
        bytes(cycleId));
  }

  /** Each org's {@link Published#signature()} as the results stand now. */
  Map<UUID, String> signatures(UUID cycleId) {
    Map<UUID, String> result = new HashMap<>();
    jdbc.query(
        "SELECT r.org_id, NULL, r.combined, r.rank_no, r.peer_size, r.percentile, r.grade,"
            + " r.stars, r.weak_candidate FROM cycle_result r WHERE r.cycle_id = ?",
        rs -> {
          Published p = published(rs);
          result.put(p.orgId(), p.signature());
        },
        bytes(cycleId));
    return result;
  }

  private static Published published(ResultSet rs) throws SQLException {
    return new Published(
        uuid(rs.getBytes(1)),
        rs.getString(2),
        rs.getBigDecimal(3),
        rs.getInt(4),
        rs.getInt(5),
        rs.getBigDecimal(6),
        rs.getString(7),
        rs.getInt(8),
        rs.getBoolean(9));
  }

  void recordPublication(
      UUID cycleId,
      int publicationNo,
      String reason,
      int changedOrgs,
      String publishedBy,
      Instant at) {
    jdbc.update(
        "INSERT INTO cycle_publication (cycle_id, publication_no, reason, changed_orgs,"
            + " published_by, published_at) VALUES (?,?,?,?,?,?)",
        bytes(cycleId),
        publicationNo,
        reason,
        changedOrgs,
        publishedBy,
        Timestamp.from(at));
  }

  List<Publication> publications(UUID cycleId) {
    return jdbc.query(
        "SELECT publication_no, reason, changed_orgs, published_by, published_at FROM"
            + " cycle_publication WHERE cycle_id = ? ORDER BY publication_no",
        (rs, n) ->
            new Publication(
                rs.getInt(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant().toString()),
        bytes(cycleId));
  }
}
