package cn.dangjian.assessment.indicator;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.assessment.indicator.IndicatorRules.Node;
import cn.dangjian.assessment.indicator.IndicatorViews.IndicatorView;
import cn.dangjian.assessment.indicator.IndicatorViews.SystemView;
import cn.dangjian.assessment.indicator.IndicatorViews.VersionSummary;
import cn.dangjian.assessment.indicator.IndicatorViews.VersionView;
import cn.dangjian.platform.persistence.UuidV7;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** indicator_system, indicator_version and indicator: systems, versions and their trees. */
@Repository
class IndicatorStore {

  private final JdbcTemplate jdbc;

  IndicatorStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- systems

  void insertSystem(
      UUID id,
      UUID ownerOrgId,
      String ownerPath,
      String name,
      String description,
      String createdBy,
      Instant at) {
    jdbc.update(
        "INSERT INTO indicator_system (id, owner_org_id, owner_path, name, description, created_by,"
            + " created_at) VALUES (?,?,?,?,?,?,?)",
        bytes(id),
        bytes(ownerOrgId),
        ownerPath,
        name,
        description,
        createdBy,
        Timestamp.from(at));
  }

  Optional<SystemView> system(UUID id) {
    return jdbc
        .query(
            "SELECT id, owner_org_id, name, description FROM indicator_system WHERE id = ?",
            systemMapper(),
            bytes(id))
        .stream()
        .findFirst();
  }

  /**
   * The systems a reader scope reads, newest first, at most 200: filtered in SQL by path so an
   * org's own systems are not crowded out by other counties'.
   */
  List<SystemView> systems(IndicatorReaders.Scope readers) {
    StringBuilder sql =
        new StringBuilder("SELECT id, owner_org_id, name, description FROM indicator_system");
    List<Object> args = new ArrayList<>();
    if (!readers.everything()) {
      // owned inside the caller's subtree, or by an org above the caller's own (it applies to it)
      sql.append(" WHERE owner_path LIKE ?");
      // paths are /uuid/…/uuid/: no LIKE wildcard can occur in them
      args.add(readers.own() + "%");
      for (String ancestor : readers.above()) {
        sql.append(" OR owner_path = ?");
        args.add(ancestor);
      }
    }
    sql.append(" ORDER BY created_at DESC LIMIT 200");
    return jdbc.query(sql.toString(), systemMapper(), args.toArray());
  }

  private RowMapper<SystemView> systemMapper() {
    return (rs, n) ->
        new SystemView(
            uuid(rs.getBytes(1)),
            uuid(rs.getBytes(2)),
            rs.getString(3),
            rs.getString(4),
            versions(uuid(rs.getBytes(1))));
  }

  /** The owner's path, or null for an unknown system. */
  String ownerPath(UUID systemId) {
    List<String> found =
        jdbc.queryForList(
            "SELECT owner_path FROM indicator_system WHERE id = ?", String.class, bytes(systemId));
    return found.isEmpty() ? null : found.get(0);
  }

  /** Serialises new versions of one system. */
  void lockSystem(UUID systemId) {
    jdbc.queryForList("SELECT id FROM indicator_system WHERE id = ? FOR UPDATE", bytes(systemId));
  }

  // --- versions

  private List<VersionSummary> versions(UUID systemId) {
    return jdbc.query(
        "SELECT id, version_no, assess_year, status FROM indicator_version WHERE system_id = ?"
            + " ORDER BY version_no",
        (rs, n) ->
            new VersionSummary(uuid(rs.getBytes(1)), rs.getInt(2), rs.getInt(3), rs.getString(4)),
        bytes(systemId));
  }

  void insertVersion(
      UUID id, UUID systemId, int versionNo, int year, String createdBy, Instant at) {
    jdbc.update(
        "INSERT INTO indicator_version (id, system_id, version_no, assess_year, status,"
            + " row_version, created_by, created_at) VALUES (?,?,?,?,?,?,?,?)",
        bytes(id),
        bytes(systemId),
        versionNo,
        year,
        IndicatorService.DRAFT,
        0L,
        createdBy,
        Timestamp.from(at));
  }

  /** A version without its tree. */
  Optional<VersionView> version(UUID versionId) {
    return jdbc
        .query(
            "SELECT id, system_id, version_no, assess_year, status, row_version FROM"
                + " indicator_version WHERE id = ?",
            (rs, n) ->
                new VersionView(
                    uuid(rs.getBytes(1)),
                    uuid(rs.getBytes(2)),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getString(5),
                    rs.getLong(6),
                    List.of()),
            bytes(versionId))
        .stream()
        .findFirst();
  }

  /** The row version under a lock held until the transaction ends; null for an unknown version. */
  Long lockVersion(UUID versionId) {
    return jdbc.queryForObject(
        "SELECT row_version FROM indicator_version WHERE id = ? FOR UPDATE",
        Long.class,
        bytes(versionId));
  }

  void publish(UUID versionId, String publishedBy, Instant at) {
    jdbc.update(
        "UPDATE indicator_version SET status = ?, published_by = ?, published_at = ?, row_version"
            + " = row_version + 1 WHERE id = ?",
        IndicatorService.PUBLISHED,
        publishedBy,
        Timestamp.from(at),
        bytes(versionId));
  }

  void bump(UUID versionId) {
    jdbc.update(
        "UPDATE indicator_version SET row_version = row_version + 1 WHERE id = ?",
        bytes(versionId));
  }

  // --- trees

  /** The leaves of a version, in tree order. */
  List<Leaf> leaves(UUID versionId) {
    return jdbc.query(
        "SELECT "
            + LeafRows.COLUMNS
            + " FROM indicator i WHERE i.version_id = ? AND i.method <> 'GROUP' ORDER BY"
            + " i.sort_order",
        (rs, n) -> LeafRows.read(rs),
        bytes(versionId));
  }

  void deleteTree(UUID versionId) {
    jdbc.update("DELETE FROM indicator WHERE version_id = ?", bytes(versionId));
  }

  /** Inserts a tree depth-first, numbering the nodes in that order. */
  void insertTree(UUID versionId, List<Entered> roots) {
    insertTree(versionId, null, roots, new int[] {0});
  }

  private void insertTree(UUID versionId, UUID parentId, List<Entered> nodes, int[] order) {
    for (Entered e : nodes) {
      Node n = e.node();
      UUID id = UuidV7.next();
      boolean group = !e.children().isEmpty();
      jdbc.update(
          "INSERT INTO indicator (id, version_id, parent_id, code, name, kind, weight, method,"
              + " scorer, scorer_name, source, sort_order, description) VALUES"
              + " (?,?,?,?,?,?,?,?,?,?,?,?,?)",
          bytes(id),
          bytes(versionId),
          bytes(parentId),
          n.code(),
          n.name(),
          n.kind().name(),
          n.weight(),
          group ? ScoringMethod.GROUP.name() : n.method().name(),
          group || n.scorer() == null ? null : n.scorer().name(),
          group ? null : e.scorerName(),
          group || n.source() == null ? null : n.source().name(),
          order[0]++,
          e.description());
      insertTree(versionId, id, e.children(), order);
    }
  }

  /** A version's tree as stored. */
  List<IndicatorView> tree(UUID versionId) {
    record Row(UUID id, UUID parent, IndicatorView view) {}
    List<Row> rows =
        jdbc.query(
            "SELECT id, parent_id, code, name, kind, weight, method, scorer, scorer_name, source,"
                + " description FROM indicator WHERE version_id = ? ORDER BY sort_order",
            (rs, n) ->
                new Row(
                    uuid(rs.getBytes(1)),
                    uuid(rs.getBytes(2)),
                    new IndicatorView(
                        uuid(rs.getBytes(1)),
                        rs.getString(3),
                        rs.getString(4),
                        IndicatorKind.valueOf(rs.getString(5)),
                        rs.getBigDecimal(6),
                        ScoringMethod.valueOf(rs.getString(7)),
                        rs.getString(8) == null ? null : ScorerKind.valueOf(rs.getString(8)),
                        rs.getString(9),
                        rs.getString(10) == null ? null : AutoSource.valueOf(rs.getString(10)),
                        rs.getString(11),
                        new ArrayList<>())),
            bytes(versionId));
    Map<UUID, IndicatorView> byId = new LinkedHashMap<>();
    rows.forEach(r -> byId.put(r.id(), r.view()));
    List<IndicatorView> roots = new ArrayList<>();
    for (Row r : rows) {
      if (r.parent() == null) {
        roots.add(r.view());
      } else {
        byId.get(r.parent()).children().add(r.view());
      }
    }
    return roots;
  }
}
