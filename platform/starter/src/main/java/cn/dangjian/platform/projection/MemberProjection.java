package cn.dangjian.platform.projection;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Reads of the org tree and members this service learned from {@code member.events}. Subtree reads
 * are prefix range scans on the materialised path.
 */
public class MemberProjection {

  static final String ORG_COLUMNS = "org_id, parent_id, name, org_type, path, depth, dissolved";
  static final String MEMBER_COLUMNS =
      "member_id, org_id, org_path, stage, status, dues_category, join_date, full_member_date,"
          + " flags, status_since, org_since";
  private static final String MEMBER_COLUMNS_OF_M =
      MEMBER_COLUMNS.replaceAll("(^|, ?)([a-z_]+)", "$1m.$2");

  private static final RowMapper<ProjectedOrg> ORG =
      (rs, n) ->
          new ProjectedOrg(
              uuid(rs.getBytes("org_id")),
              uuid(rs.getBytes("parent_id")),
              rs.getString("name"),
              rs.getString("org_type"),
              rs.getString("path"),
              rs.getInt("depth"),
              rs.getBoolean("dissolved"));

  private static final RowMapper<ProjectedMember> MEMBER =
      (rs, n) ->
          new ProjectedMember(
              uuid(rs.getBytes("member_id")),
              uuid(rs.getBytes("org_id")),
              rs.getString("org_path"),
              rs.getString("stage"),
              rs.getString("status"),
              rs.getString("dues_category"),
              date(rs, "join_date"),
              date(rs, "full_member_date"),
              flags(rs.getString("flags")),
              date(rs, "status_since"),
              date(rs, "org_since"));

  private final JdbcTemplate jdbc;

  public MemberProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<ProjectedOrg> org(UUID orgId) {
    return jdbc
        .query("SELECT " + ORG_COLUMNS + " FROM proj_org WHERE org_id = ?", ORG, bytes(orgId))
        .stream()
        .findFirst();
  }

  public List<ProjectedOrg> children(UUID orgId) {
    return jdbc.query(
        "SELECT " + ORG_COLUMNS + " FROM proj_org WHERE parent_id = ? ORDER BY name",
        ORG,
        bytes(orgId));
  }

  /** The org at {@code pathPrefix} and everything below it, parents before children. */
  public List<ProjectedOrg> orgsUnder(String pathPrefix) {
    return jdbc.query(
        "SELECT " + ORG_COLUMNS + " FROM proj_org WHERE path LIKE ? ORDER BY depth, path",
        ORG,
        prefixPattern(pathPrefix));
  }

  public Optional<ProjectedMember> member(UUID memberId) {
    return jdbc
        .query(
            "SELECT " + MEMBER_COLUMNS + " FROM proj_member WHERE member_id = ?",
            MEMBER,
            bytes(memberId))
        .stream()
        .findFirst();
  }

  /** Members whose relationship this org holds directly, any status. */
  public List<ProjectedMember> membersOf(UUID orgId) {
    return jdbc.query(
        "SELECT " + MEMBER_COLUMNS + " FROM proj_member WHERE org_id = ? ORDER BY member_id",
        MEMBER,
        bytes(orgId));
  }

  /** Members anywhere in the subtree at {@code pathPrefix}, any status. */
  public List<ProjectedMember> membersUnder(String pathPrefix) {
    return jdbc.query(
        "SELECT " + MEMBER_COLUMNS + " FROM proj_member WHERE org_path LIKE ? ORDER BY member_id",
        MEMBER,
        prefixPattern(pathPrefix));
  }

  /**
   * 流动党员 hosted by the org on the date: an ACTIVE 活动证 naming it as host, issued on or before and
   * valid on the date (DOMAIN §2.4). Their relationship stays with their home branch.
   */
  public List<ProjectedMember> hostedBy(UUID hostOrgId, LocalDate on) {
    return jdbc.query(
        "SELECT "
            + MEMBER_COLUMNS_OF_M
            + " FROM proj_mobile c JOIN proj_member m ON m.member_id = c.member_id"
            + " WHERE c.host_org_id = ? AND c.status = 'ACTIVE' AND m.status = 'ACTIVE'"
            + " AND c.issued_on <= ?"
            + " AND c.valid_until >= ? ORDER BY m.member_id",
        MEMBER,
        bytes(hostOrgId),
        on,
        on);
  }

  /** Whether the member holds an ACTIVE 活动证 valid on the date (hosted anywhere, or outside). */
  public boolean awayOn(UUID memberId, LocalDate on) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM proj_mobile WHERE member_id = ? AND status = 'ACTIVE'"
                + " AND issued_on <= ? AND valid_until >= ?",
            Integer.class,
            bytes(memberId),
            on,
            on);
    return n != null && n > 0;
  }

  /** The org hosting the member on the date under an ACTIVE 活动证, if any. */
  public Optional<UUID> hostOf(UUID memberId, LocalDate on) {
    return jdbc
        .query(
            "SELECT host_org_id FROM proj_mobile WHERE member_id = ? AND status = 'ACTIVE'"
                + " AND host_org_id IS NOT NULL AND issued_on <= ? AND valid_until >= ?",
            (rs, n) -> uuid(rs.getBytes(1)),
            bytes(memberId),
            on,
            on)
        .stream()
        .findFirst();
  }

  /**
   * A LIKE pattern for "starts with": paths hold only hex digits, dashes and slashes, but anything
   * else is escaped so that a malformed prefix can never widen a scope.
   */
  public static String prefixPattern(String pathPrefix) {
    return pathPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  static Set<String> flags(String joined) {
    if (joined == null || joined.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(joined.split(","))
        .filter(s -> !s.isBlank())
        .collect(Collectors.toUnmodifiableSet());
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }
}
