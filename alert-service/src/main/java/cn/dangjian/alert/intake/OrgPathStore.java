package cn.dangjian.alert.intake;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Alerts and webhook subscriptions carry org paths for data scope; when a subtree moves, its paths
 * are rewritten in both tables.
 */
@Repository
class OrgPathStore {

  private final JdbcTemplate jdbc;

  OrgPathStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Rewrites paths matching {@code pattern}: the new path, then the rest from {@code from}. */
  void moved(String newPath, int from, String pattern) {
    jdbc.update(
        "UPDATE alert SET org_path = CONCAT(?, SUBSTRING(org_path, ?)) WHERE org_path LIKE ?",
        newPath,
        from,
        pattern);
    jdbc.update(
        "UPDATE webhook_subscription SET org_path = CONCAT(?, SUBSTRING(org_path, ?))"
            + " WHERE org_path LIKE ?",
        newPath,
        from,
        pattern);
  }
}
