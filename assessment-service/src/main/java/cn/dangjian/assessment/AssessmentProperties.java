package cn.dangjian.assessment;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of assessment-service under {@code dangjian.assessment.*}; every number is a default.
 *
 * <p>The components stay flat where the property names are flat ({@code
 * dangjian.assessment.talk-within-days}, …): grouping them here would rename the properties.
 *
 * @param zone calendar rules (month, quarter, year) are evaluated in this zone
 * @param assessedOrgTypes org types assessed when a cycle is opened for a subtree
 * @param bottomPercent bottom share of a peer group marked as 软弱涣散 candidates (倒排)
 * @param minPeerGroup peer groups smaller than this mark nobody
 * @param indicatorShare share of the indicators in the combined score (an org without ballots:
 *     indicators only)
 * @param ballotShare share of the 述职评议 ballots in the combined score
 * @param ballotPoints points a ballot of each grade gives (好/较好/一般/差)
 * @param gradeBands grade bands on the combined score
 * @param starBands 5★ … 2★ lower bounds; below the last: 1★
 * @param rectifyBelowShare a base indicator scored below this share of its weight goes on the 整改清单
 * @param accountabilityYears consecutive annual cycles in the bottom band that trigger 提醒谈话 + 限期整改
 * @param talkWithinDays days until the 提醒谈话 is due
 * @param rectifyWithinDays days until the 限期整改 is due
 * @param memberYearlyTrainingHours yearly training hours a member should reach (DOMAIN.md §5),
 *     pro-rated for shorter periods
 * @param points the per-org switch's defaults
 * @param overdueCheckCron the daily check for overdue tasks (任务清单)
 */
@ConfigurationProperties("dangjian.assessment")
public record AssessmentProperties(
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    @DefaultValue({"BRANCH", "JOINT_BRANCH", "GENERAL_BRANCH"}) List<String> assessedOrgTypes,
    @DefaultValue("10") BigDecimal bottomPercent,
    @DefaultValue("3") int minPeerGroup,
    @DefaultValue("70") BigDecimal indicatorShare,
    @DefaultValue("30") BigDecimal ballotShare,
    @DefaultValue BallotPoints ballotPoints,
    @DefaultValue GradeBands gradeBands,
    @DefaultValue({"95", "85", "75", "60"}) List<BigDecimal> starBands,
    @DefaultValue("60") BigDecimal rectifyBelowShare,
    @DefaultValue("2") int accountabilityYears,
    @DefaultValue("30") int talkWithinDays,
    @DefaultValue("90") int rectifyWithinDays,
    @DefaultValue("32") BigDecimal memberYearlyTrainingHours,
    @DefaultValue Points points,
    @DefaultValue("0 30 0 * * *") String overdueCheckCron) {

  public AssessmentProperties {
    assessedOrgTypes = List.copyOf(assessedOrgTypes);
    starBands = List.copyOf(starBands);
  }

  /** The defaults above, as bound when nothing is configured (for tests and tools). */
  public static AssessmentProperties defaults() {
    return new Binder().bindOrCreate("dangjian.assessment", AssessmentProperties.class);
  }

  /**
   * Points one ballot of each grade gives to the 述职评议 score (a weighted mean).
   *
   * @param good 好
   * @param fairlyGood 较好
   * @param average 一般
   * @param poor 差
   */
  public record BallotPoints(
      @DefaultValue("100") BigDecimal good,
      @DefaultValue("80") BigDecimal fairlyGood,
      @DefaultValue("60") BigDecimal average,
      @DefaultValue("0") BigDecimal poor) {}

  /**
   * Lower bounds of the grades 好, 较好, 一般 on the combined score; below: 差.
   *
   * @param good lowest combined score graded 好
   * @param fairlyGood lowest combined score graded 较好
   * @param average lowest combined score graded 一般
   */
  public record GradeBands(
      @DefaultValue("90") BigDecimal good,
      @DefaultValue("80") BigDecimal fairlyGood,
      @DefaultValue("60") BigDecimal average) {}

  /**
   * The per-org switch's defaults for orgs (and their ancestors) that never set it.
   *
   * @param enabledByDefault member points are kept
   * @param rankingByDefault members are ranked by points; off: the 2023 policy against 指尖上的形式主义,
   *     nothing ranks people unless an org switches it on
   */
  public record Points(
      @DefaultValue("true") boolean enabledByDefault,
      @DefaultValue("false") boolean rankingByDefault) {}
}
