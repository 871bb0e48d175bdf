package cn.dangjian.assessment.cycle;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.assessment.Access;
import cn.dangjian.assessment.AssessmentProperties;
import cn.dangjian.assessment.accountability.AccountabilityService;
import cn.dangjian.assessment.indicator.IndicatorKind;
import cn.dangjian.assessment.indicator.IndicatorService;
import cn.dangjian.assessment.indicator.IndicatorService.Leaf;
import cn.dangjian.assessment.indicator.IndicatorService.VersionView;
import cn.dangjian.assessment.indicator.ScorerKind;
import cn.dangjian.assessment.indicator.ScoringMethod;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.assessment.CyclePublished;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.Roles;
import cn.dangjian.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessment cycles: open for a set of orgs → automatic scores → manual scores by the assigned
 * scorers → 述职报告 → 述职评议 ballots → combined score and ranking → review → publish; corrections after
 * publish are audited re-publications.
 */
@Service
public class CycleService {

  static final String CYCLE_COLUMNS =
      "id, name, kind, assess_year, quarter, period_from, period_to, root_org_id, root_path,"
          + " version_id, status, peer_group_by, bottom_percent, indicator_share, ballot_share,"
          + " publication_no, org_count, row_version";

  static final RowMapper<Cycle> CYCLE =
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

  private static final int MAX_LISTED_ORGS = 5000;

  private final JdbcTemplate jdbc;
  private final Access access;
  private final IndicatorService indicators;
  private final Scoring scoring;
  private final AccountabilityService accountability;
  private final DomainEventPublisher events;
  private final AssessmentProperties properties;
  private final Clock clock;

  CycleService(
      JdbcTemplate jdbc,
      Access access,
      IndicatorService indicators,
      Scoring scoring,
      AccountabilityService accountability,
      DomainEventPublisher events,
      AssessmentProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.indicators = indicators;
    this.scoring = scoring;
    this.accountability = accountability;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /** What opening a cycle needs. */
  public record Opening(
      String name,
      CycleKind kind,
      int year,
      Integer quarter,
      UUID rootOrgId,
      List<UUID> orgIds,
      UUID indicatorVersionId,
      String peerGroupBy,
      BigDecimal bottomPercent) {}

  @Schema(description = "周期中的一个组织 (an org of a cycle)")
  public record CycleOrg(
      UUID orgId,
      String name,
      String orgType,
      String peerGroup,
      boolean reportSubmitted,
      boolean ballotEntered,
      int scored) {}

  @Schema(description = "一项指标得分及依据 (a score with its evidence)")
  public record ScoreView(
      UUID indicatorId,
      String code,
      String name,
      IndicatorKind kind,
      BigDecimal weight,
      ScoringMethod method,
      ScorerKind scorer,
      BigDecimal points,
      String evidence,
      String origin,
      String scoredBy) {}

  @Schema(description = "组织考核结果 (an org's result)")
  public record ResultView(
      UUID orgId,
      String orgName,
      String peerGroup,
      BigDecimal basePoints,
      BigDecimal bonusPoints,
      BigDecimal penaltyPoints,
      BigDecimal indicatorScore,
      BigDecimal ballotScore,
      @Schema(description = "综合得分") BigDecimal combined,
      @Schema(description = "同类组织中的名次") int rank,
      int peerGroupSize,
      @Schema(description = "百分位，100为最好") BigDecimal percentile,
      Grade grade,
      String gradeLabel,
      int stars,
      @Schema(description = "软弱涣散候选（后X%）") boolean weakCandidate) {}

  @Schema(description = "组织考核结果详情 (an org's result with scores and 整改清单)")
  public record OrgResult(
      UUID cycleId,
      String cycleStatus,
      int publicationNo,
      ResultView result,
      List<ScoreView> scores,
      String report,
      Map<String, Integer> ballots,
      List<RectificationItem> rectification) {}

  @Schema(description = "整改清单条目 (a rectification item)")
  public record RectificationItem(String key, String text, String origin) {}

  @Schema(description = "一次发布或更正发布 (a publication)")
  public record Publication(
      int publicationNo, String reason, int changedOrgs, String publishedBy, String publishedAt) {}

  // --- opening and reading

  @Transactional
  public Cycle open(Opening o) {
    Caller c = access.caller();
    if (!c.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY)) {
      throw ProblemException.forbidden("cycle.rule.manage-role");
    }
    ProjectedOrg root = access.orgInScope(o.rootOrgId());
    VersionView version = indicators.version(o.indicatorVersionId());
    if (!IndicatorService.PUBLISHED.equals(version.status())) {
      throw ProblemException.businessRule(
          "cycle-needs-published-version", "cycle.rule.version-published");
    }
    CycleRules.Period period = CycleRules.period(o.kind(), o.year(), o.quarter());
    String peerGroupBy = o.peerGroupBy() == null ? "ORG_TYPE" : o.peerGroupBy();
    BigDecimal bottom =
        o.bottomPercent() == null ? properties.getBottomPercent() : o.bottomPercent();
    UUID id = UuidV7.next();
    jdbc.update(
        "INSERT INTO assessment_cycle (id, name, kind, assess_year, quarter, period_from,"
            + " period_to, root_org_id, root_path, version_id, status, peer_group_by,"
            + " bottom_percent, indicator_share, ballot_share, publication_no, org_count,"
            + " row_version, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        bytes(id),
        o.name(),
        o.kind().name(),
        o.year(),
        o.kind() == CycleKind.ANNUAL ? 0 : o.quarter(),
        period.from(),
        period.to(),
        bytes(root.orgId()),
        root.path(),
        bytes(version.id()),
        Cycle.OPEN,
        peerGroupBy,
        bottom,
        properties.getIndicatorShare(),
        properties.getBallotShare(),
        0,
        0,
        0L,
        c.username(),
        Timestamp.from(clock.instant()));
    String peer =
        switch (peerGroupBy) {
          case "PARENT" -> "LOWER(HEX(COALESCE(parent_id, org_id)))";
          case "ALL" -> "'ALL'";
          default -> "org_type";
        };
    if (o.orgIds() == null || o.orgIds().isEmpty()) {
      List<Object> args = new ArrayList<>();
      args.add(bytes(id));
      args.add(MemberProjection.prefixPattern(root.path()));
      args.addAll(properties.getAssessedOrgTypes());
      jdbc.update(
          "INSERT INTO cycle_org (cycle_id, org_id, org_path, org_name, org_type, peer_group)"
              + " SELECT ?, org_id, path, name, org_type, "
              + peer
              + " FROM proj_org WHERE path LIKE ? AND NOT dissolved AND org_type IN ("
              + String.join(",", Collections.nCopies(properties.getAssessedOrgTypes().size(), "?"))
              + ")",
          args.toArray());
    } else {
      for (UUID orgId : o.orgIds().stream().distinct().toList()) {
        ProjectedOrg org = access.orgInScope(orgId);
        if (!org.path().startsWith(root.path())) {
          throw ProblemException.businessRule(
              "cycle-orgs-under-root", "cycle.rule.orgs-under-root", orgId);
        }
        jdbc.update(
            "INSERT INTO cycle_org (cycle_id, org_id, org_path, org_name, org_type, peer_group)"
                + " SELECT ?, org_id, path, name, org_type, "
                + peer
                + " FROM proj_org WHERE org_id = ?",
            bytes(id),
            bytes(orgId));
      }
    }
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM cycle_org WHERE cycle_id = ?", Integer.class, bytes(id));
    if (count == null || count == 0) {
      throw ProblemException.businessRule("cycle-needs-orgs", "cycle.rule.needs-orgs");
    }
    jdbc.update("UPDATE assessment_cycle SET org_count = ? WHERE id = ?", count, bytes(id));
    return get(id);
  }

  /** A cycle the caller may see: in scope, or an assessor with at least one assigned org. */
  @Transactional(readOnly = true)
  public Cycle get(UUID id) {
    Cycle cycle =
        jdbc
            .query(
                "SELECT " + CYCLE_COLUMNS + " FROM assessment_cycle WHERE id = ?", CYCLE, bytes(id))
            .stream()
            .findFirst()
            .orElseThrow(() -> ProblemException.notFound("cycle.not-found", id));
    if (access.isAssessor()) {
      Integer assigned =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM cycle_assessor WHERE cycle_id = ? AND assessor = ?",
              Integer.class,
              bytes(id),
              access.username());
      if (assigned == null || assigned == 0) {
        throw ProblemException.notFound("cycle.not-found", id);
      }
      return cycle;
    }
    DataScope scope = access.scope();
    // the cycle's managers see it; so does each assessed org (its own result)
    boolean visible =
        scope.coversPath(cycle.rootPath())
            || scope
                .pathFilter()
                .map(
                    p ->
                        exists(
                            "SELECT COUNT(*) FROM cycle_org WHERE cycle_id = ? AND org_path LIKE ?",
                            bytes(id),
                            MemberProjection.prefixPattern(p)))
                .orElse(false);
    if (!visible) {
      throw ProblemException.notFound("cycle.not-found", id);
    }
    return cycle;
  }

  @Transactional(readOnly = true)
  public List<Cycle> list(Integer year) {
    DataScope scope = access.scope();
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT " + CYCLE_COLUMNS + " FROM assessment_cycle c");
    if (access.isAssessor()) {
      sql.append(
          " WHERE EXISTS (SELECT 1 FROM cycle_assessor a WHERE a.cycle_id = c.id AND a.assessor ="
              + " ?)");
      args.add(access.username());
    } else if (scope.kind() == DataScope.Kind.ALL) {
      sql.append(" WHERE TRUE");
    } else if (scope.kind() == DataScope.Kind.SUBTREE) {
      sql.append(
          " WHERE (c.root_path LIKE ? OR EXISTS (SELECT 1 FROM cycle_org o WHERE o.cycle_id ="
              + " c.id AND o.org_path LIKE ?))");
      args.add(MemberProjection.prefixPattern(scope.pathPrefix()));
      args.add(MemberProjection.prefixPattern(scope.pathPrefix()));
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

  /** The orgs of a cycle the caller may see (an assessor: only the ones assigned to it). */
  @Transactional(readOnly = true)
  public List<CycleOrg> orgs(UUID cycleId) {
    Cycle cycle = get(cycleId);
    List<Object> args = new ArrayList<>();
    args.add(bytes(cycle.id()));
    String filter = visibleOrgsFilter(args);
    args.add(MAX_LISTED_ORGS);
    return jdbc.query(
        "SELECT co.org_id, co.org_name, co.org_type, co.peer_group, (SELECT COUNT(*) FROM"
            + " duty_report r WHERE r.cycle_id = co.cycle_id AND r.org_id = co.org_id), (SELECT"
            + " COUNT(*) FROM duty_ballot b WHERE b.cycle_id = co.cycle_id AND b.org_id ="
            + " co.org_id), (SELECT COUNT(*) FROM score_entry s WHERE s.cycle_id = co.cycle_id"
            + " AND s.org_id = co.org_id) FROM cycle_org co WHERE co.cycle_id = ?"
            + filter
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

  /** " AND …" limiting cycle_org rows {@code co} to what the caller sees; adds its arguments. */
  private String visibleOrgsFilter(List<Object> args) {
    if (access.isAssessor()) {
      args.add(access.username());
      return " AND EXISTS (SELECT 1 FROM cycle_assessor a WHERE a.cycle_id = co.cycle_id AND"
          + " a.org_id = co.org_id AND a.assessor = ?)";
    }
    DataScope scope = access.scope();
    return switch (scope.kind()) {
      case ALL -> "";
      case SUBTREE -> {
        args.add(MemberProjection.prefixPattern(scope.pathPrefix()));
        yield " AND co.org_path LIKE ?";
      }
      default -> " AND FALSE";
    };
  }

  /** The org's row of the cycle, if the caller may see it; 404 otherwise. */
  private Map<String, Object> visibleOrg(Cycle cycle, UUID orgId) {
    List<Object> args = new ArrayList<>();
    args.add(bytes(cycle.id()));
    args.add(bytes(orgId));
    String filter = visibleOrgsFilter(args);
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT co.org_id, co.org_path, co.org_name FROM cycle_org co WHERE co.cycle_id = ? AND"
                + " co.org_id = ?"
                + filter,
            args.toArray());
    if (rows.isEmpty()) {
      throw ProblemException.notFound("cycle.org-not-found", orgId);
    }
    return rows.get(0);
  }

  // --- assessors

  @Transactional
  public List<UUID> assignAssessor(UUID cycleId, String assessor, List<UUID> orgIds) {
    Cycle cycle = managed(cycleId);
    requireStatus(cycle, Cycle.OPEN);
    for (UUID orgId : orgIds) {
      visibleOrg(cycle, orgId);
      jdbc.update(
          "INSERT IGNORE INTO cycle_assessor (cycle_id, assessor, org_id, assigned_by,"
              + " assigned_at) VALUES (?,?,?,?,?)",
          bytes(cycle.id()),
          assessor,
          bytes(orgId),
          access.username(),
          Timestamp.from(clock.instant()));
    }
    return jdbc.query(
        "SELECT org_id FROM cycle_assessor WHERE cycle_id = ? AND assessor = ? ORDER BY org_id",
        (rs, n) -> uuid(rs.getBytes(1)),
        bytes(cycle.id()),
        assessor);
  }

  // --- scoring

  @Transactional
  public int automaticScores(UUID cycleId, LocalDate asOf) {
    Cycle cycle = managed(cycleId);
    requireStatus(cycle, Cycle.OPEN);
    LocalDate day = asOf == null ? LocalDate.now(clock.withZone(properties.getZone())) : asOf;
    scoring.automatic(cycle, indicators.leaves(cycle.indicatorVersionId()), day);
    bump(cycle);
    return cycle.orgCount();
  }

  /** A manual score by the scorer the indicator names; 0 ≤ points ≤ the indicator's weight. */
  @Transactional
  public ScoreView score(
      UUID cycleId, UUID orgId, UUID indicatorId, BigDecimal points, String evidence) {
    Cycle cycle = get(cycleId);
    requireStatus(cycle, Cycle.OPEN);
    Leaf leaf = leaf(cycle, indicatorId);
    if (leaf.method() != ScoringMethod.MANUAL) {
      throw ProblemException.businessRule(
          "automatic-indicator-is-computed", "cycle.rule.automatic-computed", leaf.name());
    }
    checkScorer(cycle, orgId, leaf);
    checkPoints(leaf, points);
    upsertScore(cycle, orgId, leaf, points, evidence, "MANUAL");
    return scores(cycle, orgId).stream()
        .filter(s -> s.indicatorId().equals(indicatorId))
        .findFirst()
        .orElseThrow();
  }

  private void checkScorer(Cycle cycle, UUID orgId, Leaf leaf) {
    Caller c = access.caller();
    if (leaf.scorer() == ScorerKind.ASSESSOR) {
      if (!c.hasRole(Roles.ASSESSOR)) {
        throw ProblemException.forbidden("cycle.rule.assessor-scores", leaf.name());
      }
      if (!exists(
          "SELECT COUNT(*) FROM cycle_assessor WHERE cycle_id = ? AND assessor = ? AND org_id = ?",
          bytes(cycle.id()),
          c.username(),
          bytes(orgId))) {
        throw ProblemException.notFound("cycle.org-not-found", orgId);
      }
      return;
    }
    if (!c.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY, Roles.PARTY_WORKER)) {
      throw ProblemException.forbidden("cycle.rule.department-scores", leaf.name());
    }
    visibleOrg(cycle, orgId);
    access.orgAssessedByCaller(orgId);
  }

  private static void checkPoints(Leaf leaf, BigDecimal points) {
    if (points.signum() < 0 || points.compareTo(leaf.weight()) > 0) {
      throw ProblemException.businessRule(
          "points-within-weight",
          "cycle.rule.points-within-weight",
          leaf.name(),
          leaf.weight().stripTrailingZeros().toPlainString());
    }
  }

  private void upsertScore(
      Cycle cycle, UUID orgId, Leaf leaf, BigDecimal points, String evidence, String origin) {
    jdbc.update(
        "INSERT INTO score_entry (cycle_id, org_id, indicator_id, points, evidence, origin,"
            + " scored_by, scored_at) VALUES (?,?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE points ="
            + " VALUES(points), evidence = VALUES(evidence), origin = VALUES(origin), scored_by ="
            + " VALUES(scored_by), scored_at = VALUES(scored_at)",
        bytes(cycle.id()),
        bytes(orgId),
        bytes(leaf.id()),
        points,
        evidence == null ? "" : evidence,
        origin,
        access.username(),
        Timestamp.from(clock.instant()));
  }

  private Leaf leaf(Cycle cycle, UUID indicatorId) {
    return indicators.leaves(cycle.indicatorVersionId()).stream()
        .filter(l -> l.id().equals(indicatorId))
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("indicator.not-found", indicatorId));
  }

  // --- 述职报告 and 述职评议

  /** The org's own secretary submits its 述职报告 while the cycle is open. */
  @Transactional
  public void report(UUID cycleId, UUID orgId, String text) {
    Cycle cycle = get(cycleId);
    requireStatus(cycle, Cycle.OPEN);
    Caller c = access.caller();
    visibleOrg(cycle, orgId);
    if (!c.hasRole(Roles.SECRETARY) || !c.orgId().map(orgId::equals).orElse(false)) {
      throw ProblemException.forbidden("cycle.rule.report-by-secretary");
    }
    jdbc.update(
        "INSERT INTO duty_report (cycle_id, org_id, report_text, submitted_by, submitted_at)"
            + " VALUES (?,?,?,?,?) ON DUPLICATE KEY UPDATE report_text = VALUES(report_text),"
            + " submitted_by = VALUES(submitted_by), submitted_at = VALUES(submitted_at)",
        bytes(cycle.id()),
        bytes(orgId),
        text,
        c.username(),
        Timestamp.from(clock.instant()));
  }

  /** The 述职评议 ballots, entered from above once the report is in. */
  @Transactional
  public BigDecimal ballot(
      UUID cycleId, UUID orgId, int good, int fairlyGood, int average, int poor) {
    Cycle cycle = get(cycleId);
    requireStatus(cycle, Cycle.OPEN);
    if (!access.caller().hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY, Roles.PARTY_WORKER)) {
      throw ProblemException.forbidden("cycle.rule.ballot-from-above");
    }
    visibleOrg(cycle, orgId);
    access.orgAssessedByCaller(orgId);
    if (!exists(
        "SELECT COUNT(*) FROM duty_report WHERE cycle_id = ? AND org_id = ?",
        bytes(cycle.id()),
        bytes(orgId))) {
      throw ProblemException.businessRule(
          "report-before-ballot", "cycle.rule.report-before-ballot");
    }
    BigDecimal score =
        CycleRules.ballotScore(good, fairlyGood, average, poor, properties.getBallotPoints());
    jdbc.update(
        "INSERT INTO duty_ballot (cycle_id, org_id, good, fairly_good, average, poor,"
            + " ballot_score, entered_by, entered_at) VALUES (?,?,?,?,?,?,?,?,?) ON DUPLICATE KEY"
            + " UPDATE good = VALUES(good), fairly_good = VALUES(fairly_good), average ="
            + " VALUES(average), poor = VALUES(poor), ballot_score = VALUES(ballot_score),"
            + " entered_by = VALUES(entered_by), entered_at = VALUES(entered_at)",
        bytes(cycle.id()),
        bytes(orgId),
        good,
        fairlyGood,
        average,
        poor,
        score,
        access.username(),
        Timestamp.from(clock.instant()));
    return score;
  }

  // --- compute, review, publish

  /** Combined scores, ranks, grades, bottom band and 整改清单; the cycle goes to review. */
  @Transactional
  public Cycle compute(UUID cycleId, long expected) {
    Cycle cycle = managed(cycleId);
    checkVersion(cycle, expected);
    requireStatus(cycle, Cycle.OPEN);
    long missing = scoring.missingManualScores(cycle);
    if (missing > 0) {
      throw ProblemException.businessRule(
          "manual-scores-missing", "cycle.rule.manual-missing", missing);
    }
    scoring.compute(cycle);
    jdbc.update(
        "UPDATE assessment_cycle SET status = ?, computed_at = ?, row_version = row_version + 1"
            + " WHERE id = ?",
        Cycle.REVIEW,
        Timestamp.from(clock.instant()),
        bytes(cycle.id()));
    return get(cycleId);
  }

  /** Back from review to scoring (the reviewer found something to fix). */
  @Transactional
  public Cycle reopen(UUID cycleId, long expected) {
    Cycle cycle = managed(cycleId);
    checkVersion(cycle, expected);
    requireStatus(cycle, Cycle.REVIEW);
    jdbc.update(
        "UPDATE assessment_cycle SET status = ?, row_version = row_version + 1 WHERE id = ?",
        Cycle.OPEN,
        bytes(cycle.id()));
    return get(cycleId);
  }

  /** A reviewer's own item on an org's 整改清单 (during review). */
  @Transactional
  public void addRectification(UUID cycleId, UUID orgId, String text) {
    Cycle cycle = managed(cycleId);
    requireStatus(cycle, Cycle.REVIEW);
    visibleOrg(cycle, orgId);
    jdbc.update(
        "INSERT INTO rectification_item (cycle_id, org_id, item_key, item_text, origin,"
            + " created_by) VALUES (?,?,?,?,?,?)",
        bytes(cycle.id()),
        bytes(orgId),
        "manual:" + UuidV7.next(),
        text,
        "MANUAL",
        access.username());
  }

  /** Publishes: one {@code assessment.cycle-published} per org, then accountability. */
  @Transactional
  public Cycle publish(UUID cycleId, long expected) {
    Cycle cycle = managed(cycleId);
    checkVersion(cycle, expected);
    requireStatus(cycle, Cycle.REVIEW);
    jdbc.update(
        "UPDATE assessment_cycle SET status = ?, publication_no = 1, published_at = ?,"
            + " row_version = row_version + 1 WHERE id = ?",
        Cycle.PUBLISHED,
        Timestamp.from(clock.instant()),
        bytes(cycle.id()));
    Cycle published = get(cycleId);
    int sent = publishResults(published, null);
    recordPublication(published, "首次发布", sent);
    accountability.afterPublication(published);
    return published;
  }

  /**
   * A correction after publication: the score changes, everything is recomputed and the cycle is
   * re-published with the next publication number; the change and its reason are kept.
   */
  @Transactional
  public Cycle correct(
      UUID cycleId, long expected, UUID orgId, UUID indicatorId, BigDecimal points, String reason) {
    Cycle cycle = managed(cycleId);
    checkVersion(cycle, expected);
    requireStatus(cycle, Cycle.PUBLISHED);
    visibleOrg(cycle, orgId);
    Leaf leaf = leaf(cycle, indicatorId);
    checkPoints(leaf, points);
    BigDecimal old =
        jdbc
            .query(
                "SELECT points FROM score_entry WHERE cycle_id = ? AND org_id = ? AND indicator_id"
                    + " = ?",
                (rs, n) -> rs.getBigDecimal(1),
                bytes(cycle.id()),
                bytes(orgId),
                bytes(indicatorId))
            .stream()
            .findFirst()
            .orElse(null);
    int next = cycle.publicationNo() + 1;
    jdbc.update(
        "INSERT INTO score_correction (id, cycle_id, org_id, indicator_id, old_points,"
            + " new_points, reason, publication_no, changed_by, changed_at) VALUES"
            + " (?,?,?,?,?,?,?,?,?,?)",
        bytes(UuidV7.next()),
        bytes(cycle.id()),
        bytes(orgId),
        bytes(indicatorId),
        old,
        points,
        reason,
        next,
        access.username(),
        Timestamp.from(clock.instant()));
    upsertScore(cycle, orgId, leaf, points, "更正：" + reason, "CORRECTED");
    Map<UUID, String> before = signatures(cycle);
    scoring.compute(cycle);
    jdbc.update(
        "UPDATE assessment_cycle SET publication_no = ?, published_at = ?, row_version ="
            + " row_version + 1 WHERE id = ?",
        next,
        Timestamp.from(clock.instant()),
        bytes(cycle.id()));
    Cycle republished = get(cycleId);
    int sent = publishResults(republished, before);
    recordPublication(republished, reason, sent);
    accountability.afterPublication(republished);
    return republished;
  }

  /** Sends each org's result; with {@code before}, only the ones that changed. */
  private int publishResults(Cycle cycle, Map<UUID, String> before) {
    int[] sent = {0};
    jdbc.query(
        "SELECT r.org_id, co.org_path, r.combined, r.rank_no, r.peer_size, r.percentile, r.grade,"
            + " r.stars, r.weak_candidate FROM cycle_result r JOIN cycle_org co ON co.cycle_id ="
            + " r.cycle_id AND co.org_id = r.org_id WHERE r.cycle_id = ?",
        rs -> {
          UUID orgId = uuid(rs.getBytes(1));
          if (before != null && Objects.equals(before.get(orgId), signature(rs))) {
            return;
          }
          events.publish(
              EventTypes.ASSESSMENT_CYCLE_PUBLISHED,
              orgId.toString(),
              rs.getString(2),
              new CyclePublished(
                  cycle.id(),
                  cycle.name(),
                  cycle.kind().name(),
                  cycle.year(),
                  cycle.quarter(),
                  orgId,
                  rs.getBigDecimal(3),
                  rs.getInt(4),
                  rs.getInt(5),
                  rs.getBigDecimal(6),
                  rs.getString(7),
                  rs.getInt(8),
                  rs.getBoolean(9),
                  cycle.publicationNo()));
          sent[0]++;
        },
        bytes(cycle.id()));
    return sent[0];
  }

  private Map<UUID, String> signatures(Cycle cycle) {
    Map<UUID, String> result = new HashMap<>();
    jdbc.query(
        "SELECT r.org_id, NULL, r.combined, r.rank_no, r.peer_size, r.percentile, r.grade,"
            + " r.stars, r.weak_candidate FROM cycle_result r WHERE r.cycle_id = ?",
        rs -> {
          result.put(uuid(rs.getBytes(1)), signature(rs));
        },
        bytes(cycle.id()));
    return result;
  }

  private static String signature(ResultSet rs) throws SQLException {
    return rs.getBigDecimal(3)
        + "|"
        + rs.getInt(4)
        + "|"
        + rs.getInt(5)
        + "|"
        + rs.getBigDecimal(6)
        + "|"
        + rs.getString(7)
        + "|"
        + rs.getInt(8)
        + "|"
        + rs.getBoolean(9);
  }

  private void recordPublication(Cycle cycle, String reason, int changed) {
    jdbc.update(
        "INSERT INTO cycle_publication (cycle_id, publication_no, reason, changed_orgs,"
            + " published_by, published_at) VALUES (?,?,?,?,?,?)",
        bytes(cycle.id()),
        cycle.publicationNo(),
        reason,
        changed,
        access.username(),
        Timestamp.from(clock.instant()));
  }

  @Transactional(readOnly = true)
  public List<Publication> publications(UUID cycleId) {
    Cycle cycle = get(cycleId);
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
        bytes(cycle.id()));
  }

  // --- results

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

  /** Results in rank order within peer groups, limited to what the caller sees. */
  @Transactional(readOnly = true)
  public PageResponse<ResultView> results(
      UUID cycleId, String peerGroup, boolean weakOnly, int page, int size) {
    Cycle cycle = get(cycleId);
    requireComputed(cycle);
    List<Object> args = new ArrayList<>();
    args.add(bytes(cycle.id()));
    StringBuilder where =
        new StringBuilder(
            " FROM cycle_result r JOIN cycle_org co ON co.cycle_id = r.cycle_id AND co.org_id ="
                + " r.org_id WHERE r.cycle_id = ?");
    where.append(visibleOrgsFilter(args));
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
    return new PageResponse<>(items, page, size, t, (int) ((t + size - 1) / size));
  }

  @Transactional(readOnly = true)
  public OrgResult orgResult(UUID cycleId, UUID orgId) {
    Cycle cycle = get(cycleId);
    visibleOrg(cycle, orgId);
    ResultView result =
        jdbc
            .query(
                "SELECT "
                    + RESULT_COLUMNS
                    + " FROM cycle_result r JOIN cycle_org co ON co.cycle_id = r.cycle_id AND"
                    + " co.org_id = r.org_id WHERE r.cycle_id = ? AND r.org_id = ?",
                RESULT,
                bytes(cycle.id()),
                bytes(orgId))
            .stream()
            .findFirst()
            .orElse(null);
    String report =
        jdbc
            .query(
                "SELECT report_text FROM duty_report WHERE cycle_id = ? AND org_id = ?",
                (rs, n) -> rs.getString(1),
                bytes(cycle.id()),
                bytes(orgId))
            .stream()
            .findFirst()
            .orElse(null);
    Map<String, Integer> ballots =
        jdbc
            .query(
                "SELECT good, fairly_good, average, poor FROM duty_ballot WHERE cycle_id = ? AND"
                    + " org_id = ?",
                (rs, n) ->
                    Map.of(
                        Grade.GOOD.label(), rs.getInt(1),
                        Grade.FAIRLY_GOOD.label(), rs.getInt(2),
                        Grade.AVERAGE.label(), rs.getInt(3),
                        Grade.POOR.label(), rs.getInt(4)),
                bytes(cycle.id()),
                bytes(orgId))
            .stream()
            .findFirst()
            .orElse(Map.of());
    List<RectificationItem> items =
        jdbc.query(
            "SELECT item_key, item_text, origin FROM rectification_item WHERE cycle_id = ? AND"
                + " org_id = ? ORDER BY origin, item_key",
            (rs, n) -> new RectificationItem(rs.getString(1), rs.getString(2), rs.getString(3)),
            bytes(cycle.id()),
            bytes(orgId));
    return new OrgResult(
        cycle.id(),
        cycle.status(),
        cycle.publicationNo(),
        result,
        scores(cycle, orgId),
        report,
        ballots,
        items);
  }

  private List<ScoreView> scores(Cycle cycle, UUID orgId) {
    return jdbc.query(
        "SELECT i.id, i.code, i.name, i.kind, i.weight, i.method, i.scorer, s.points, s.evidence,"
            + " s.origin, s.scored_by FROM indicator i LEFT JOIN score_entry s ON s.indicator_id ="
            + " i.id AND s.cycle_id = ? AND s.org_id = ? WHERE i.version_id = ? AND i.method <>"
            + " 'GROUP' ORDER BY i.sort_order",
        (rs, n) ->
            new ScoreView(
                uuid(rs.getBytes(1)),
                rs.getString(2),
                rs.getString(3),
                IndicatorKind.valueOf(rs.getString(4)),
                rs.getBigDecimal(5),
                ScoringMethod.valueOf(rs.getString(6)),
                rs.getString(7) == null ? null : ScorerKind.valueOf(rs.getString(7)),
                rs.getBigDecimal(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11)),
        bytes(cycle.id()),
        bytes(orgId),
        bytes(cycle.indicatorVersionId()));
  }

  // --- helpers

  /** A cycle the caller manages: platform admin, or a secretary whose scope covers its root. */
  private Cycle managed(UUID cycleId) {
    Cycle cycle = get(cycleId);
    Caller c = access.caller();
    if (!c.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY)
        || !access.scope().coversPath(cycle.rootPath())) {
      throw ProblemException.forbidden("cycle.rule.manage-role");
    }
    jdbc.queryForList("SELECT id FROM assessment_cycle WHERE id = ? FOR UPDATE", bytes(cycleId));
    return get(cycleId);
  }

  private static void checkVersion(Cycle cycle, long expected) {
    if (cycle.rowVersion() != expected) {
      throw ProblemException.preconditionFailed();
    }
  }

  private static void requireStatus(Cycle cycle, String status) {
    if (!status.equals(cycle.status())) {
      throw ProblemException.businessRule(
          "cycle-status", "cycle.rule.status", statusLabel(cycle.status()), statusLabel(status));
    }
  }

  private static void requireComputed(Cycle cycle) {
    if (Cycle.OPEN.equals(cycle.status())) {
      throw ProblemException.businessRule("cycle-not-computed", "cycle.rule.not-computed");
    }
  }

  private static String statusLabel(String status) {
    return switch (status) {
      case Cycle.OPEN -> "评分中";
      case Cycle.REVIEW -> "审核中";
      case Cycle.PUBLISHED -> "已发布";
      default -> status;
    };
  }

  private void bump(Cycle cycle) {
    jdbc.update(
        "UPDATE assessment_cycle SET row_version = row_version + 1 WHERE id = ?",
        bytes(cycle.id()));
  }

  private boolean exists(String countSql, Object... args) {
    Integer n = jdbc.queryForObject(countSql, Integer.class, args);
    return n != null && n > 0;
  }
}
