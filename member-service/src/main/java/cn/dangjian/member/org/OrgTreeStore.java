package cn.dangjian.member.org;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The set-based SQL of the org tree: a subtree's extent, re-parenting it (orgs, members and
 * transfers carry materialised paths and move with it) and what is still active under an org.
 */
@Component
class OrgTreeStore {

  private final JdbcTemplate jdbc;

  OrgTreeStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The deepest depth and the longest path under (and including) a path. */
  record Extent(int deepest, int longestPath) {}

  Extent extent(String path) {
    return jdbc.queryForObject(
        "SELECT MAX(depth), MAX(LENGTH(path)) FROM org_unit WHERE path LIKE CONCAT(?, '%')",
        (rs, n) -> new Extent(rs.getInt(1), rs.getInt(2)), path);
  }

  record Moved(int orgs, int members) {}

  /** Re-parents an org and rewrites the paths of everything under it; returns what moved. */
  Moved move(
      UUID id, UUID newParentId, String oldPath, String newPath, int depthDelta, Instant at) {
    jdbc.update(
        "UPDATE org_unit SET parent_id = UNHEX(REPLACE(?, '-', '')), version = version + 1,"
            + " updated_at = ? WHERE id = UNHEX(REPLACE(?, '-', ''))",
        newParentId.toString(),
        // Hibernate stores instants as UTC wall time (hibernate.jdbc.time_zone=UTC): do the same.
        LocalDateTime.ofInstant(at, ZoneOffset.UTC),
        id.toString());
    int movedOrgs =
        jdbc.update(
            "UPDATE org_unit SET path = CONCAT(?, SUBSTRING(path, ?)), depth = depth + ?"
                + " WHERE path LIKE CONCAT(?, '%')",
            newPath, oldPath.length() + 1, depthDelta, oldPath);
    // Members carry their org's path for the data-scope filter: they move with the subtree.
    int movedMembers =
        jdbc.update(
            "UPDATE member SET org_path = CONCAT(?, SUBSTRING(org_path, ?))"
                + " WHERE org_path LIKE CONCAT(?, '%')",
            newPath, oldPath.length() + 1, oldPath);
    // So do open and closed transfers: their sides are checked against the caller's scope by path.
    jdbc.update(
        "UPDATE transfer SET from_org_path = CONCAT(?, SUBSTRING(from_org_path, ?))"
            + " WHERE from_org_path LIKE CONCAT(?, '%')",
        newPath, oldPath.length() + 1, oldPath);
    jdbc.update(
        "UPDATE transfer SET to_org_path = CONCAT(?, SUBSTRING(to_org_path, ?))"
            + " WHERE to_org_path LIKE CONCAT(?, '%')",
        newPath, oldPath.length() + 1, oldPath);
    // and approval requests: who may see them and which 党委 decides follow the subject's path
    jdbc.update(
        "UPDATE approval SET subject_org_path = CONCAT(?, SUBSTRING(subject_org_path, ?))"
            + " WHERE subject_org_path LIKE CONCAT(?, '%')",
        newPath, oldPath.length() + 1, oldPath);
    return new Moved(movedOrgs, movedMembers);
  }

  int activeChildren(String path) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM org_unit WHERE path LIKE CONCAT(?, '%') AND path <> ?"
            + " AND status = 'ACTIVE'",
        Integer.class, path, path);
  }

  int activeMembers(String path) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM member WHERE org_path LIKE CONCAT(?, '%') AND status = 'ACTIVE'",
        Integer.class, path);
  }
}
