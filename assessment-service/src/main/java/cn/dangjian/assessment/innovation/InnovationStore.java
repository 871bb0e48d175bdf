package cn.dangjian.assessment.innovation;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.assessment.innovation.InnovationViews.CaseView;
import cn.dangjian.assessment.innovation.InnovationViews.Material;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.web.PageResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** innovation_case and innovation_material: cases, their materials and the library search. */
@Repository
class InnovationStore {

  private static final String COLUMNS =
      "c.id, c.org_id, o.name, c.case_year, c.title, c.summary, c.content, c.status,"
          + " c.review_note, c.award";

  private static final RowMapper<CaseView> CASE =
      (rs, n) ->
          new CaseView(
              uuid(rs.getBytes(1)),
              uuid(rs.getBytes(2)),
              rs.getString(3),
              rs.getInt(4),
              rs.getString(5),
              rs.getString(6),
              rs.getString(7),
              rs.getString(8),
              rs.getString(9),
              rs.getString(10),
              List.of());

  /** A case with the path of its org (for the scope check). */
  record Located(CaseView value, String orgPath) {}

  private final JdbcTemplate jdbc;

  InnovationStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insertCase(
      UUID id,
      UUID orgId,
      String orgPath,
      int year,
      String title,
      String summary,
      String content,
      String submittedBy,
      Instant at) {
    jdbc.update(
        "INSERT INTO innovation_case (id, org_id, org_path, case_year, title, summary, content,"
            + " status, submitted_by, submitted_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        bytes(id),
        bytes(orgId),
        orgPath,
        year,
        title,
        summary,
        content,
        InnovationService.SUBMITTED,
        submittedBy,
        Timestamp.from(at));
  }

  void insertMaterial(UUID caseId, Material m) {
    jdbc.update(
        "INSERT INTO innovation_material (id, case_id, kind, title, ref, body) VALUES"
            + " (?,?,?,?,?,?)",
        bytes(UuidV7.next()),
        bytes(caseId),
        m.kind(),
        m.title(),
        m.ref(),
        m.body());
  }

  /** A case without its materials, with its org's path. */
  Optional<Located> find(UUID id) {
    return jdbc
        .query(
            "SELECT "
                + COLUMNS
                + ", c.org_path FROM innovation_case c JOIN proj_org o ON o.org_id = c.org_id"
                + " WHERE c.id = ?",
            (rs, n) -> new Located(CASE.mapRow(rs, n), rs.getString(11)),
            bytes(id))
        .stream()
        .findFirst();
  }

  /** The case with its materials read. */
  CaseView withMaterials(CaseView c) {
    return new CaseView(
        c.id(),
        c.orgId(),
        c.orgName(),
        c.year(),
        c.title(),
        c.summary(),
        c.content(),
        c.status(),
        c.reviewNote(),
        c.award(),
        materials(c.id()));
  }

  /** Cases of orgs under a path, newest first (at most 500). */
  List<CaseView> under(String path, Integer year, String status) {
    List<Object> args = new ArrayList<>();
    args.add(MemberProjection.prefixPattern(path));
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
    return jdbc.query(sql.toString(), CASE, args.toArray());
  }

  void review(UUID id, String status, String note, String reviewedBy) {
    jdbc.update(
        "UPDATE innovation_case SET status = ?, review_note = ?, reviewed_by = ? WHERE id = ?",
        status,
        note,
        reviewedBy,
        bytes(id));
  }

  void select(UUID id, String award, String selectedBy) {
    jdbc.update(
        "UPDATE innovation_case SET status = ?, award = ?, selected_by = ? WHERE id = ?",
        InnovationService.SELECTED,
        award,
        selectedBy,
        bytes(id));
  }

  /** Selected cases matching every word (title, summary or content); one year or any. */
  PageResponse<CaseView> library(String query, Integer year, int page, int size) {
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
            CASE,
            pageArgs.toArray());
    long t = total == null ? 0 : total;
    return PageResponse.of(items, page, size, t);
  }

  private List<Material> materials(UUID caseId) {
    return jdbc.query(
        "SELECT kind, title, ref, body FROM innovation_material WHERE case_id = ? ORDER BY id",
        (rs, n) -> new Material(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        bytes(caseId));
  }
}
