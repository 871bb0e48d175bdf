package cn.dangjian.assessment.indicator;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.assessment.Access;
import cn.dangjian.assessment.indicator.IndicatorRules.Node;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.security.Roles;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Indicator systems and their versioned trees; a published version never changes. */
@Service
public class IndicatorService {

  public static final String DRAFT = "DRAFT";
  public static final String PUBLISHED = "PUBLISHED";

  private final JdbcTemplate jdbc;
  private final Access access;
  private final IndicatorReaders readers;
  private final Clock clock;

  IndicatorService(JdbcTemplate jdbc, Access access, IndicatorReaders readers, Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.readers = readers;
    this.clock = clock;
  }

  @Schema(description = "指标 (an indicator and its children)")
  public record IndicatorView(
      UUID id,
      String code,
      String name,
      IndicatorKind kind,
      BigDecimal weight,
      ScoringMethod method,
      ScorerKind scorer,
      String scorerName,
      AutoSource source,
      String description,
      List<IndicatorView> children) {}

  @Schema(description = "指标体系版本 (a version of an indicator system)")
  public record VersionView(
      UUID id,
      UUID systemId,
      int versionNo,
      int year,
      @Schema(description = "DRAFT 草稿 / PUBLISHED 已发布（不可修改）") String status,
      long rowVersion,
      List<IndicatorView> indicators) {}

  @Schema(description = "指标体系 (an indicator system with its versions)")
  public record SystemView(
      UUID id, UUID ownerOrgId, String name, String description, List<VersionSummary> versions) {}

  @Schema(description = "版本摘要 (version summary)")
  public record VersionSummary(UUID id, int versionNo, int year, String status) {}

  /** A leaf as scoring needs it. */
  public record Leaf(
      UUID id,
      String code,
      String name,
      IndicatorKind kind,
      BigDecimal weight,
      ScoringMethod method,
      ScorerKind scorer,
      AutoSource source) {}

  /** An entered node with its display-only fields. */
  public record Entered(Node node, String scorerName, String description, List<Entered> children) {}

  @Transactional
  public SystemView create(UUID ownerOrgId, String name, String description, int year) {
    ProjectedOrg owner = manageableOrg(ownerOrgId);
    UUID id = UuidV7.next();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update(
        "INSERT INTO indicator_system (id, owner_org_id, owner_path, name, description, created_by,"
            + " created_at) VALUES (?,?,?,?,?,?,?)",
        bytes(id),
        bytes(owner.orgId()),
        owner.path(),
        name,
        description,
        access.username(),
        now);
    insertVersion(id, 1, year);
    return system(id);
  }

  @Transactional(readOnly = true)
  public SystemView system(UUID id) {
    List<SystemView> found =
        jdbc.query(
            "SELECT id, owner_org_id, name, description FROM indicator_system WHERE id = ?",
            (rs, n) ->
                new SystemView(
                    uuid(rs.getBytes(1)),
                    uuid(rs.getBytes(2)),
                    rs.getString(3),
                    rs.getString(4),
                    versions(uuid(rs.getBytes(1)))),
            bytes(id));
    return found.stream()
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("indicator.system-not-found", id));
  }

  /**
   * The systems the caller may read ({@link IndicatorReaders}); newest first, at most 200. Filtered
   * in SQL by path so an org's own systems are not crowded out by other counties'.
   */
  @Transactional(readOnly = true)
  public List<SystemView> systems() {
    IndicatorReaders.Scope readers = this.readers.ofCaller();
    if (readers.nothing()) {
      return List.of();
    }
    StringBuilder sql =
        new StringBuilder("SELECT id, owner_org_id, name, description FROM indicator_system");
    List<Object> args = new java.util.ArrayList<>();
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
    return jdbc.query(
        sql.toString(),
        (rs, n) ->
            new SystemView(
                uuid(rs.getBytes(1)),
                uuid(rs.getBytes(2)),
                rs.getString(3),
                rs.getString(4),
                versions(uuid(rs.getBytes(1)))),
        args.toArray());
  }

  /** A system, if the caller may read it; 404 otherwise (no hint that it exists). */
  @Transactional(readOnly = true)
  public SystemView readableSystem(UUID id) {
    if (!readers.ofCaller().reads(ownerPath(id))) {
      throw ProblemException.notFound("indicator.system-not-found", id);
    }
    return system(id);
  }

  /** A version with its tree, if the caller may read its system; 404 otherwise. */
  @Transactional(readOnly = true)
  public VersionView readableVersion(UUID versionId) {
    VersionView v = version(versionId);
    if (!readers.ofCaller().reads(ownerPath(v.systemId()))) {
      throw ProblemException.notFound("indicator.version-not-found", versionId);
    }
    return v;
  }

  private String ownerPath(UUID systemId) {
    List<String> found =
        jdbc.queryForList(
            "SELECT owner_path FROM indicator_system WHERE id = ?", String.class, bytes(systemId));
    return found.isEmpty() ? null : found.get(0);
  }

  private List<VersionSummary> versions(UUID systemId) {
    return jdbc.query(
        "SELECT id, version_no, assess_year, status FROM indicator_version WHERE system_id = ?"
            + " ORDER BY version_no",
        (rs, n) ->
            new VersionSummary(uuid(rs.getBytes(1)), rs.getInt(2), rs.getInt(3), rs.getString(4)),
        bytes(systemId));
  }

  /** A new draft version for a year, starting from a copy of the latest version's tree. */
  @Transactional
  public VersionView newVersion(UUID systemId, int year) {
    SystemView system = system(systemId);
    manageableOrg(system.ownerOrgId());
    jdbc.queryForList("SELECT id FROM indicator_system WHERE id = ? FOR UPDATE", bytes(systemId));
    VersionSummary latest = system.versions().get(system.versions().size() - 1);
    UUID id = insertVersion(systemId, latest.versionNo() + 1, year);
    List<Entered> tree = entered(tree(latest.id()));
    insertTree(id, null, tree);
    return version(id);
  }

  @Transactional(readOnly = true)
  public VersionView version(UUID versionId) {
    List<VersionView> found =
        jdbc.query(
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
            bytes(versionId));
    VersionView v =
        found.stream()
            .findFirst()
            .orElseThrow(() -> ProblemException.notFound("indicator.version-not-found", versionId));
    return new VersionView(
        v.id(), v.systemId(), v.versionNo(), v.year(), v.status(), v.rowVersion(), tree(v.id()));
  }

  /** Replaces a draft's whole tree (optimistic: the caller's row version must be current). */
  @Transactional
  public VersionView replaceTree(UUID versionId, long expected, List<Entered> roots) {
    VersionView v = lockedDraft(versionId, expected);
    IndicatorRules.checkShape(roots.stream().map(Entered::node).toList());
    jdbc.update("DELETE FROM indicator WHERE version_id = ?", bytes(v.id()));
    insertTree(v.id(), null, roots);
    bump(v.id());
    return version(v.id());
  }

  /** Publishes a draft: its weights must add up; from now on it is immutable. */
  @Transactional
  public VersionView publish(UUID versionId, long expected) {
    VersionView v = lockedDraft(versionId, expected);
    IndicatorRules.checkWeightsAddUp(nodes(v.indicators()));
    jdbc.update(
        "UPDATE indicator_version SET status = ?, published_by = ?, published_at = ?, row_version"
            + " = row_version + 1 WHERE id = ?",
        PUBLISHED,
        access.username(),
        Timestamp.from(clock.instant()),
        bytes(v.id()));
    return version(v.id());
  }

  /** The leaves of a version, in tree order. */
  public List<Leaf> leaves(UUID versionId) {
    return jdbc.query(
        "SELECT i.id, i.code, i.name, i.kind, i.weight, i.method, i.scorer, i.source FROM indicator"
            + " i WHERE i.version_id = ? AND i.method <> 'GROUP' ORDER BY i.sort_order",
        (rs, n) ->
            new Leaf(
                uuid(rs.getBytes(1)),
                rs.getString(2),
                rs.getString(3),
                IndicatorKind.valueOf(rs.getString(4)),
                rs.getBigDecimal(5),
                ScoringMethod.valueOf(rs.getString(6)),
                rs.getString(7) == null ? null : ScorerKind.valueOf(rs.getString(7)),
                rs.getString(8) == null ? null : AutoSource.valueOf(rs.getString(8))),
        bytes(versionId));
  }

  private VersionView lockedDraft(UUID versionId, long expected) {
    VersionView v = version(versionId);
    SystemView system = system(v.systemId());
    manageableOrg(system.ownerOrgId());
    Long current =
        jdbc.queryForObject(
            "SELECT row_version FROM indicator_version WHERE id = ? FOR UPDATE",
            Long.class,
            bytes(versionId));
    if (current == null || current != expected) {
      throw ProblemException.preconditionFailed();
    }
    if (!DRAFT.equals(v.status())) {
      throw ProblemException.businessRule(
          "published-version-is-immutable", "indicator.rule.published-immutable", v.versionNo());
    }
    return v;
  }

  private void bump(UUID versionId) {
    jdbc.update(
        "UPDATE indicator_version SET row_version = row_version + 1 WHERE id = ?",
        bytes(versionId));
  }

  private ProjectedOrg manageableOrg(UUID orgId) {
    if (!access.caller().hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY)) {
      throw ProblemException.forbidden("indicator.rule.manage-role");
    }
    return access.orgInScope(orgId);
  }

  private UUID insertVersion(UUID systemId, int versionNo, int year) {
    UUID id = UuidV7.next();
    jdbc.update(
        "INSERT INTO indicator_version (id, system_id, version_no, assess_year, status,"
            + " row_version, created_by, created_at) VALUES (?,?,?,?,?,?,?,?)",
        bytes(id),
        bytes(systemId),
        versionNo,
        year,
        DRAFT,
        0L,
        access.username(),
        Timestamp.from(Instant.now(clock)));
    return id;
  }

  private int insertTree(UUID versionId, UUID parentId, List<Entered> nodes) {
    int[] order = {0};
    insertTree(versionId, parentId, nodes, order);
    return order[0];
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

  private List<IndicatorView> tree(UUID versionId) {
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

  private static List<Node> nodes(List<IndicatorView> views) {
    return views.stream()
        .map(
            v ->
                new Node(
                    v.code(),
                    v.name(),
                    v.kind(),
                    v.weight(),
                    v.method(),
                    v.scorer(),
                    v.source(),
                    nodes(v.children())))
        .toList();
  }

  private static List<Entered> entered(List<IndicatorView> views) {
    return views.stream()
        .map(
            v ->
                new Entered(
                    new Node(
                        v.code(),
                        v.name(),
                        v.kind(),
                        v.weight(),
                        v.method(),
                        v.scorer(),
                        v.source(),
                        nodes(v.children())),
                    v.scorerName(),
                    v.description(),
                    entered(v.children())))
        .toList();
  }
}
