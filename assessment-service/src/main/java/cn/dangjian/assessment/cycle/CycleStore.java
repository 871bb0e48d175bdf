package cn.dangjian.assessment.cycle;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.assessment.cycle.CycleViews.CycleOrg;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.scope.DataScope;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** assessment_cycle, cycle_org and cycle_assessor: the cycles, their orgs and assessors. */
@Repository
class CycleStore {

  private static final String CYCLE_COLUMNS =
      "id, name, kind, assess_year, quarter, period_from, period_to, root_org_id, root_path,"
          + " version_id, status, peer_group_by, bottom_percent, indicator_share, ballot_share,"
          + " publication_no, org_count, row_version";

  private static final RowMapper<Cycle> CYCLE =
      (rs, n) ->
          new Cycle(
              uuid(rs.getBytes(1)),
              rs.getString(2),
              CycleKind.valueOf(rs.getString(3)),
              rs.getInt(4),
              rs.getInt(5),
              rs.getObject(6, LocalDate.class),
              rs.getObject(7, LocalDate.class),
              uuid(rs.getBytes(8)),
              rs.getString(9),
              uuid(rs.getBytes(10)),
              rs.getString(11),
              rs.getString(12),
              rs.getBigDecimal(13),
              rs.getBigDecimal(14),
              rs.getBigDecimal(15),
              rs.getInt(16),
              rs.getInt(17),
              rs.getLong(18));

  private final JdbcTemplate jdbc;

  CycleStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- cycles

  void insert(Cycle c, String createdBy, Instant at) {
    jdbc.update(
        "INSERT INTO assessment_cycle (id, name, kind, assess_year, quarter, period_from,"
            + " period_to, root_org_id, root_path, version_id, status, peer_group_by,"
            + " bottom_percent, indicator_share, ballot_share, publication_no, org_count,"
            + " row_version, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        bytes(c.id()),
        c.name(),
        c.kind().name(),
        c.year(),
        c.quarter(),
        c.periodFrom(),
        c.periodTo(),
        bytes(c.rootOrgId()),
        c.rootPath(),
        bytes(c.indicatorVersionId()),
        c.status(),
        c.peerGroupBy(),
        c.bottomPercent(),
        c.indicatorShare(),
        c.ballotShare(),
        c.publicationNo(),
        c.orgCount(),
        c.version(),
        createdBy,
        Timestamp.from(at));
  }

  Optional<Cycle> find(UUID id) {
    return jdbc
        .query("SELECT " + CYCLE_COLUMNS + " FROM assessment_cycle WHERE id = ?", CYCLE, bytes(id))
        .stream()
        .findFirst();
  }

  /**
   * The newest 200 cycles: an assessor's own, or those in a scope (managed there or assessing an
   * org there); none for any other scope.
   */
  List<Cycle> list(OrgFilter filter, Integer year) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT " + CYCLE_COLUMNS + " FROM assessment_cycle c");
    if (filter.isAssessor()) {
      sql.append(
          " WHERE EXISTS (SELECT 1 FROM cycle_assessor a WHERE a.cycle_id = c.id AND a.assessor ="
              + " ?)");
      args.add(filter.assessor());
    } else if (filter.scope().kind() == DataScope.Kind.ALL) {
      sql.append(" WHERE TRUE");
    } else if (filter.scope().kind() == DataScope.Kind.SUBTREE) {
      sql.append(
          " WHERE (c.root_path LIKE ? OR EXISTS (SELECT 1 FROM cycle_org o WHERE o.cycle_id ="
              + " c.id AND o.org_path LIKE ?))");
      args.add(MemberProjection.prefixPattern(filter.scope().pathPrefix()));
      args.add(MemberProjection.prefixPattern(filter.scope().pathPrefix()));
    } else {
      return List.of();
    }
    if (year != null) {
      sql.append(" AND c.assess_year = ?");
      args.add(year);
    }
    sql.append(" ORDER BY c.assess_year DESC, c.created_at DESC LIMIT 200");
    return jdbc.query(sql.toString(), CYCLE, args.toArray());
  }

  /** Serialises changes to one cycle (held until the transaction ends). */
  void lock(UUID id) {
    jdbc.queryForList("SELECT id FROM assessment_cycle WHERE id = ? FOR UPDATE", bytes(id));
  }

  void bump(UUID id) {
    jdbc.update(
        "UPDATE assessment_cycle SET row_version = row_version + 1 WHERE id = ?", bytes(id));
  }

  void setOrgCount(UUID id, int count) {
    jdbc.update("UPDATE assessment_cycle SET org_count = ? WHERE id = ?", count, bytes(id));
  }

  void markComputed(UUID id, Instant at) {
    jdbc.update(
        "UPDATE assessment_cycle SET status = ?, computed_at = ?, row_version = row_version + 1"
            + " WHERE id = ?",
        Cycle.REVIEW,
        Timestamp.from(at),
        bytes(id));
  }

  void reopen(UUID id) {
    jdbc.update(
        "UPDATE assessment_cycle SET status = ?, row_version = row_version + 1 WHERE id = ?",
        Cycle.OPEN,
        bytes(id));
  }

  void markPublished(UUID id, Instant at) {
    jdbc.update(
        "UPDATE assessment_cycle SET status = ?, publication_no = 1, published_at = ?,"
            + " row_version = row_version + 1 WHERE id = ?",
        Cycle.PUBLISHED,
        Timestamp.from(at),
        bytes(id));
  }

  void markRepublished(UUID id, int publicationNo, Instant at) {
    jdbc.update(
        "UPDATE assessment_cycle SET publication_no = ?, published_at = ?, row_version ="
            + " row_version + 1 WHERE id = ?",
        publicationNo,
        Timestamp.from(at),
        bytes(id));
  }

  // --- orgs of a cycle

  /** Every live org of the given types under a path, with its peer group. */
  void addOrgsUnder(UUID cycleId, String rootPath, String peerGroupBy, List<String> orgTypes) {
    List<Object> args = new ArrayList<>();
    args.add(bytes(cycleId));
    args.add(MemberProjection.prefixPattern(rootPath));
    args.addAll(orgTypes);
    jdbc.update(
        "INSERT INTO cycle_org (cycle_id, org_id, org_path, org_name, org_type, peer_group)"
            + " SELECT ?, org_id, path, name, org_type, "
            + peerGroup(peerGroupBy)
            + " FROM proj_org WHERE path LIKE ? AND NOT dissolved AND org_type IN ("
            + String.join(",", Collections.nCopies(orgTypes.size(), "?"))
            + ")",
        args.toArray());
  }

  void addOrg(UUID cycleId, UUID orgId, String peerGroupBy) {
    jdbc.update(
        "INSERT INTO cycle_org (cycle_id, org_id, org_path, org_name, org_type, peer_group)"
            + " SELECT ?, org_id, path, name, org_type, "
            + peerGroup(peerGroupBy)
            + " FROM proj_org WHERE org_id = ?",
        bytes(cycleId),
        bytes(orgId));
  }

  /** The peer group an org is ranked in, as a column expression over proj_org. */
  private static String peerGroup(String peerGroupBy) {
    return switch (peerGroupBy) {
      case "PARENT" -> "LOWER(HEX(COALESCE(parent_id, org_id)))";
      case "ALL" -> "'ALL'";
      default -> "org_type";
    };
  }

  int countOrgs(UUID cycleId) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM cycle_org WHERE cycle_id = ?", Integer.class, bytes(cycleId));
    return count == null ? 0 : count;
  }

  /** Whether an org of the cycle lies under a path. */
  boolean hasOrgUnder(UUID cycleId, String path) {
    return exists(
        "SELECT COUNT(*) FROM cycle_org WHERE cycle_id = ? AND org_path LIKE ?",
        bytes(cycleId),
        MemberProjection.prefixPattern(path));
  }

  /** The orgs the filter lets through, in tree order, with what was entered for each. */
  List<CycleOrg> orgs(UUID cycleId, OrgFilter filter, int limit) {
    List<Object> args = new ArrayList<>();
    args.add(bytes(cycleId));
    String visible = visibleOrgs(filter, args);
    args.add(limit);
    return jdbc.query(
        "SELECT co.org_id, co.org_name, co.org_type, co.peer_group, (SELECT COUNT(*) FROM"
            + " duty_report r WHERE r.cycle_id = co.cycle_id AND r.org_id = co.org_id), (SELECT"
            + " COUNT(*) FROM duty_ballot b WHERE b.cycle_id = co.cycle_id AND b.org_id ="
            + " co.org_id), (SELECT COUNT(*) FROM score_entry s WHERE s.cycle_id = co.cycle_id"
            + " AND s.org_id = co.org_id) FROM cycle_org co WHERE co.cycle_id = ?"
            + visible
            + " ORDER BY co.org_path LIMIT ?",
        (rs, n) ->
            new CycleOrg(
                uuid(rs.getBytes(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5) > 0,
                rs.getInt(6) > 0,
                rs.getInt(7)),
        args.toArray());
  }

  /** Whether the org belongs to the cycle and the filter lets it through. */
  boolean orgVisible(UUID cycleId, UUID orgId, OrgFilter filter) {
    List<Object> args = new ArrayList<>();
    args.add(bytes(cycleId));
    args.add(bytes(orgId));
    String visible = visibleOrgs(filter, args);
    return !jdbc.queryForList(
            "SELECT co.org_id, co.org_path, co.org_name FROM cycle_org co WHERE co.cycle_id = ? AND"
                + " co.org_id = ?"
                + visible,
            args.toArray())
        .isEmpty();
  }

  /** " AND …" limiting cycle_org rows {@code co} to what the filter lets through; adds its args. */
  static String visibleOrgs(OrgFilter filter, List<Object> args) {
    if (filter.isAssessor()) {
      args.add(filter.assessor());
      return " AND EXISTS (SELECT 1 FROM cycle_assessor a WHERE a.cycle_id = co.cycle_id AND"
          + " a.org_id = co.org_id AND a.assessor = ?)";
    }
    DataScope scope = filter.scope();
    return switch (scope.kind()) {
      case ALL -> "";
      case SUBTREE -> {
        args.add(MemberProjection.prefixPattern(scope.pathPrefix()));
        yield " AND co.org_path LIKE ?";
      }
      default -> " AND FALSE";
    };
  }

  // --- assessors

  void assign(UUID cycleId, String assessor, UUID orgId, String assignedBy, Instant at) {
    jdbc.update(
        "INSERT IGNORE INTO cycle_assessor (cycle_id, assessor, org_id, assigned_by,"
            + " assigned_at) VALUES (?,?,?,?,?)",
        bytes(cycleId),
        assessor,
        bytes(orgId),
        assignedBy,
        Timestamp.from(at));
  }

  List<UUID> assessorOrgs(UUID cycleId, String assessor) {
    return jdbc.query(
        "SELECT org_id FROM cycle_assessor WHERE cycle_id = ? AND assessor = ? ORDER BY org_id",
        (rs, n) -> uuid(rs.getBytes(1)),
        bytes(cycleId),
        assessor);
  }

  /** Whether the assessor was assigned at least one org of the cycle. */
  boolean isAssessorOf(UUID cycleId, String assessor) {
    return exists(
        "SELECT COUNT(*) FROM cycle_assessor WHERE cycle_id = ? AND assessor = ?",
        bytes(cycleId),
        assessor);
  }

  /** Whether the assessor was assigned this org of the cycle. */
  boolean isAssessorOf(UUID cycleId, String assessor, UUID orgId) {
    return exists(
        "SELECT COUNT(*) FROM cycle_assessor WHERE cycle_id = ? AND assessor = ? AND org_id = ?",
        bytes(cycleId),
        assessor,
        bytes(orgId));
  }

  private boolean exists(String countSql, Object... args) {
    Integer n = jdbc.queryForObject(countSql, Integer.class, args);
    return n != null && n > 0;
  }
}
