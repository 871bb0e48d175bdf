package cn.dangjian.assessment.innovation;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.assessment.Access;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Roles;
import cn.dangjian.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 党建创新奖: an org submits a case with materials → the level above reviews it → a yearly selection
 * picks accepted cases → selected cases form a library everyone can search (可复制、可推广).
 */
@Service
public class InnovationService {

  public static final String SUBMITTED = "SUBMITTED";
  public static final String ACCEPTED = "ACCEPTED";
  public static final String REJECTED = "REJECTED";
  public static final String SELECTED = "SELECTED";

  private final JdbcTemplate jdbc;
  private final Access access;
  private final Clock clock;

  InnovationService(JdbcTemplate jdbc, Access access, Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.clock = clock;
  }

  /** TEXT (body), LINK (ref = URL) or ATTACHMENT (ref = an attachment id elsewhere). */
  @Schema(description = "材料 (a material: text, a link or an attachment reference)")
  public record Material(String kind, String title, String ref, String body) {}

  @Schema(description = "创新案例 (an innovation case)")
  public record CaseView(
      UUID id,
      UUID orgId,
      String orgName,
      int year,
      String title,
      String summary,
      String content,
      @Schema(description = "SUBMITTED 已提交 / ACCEPTED 审核通过 / REJECTED 未通过 / SELECTED 入选")
          String status,
      String reviewNote,
      String award,
      List<Material> materials) {}

  private static final String COLUMNS =
      "c.id, c.org_id, o.name, c.case_year, c.title, c.summary, c.content, c.status,"
          + " c.review_note, c.award";

  private RowMapper<CaseView> mapper(boolean withMaterials) {
    return (rs, n) -> {
      UUID id = uuid(rs.getBytes(1));
      return new CaseView(
          id,
          uuid(rs.getBytes(2)),
          rs.getString(3),
          rs.getInt(4),
          rs.getString(5),
          rs.getString(6),
          rs.getString(7),
          rs.getString(8),
          rs.getString(9),
          rs.getString(10),
          withMaterials ? materials(id) : List.of());
    };
  }

  @Transactional
  public CaseView submit(
      UUID orgId,
      int year,
      String title,
      String summary,
      String content,
      List<Material> materials) {
    ProjectedOrg org = access.orgInScope(orgId);
    UUID id = UuidV7.next();
    jdbc.update(
        "INSERT INTO innovation_case (id, org_id, org_path, case_year, title, summary, content,"
            + " status, submitted_by, submitted_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        bytes(id),
        bytes(org.orgId()),
        org.path(),
        year,
        title,
        summary,
        content,
        SUBMITTED,
        access.username(),
        Timestamp.from(clock.instant()));
    for (Material m : materials) {
      if ("TEXT".equals(m.kind()) ? m.body() == null : m.ref() == null) {
        throw ProblemException.businessRule(
            "material-needs-content", "innovation.rule.material-content", m.title());
      }
      jdbc.update(
          "INSERT INTO innovation_material (id, case_id, kind, title, ref, body) VALUES"
              + " (?,?,?,?,?,?)",
          bytes(UuidV7.next()),
          bytes(id),
          m.kind(),
          m.title(),
          m.ref(),
          m.body());
    }
    return get(id);
  }

  /** A case in the caller's scope; a selected case is visible to everyone (the library). */
  @Transactional(readOnly = true)
  public CaseView get(UUID id) {
    DataScope scope = access.scope();
    return jdbc
        .query(
            "SELECT "
                + COLUMNS
                + ", c.org_path FROM innovation_case c JOIN proj_org o ON o.org_id = c.org_id"
                + " WHERE c.id = ?",
            (rs, n) ->
                SELECTED.equals(rs.getString(8)) || scope.coversPath(rs.getString(11))
                    ? mapper(true).mapRow(rs, n)
                    : null,
            bytes(id))
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("innovation.not-found", id));
  }

  @Transactional(readOnly = true)
  public List<CaseView> list(UUID orgId, Integer year, String status) {
    ProjectedOrg org = access.orgInScope(orgId);
    List<Object> args = new ArrayList<>();
    args.add(MemberProjection.prefixPattern(org.path()));
    StringBuilder sql =
        new StringBuilder(
            "SELECT "
                + COLUMNS
                + " FROM innovation_case c JOIN proj_org o ON o.org_id = c.org_id WHERE c.org_path"
                + " LIKE ?");
    if (year != null) {
      sql.append(" AND c.case_year = ?");
      args.add(year);
    }
    if (status != null) {
      sql.append(" AND c.status = ?");
      args.add(status);
    }
    sql.append(" ORDER BY c.submitted_at DESC LIMIT 500");
    return jdbc.query(sql.toString(), mapper(false), args.toArray());
  }

  /** Review by the level above (not by the submitting org itself). */
  @Transactional
  public CaseView review(UUID id, boolean accept, String note) {
    CaseView c = get(id);
    access.orgAssessedByCaller(c.orgId());
    if (!SUBMITTED.equals(c.status())) {
      throw ProblemException.businessRule("case-reviewed", "innovation.rule.reviewed");
    }
    jdbc.update(
        "UPDATE innovation_case SET status = ?, review_note = ?, reviewed_by = ? WHERE id = ?",
        accept ? ACCEPTED : REJECTED,
        note,
        access.username(),
        bytes(id));
    return get(id);
  }

  /** The yearly selection: accepted cases of that year become 入选 with an award. */
  @Transactional
  public List<CaseView> select(int year, List<UUID> caseIds, String award) {
    if (!access.caller().hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY)) {
      throw ProblemException.forbidden("innovation.rule.select-role");
    }
    List<CaseView> selected = new ArrayList<>();
    for (UUID id : caseIds) {
      CaseView c = get(id);
      access.orgAssessedByCaller(c.orgId());
      if (c.year() != year || !ACCEPTED.equals(c.status())) {
        throw ProblemException.businessRule(
            "select-accepted-of-year", "innovation.rule.select-accepted", c.title(), year);
      }
      jdbc.update(
          "UPDATE innovation_case SET status = ?, award = ?, selected_by = ? WHERE id = ?",
          SELECTED,
          award,
          access.username(),
          bytes(id));
      selected.add(get(id));
    }
    return selected;
  }

  /** The library of selected cases: words in the title, summary or content; any year or one. */
  @Transactional(readOnly = true)
  public PageResponse<CaseView> library(String query, Integer year, int page, int size) {
    List<Object> args = new ArrayList<>();
    StringBuilder where =
        new StringBuilder(
            " FROM innovation_case c JOIN proj_org o ON o.org_id = c.org_id WHERE c.status ="
                + " 'SELECTED'");
    if (year != null) {
      where.append(" AND c.case_year = ?");
      args.add(year);
    }
    if (query != null && !query.isBlank()) {
      for (String word : query.strip().split("\\s+")) {
        String like =
            "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        where.append(" AND (c.title LIKE ? OR c.summary LIKE ? OR c.content LIKE ?)");
        args.add(like);
        args.add(like);
        args.add(like);
      }
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(size);
    pageArgs.add((long) page * size);
    List<CaseView> items =
        jdbc.query(
            "SELECT " + COLUMNS + where + " ORDER BY c.case_year DESC, c.title LIMIT ? OFFSET ?",
            mapper(false),
            pageArgs.toArray());
    long t = total == null ? 0 : total;
    return new PageResponse<>(items, page, size, t, (int) ((t + size - 1) / size));
  }

  private List<Material> materials(UUID caseId) {
    return jdbc.query(
        "SELECT kind, title, ref, body FROM innovation_material WHERE case_id = ? ORDER BY id",
        (rs, n) -> new Material(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        bytes(caseId));
  }
}
