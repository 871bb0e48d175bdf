package cn.dangjian.assessment.points;

import cn.dangjian.assessment.AssessmentProperties;
import cn.dangjian.assessment.points.PointsViews.Setting;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.ProjectedOrg;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The per-org switch for points and rankings: the nearest setting up the tree applies, else the
 * configured default (rankings off: the 2023 policy against 指尖上的形式主义).
 */
@Component
public class PointsSettings {

  private final PointsStore store;
  private final AssessmentProperties properties;
  private final Clock clock;

  PointsSettings(PointsStore store, AssessmentProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  public Setting effective(ProjectedOrg org) {
    return store
        .nearestSetting(org.orgId(), org.path())
        .orElse(
            new Setting(
                org.orgId(),
                properties.points().enabledByDefault(),
                properties.points().rankingByDefault(),
                null,
                0L));
  }

  /** Switches an org's subtree; rankings need points. A stale expected version is 412. */
  public void set(
      ProjectedOrg org, long expectedVersion, boolean points, boolean ranking, String by) {
    if (!store.saveSetting(
        org.orgId(), org.path(), expectedVersion, points, ranking && points, by, clock.instant())) {
      throw ProblemException.preconditionFailed();
    }
  }
}
