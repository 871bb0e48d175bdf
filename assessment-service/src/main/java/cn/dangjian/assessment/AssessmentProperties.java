package cn.dangjian.assessment;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of assessment-service under {@code dangjian.assessment.*}; every number is a default.
 */
@ConfigurationProperties("dangjian.assessment")
public class AssessmentProperties {

  private ZoneId zone = ZoneId.of("Asia/Shanghai");
  private List<String> assessedOrgTypes = List.of("BRANCH", "JOINT_BRANCH", "GENERAL_BRANCH");
  private BigDecimal bottomPercent = BigDecimal.TEN;
  private int minPeerGroup = 3;
  private BigDecimal indicatorShare = BigDecimal.valueOf(70);
  private BigDecimal ballotShare = BigDecimal.valueOf(30);
  private final BallotPoints ballotPoints = new BallotPoints();
  private final GradeBands gradeBands = new GradeBands();
  private List<BigDecimal> starBands =
      List.of(
          BigDecimal.valueOf(95),
          BigDecimal.valueOf(85),
          BigDecimal.valueOf(75),
          BigDecimal.valueOf(60));
  private BigDecimal rectifyBelowShare = BigDecimal.valueOf(60);
  private int accountabilityYears = 2;
  private int talkWithinDays = 30;
  private int rectifyWithinDays = 90;
  private BigDecimal memberYearlyTrainingHours = BigDecimal.valueOf(32);
  private final Points points = new Points();
  private String overdueCheckCron = "0 30 0 * * *";

  public ZoneId getZone() {
    return zone;
  }

  public void setZone(ZoneId zone) {
    this.zone = zone;
  }

  public List<String> getAssessedOrgTypes() {
    return assessedOrgTypes;
  }

  public void setAssessedOrgTypes(List<String> assessedOrgTypes) {
    this.assessedOrgTypes = assessedOrgTypes;
  }

  public BigDecimal getBottomPercent() {
    return bottomPercent;
  }

  public void setBottomPercent(BigDecimal bottomPercent) {
    this.bottomPercent = bottomPercent;
  }

  public int getMinPeerGroup() {
    return minPeerGroup;
  }

  public void setMinPeerGroup(int minPeerGroup) {
    this.minPeerGroup = minPeerGroup;
  }

  public BigDecimal getIndicatorShare() {
    return indicatorShare;
  }

  public void setIndicatorShare(BigDecimal indicatorShare) {
    this.indicatorShare = indicatorShare;
  }

  public BigDecimal getBallotShare() {
    return ballotShare;
  }

  public void setBallotShare(BigDecimal ballotShare) {
    this.ballotShare = ballotShare;
  }

  public BallotPoints getBallotPoints() {
    return ballotPoints;
  }

  public GradeBands getGradeBands() {
    return gradeBands;
  }

  public List<BigDecimal> getStarBands() {
    return starBands;
  }

  public void setStarBands(List<BigDecimal> starBands) {
    this.starBands = starBands;
  }

  public BigDecimal getRectifyBelowShare() {
    return rectifyBelowShare;
  }

  public void setRectifyBelowShare(BigDecimal rectifyBelowShare) {
    this.rectifyBelowShare = rectifyBelowShare;
  }

  public int getAccountabilityYears() {
    return accountabilityYears;
  }

  public void setAccountabilityYears(int accountabilityYears) {
    this.accountabilityYears = accountabilityYears;
  }

  public int getTalkWithinDays() {
    return talkWithinDays;
  }

  public void setTalkWithinDays(int talkWithinDays) {
    this.talkWithinDays = talkWithinDays;
  }

  public int getRectifyWithinDays() {
    return rectifyWithinDays;
  }

  public void setRectifyWithinDays(int rectifyWithinDays) {
    this.rectifyWithinDays = rectifyWithinDays;
  }

  public BigDecimal getMemberYearlyTrainingHours() {
    return memberYearlyTrainingHours;
  }

  public void setMemberYearlyTrainingHours(BigDecimal memberYearlyTrainingHours) {
    this.memberYearlyTrainingHours = memberYearlyTrainingHours;
  }

  public Points getPoints() {
    return points;
  }

  public String getOverdueCheckCron() {
    return overdueCheckCron;
  }

  public void setOverdueCheckCron(String overdueCheckCron) {
    this.overdueCheckCron = overdueCheckCron;
  }

  /** Points one ballot of each grade gives to the 述职评议 score (a weighted mean). */
  public static class BallotPoints {
    private BigDecimal good = BigDecimal.valueOf(100);
    private BigDecimal fairlyGood = BigDecimal.valueOf(80);
    private BigDecimal average = BigDecimal.valueOf(60);
    private BigDecimal poor = BigDecimal.ZERO;

    public BigDecimal getGood() {
      return good;
    }

    public void setGood(BigDecimal good) {
      this.good = good;
    }

    public BigDecimal getFairlyGood() {
      return fairlyGood;
    }

    public void setFairlyGood(BigDecimal fairlyGood) {
      this.fairlyGood = fairlyGood;
    }

    public BigDecimal getAverage() {
      return average;
    }

    public void setAverage(BigDecimal average) {
      this.average = average;
    }

    public BigDecimal getPoor() {
      return poor;
    }

    public void setPoor(BigDecimal poor) {
      this.poor = poor;
    }
  }

  /** Lower bounds of the grades 好, 较好, 一般 on the combined score; below: 差. */
  public static class GradeBands {
    private BigDecimal good = BigDecimal.valueOf(90);
    private BigDecimal fairlyGood = BigDecimal.valueOf(80);
    private BigDecimal average = BigDecimal.valueOf(60);

    public BigDecimal getGood() {
      return good;
    }

    public void setGood(BigDecimal good) {
      this.good = good;
    }

    public BigDecimal getFairlyGood() {
      return fairlyGood;
    }

    public void setFairlyGood(BigDecimal fairlyGood) {
      this.fairlyGood = fairlyGood;
    }

    public BigDecimal getAverage() {
      return average;
    }

    public void setAverage(BigDecimal average) {
      this.average = average;
    }
  }

  /** The per-org switch's defaults for orgs (and their ancestors) that never set it. */
  public static class Points {
    private boolean enabledByDefault = true;
    private boolean rankingByDefault = false;

    public boolean isEnabledByDefault() {
      return enabledByDefault;
    }

    public void setEnabledByDefault(boolean enabledByDefault) {
      this.enabledByDefault = enabledByDefault;
    }

    public boolean isRankingByDefault() {
      return rankingByDefault;
    }

    public void setRankingByDefault(boolean rankingByDefault) {
      this.rankingByDefault = rankingByDefault;
    }
  }
}
