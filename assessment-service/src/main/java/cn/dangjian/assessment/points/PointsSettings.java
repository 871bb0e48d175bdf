package cn.dangjian.assessment.points;

import static cn.dangjian.platform.projection.Uuids.bytes;

import cn.dangjian.assessment.AssessmentProperties;
import cn.dangjian.platform.projection.ProjectedOrg;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The per-org switch for points and rankings: the nearest setting up the tree applies, else the
 * configured default (rankings off: the 2023 policy against 指尖上的形式主义).
 */
@Component
public class PointsSettings {

  private final JdbcTemplate jdbc;
  private final AssessmentProperties properties;
  private final Clock clock;

  PointsSettings(JdbcTemplate jdbc, AssessmentProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  @Schema(description = "积分与排名开关 (points and ranking switch in force for an org)")
  public record Setting(
      UUID orgId,
      boolean pointsEnabled,
      boolean rankingEnabled,
      @Schema(description = "生效设置所在的组织，空表示系统默认") UUID setAtOrgId) {}

  public Setting effective(ProjectedOrg org) {
    List<Setting> found =
        jdbc.query(
            "SELECT org_id, points_enabled, ranking_enabled FROM points_setting WHERE ? LIKE"
                + " CONCAT(org_path, '%') ORDER BY LENGTH(org_path) DESC LIMIT 1",
            (rs, n) ->
                new Setting(
                    org.orgId(),
                    rs.getBoolean(2),
                    rs.getBoolean(3),
                    cn.dangjian.platform.projection.Uuids.uuid(rs.getBytes(1))),
            org.path());
    return found.stream()
        .findFirst()
        .orElse(
            new Setting(
                org.orgId(),
                properties.getPoints().isEnabledByDefault(),
                properties.getPoints().isRankingByDefault(),
                null));
  }

  public void set(ProjectedOrg org, boolean points, boolean ranking, String by) {
    jdbc.update(
        "INSERT INTO points_setting (org_id, org_path, points_enabled, ranking_enabled,"
            + " updated_by, updated_at) VALUES (?,?,?,?,?,?) ON DUPLICATE KEY UPDATE org_path ="
            + " VALUES(org_path), points_enabled = VALUES(points_enabled), ranking_enabled ="
            + " VALUES(ranking_enabled), updated_by = VALUES(updated_by), updated_at ="
            + " VALUES(updated_at)",
        bytes(org.orgId()),
        org.path(),
        points,
        ranking && points,
        by,
        Timestamp.from(clock.instant()));
  }
}
