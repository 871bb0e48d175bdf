package cn.dangjian.assessment.cycle;

import cn.dangjian.assessment.indicator.Leaf;
import cn.dangjian.assessment.indicator.ScoringMethod;
import cn.dangjian.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What scoring decides before any SQL runs: the window an automatic indicator is judged over, the
 * training hours it asks for, which scores may be entered by hand and within what bounds (plain,
 * for unit tests). {@link ScoringStore} turns these into set-based statements.
 */
public final class ScoringRules {

  private ScoringRules() {}

  /**
   * What an automatic indicator is judged over on a day.
   *
   * @param months how many months are judged (those ended; at least the first)
   * @param quarters the distinct quarters among them
   * @param firstMonth the first judged month
   * @param lastMonth the last judged month
   * @param from the cycle's first day
   * @param to the cycle's last day
   * @param until the last day counted: the day judged, at most the cycle's last day
   * @param yearlyTrainingHours the hours a member should reach in a whole year
   */
  public record Window(
      int months,
      int quarters,
      YearMonth firstMonth,
      YearMonth lastMonth,
      LocalDate from,
      LocalDate to,
      LocalDate until,
      BigDecimal yearlyTrainingHours) {

    public LocalDate monthsFrom() {
      return firstMonth.atDay(1);
    }

    public LocalDate monthsTo() {
      return lastMonth.atEndOfMonth();
    }

    /** The meetings the months ask for: 支委会 and 主题党日 monthly, 党员大会 and 党课 quarterly. */
    public int requiredMeetings() {
      return 2 * months + 2 * quarters;
    }

    /** The yearly training hours pro-rated to the judged months, one decimal. */
    public BigDecimal trainingHours() {
      return yearlyTrainingHours
          .multiply(BigDecimal.valueOf(months))
          .divide(BigDecimal.valueOf(12), 1, RoundingMode.HALF_UP);
    }
  }

  public static Window window(
      CycleRules.Period period, LocalDate asOf, BigDecimal yearlyTrainingHours) {
    List<YearMonth> months = CycleRules.judgedMonths(period, asOf);
    int m = months.size();
    LocalDate until = asOf.isBefore(period.to()) ? asOf : period.to();
    return new Window(
        m,
        CycleRules.quarters(months),
        months.get(0),
        months.get(m - 1),
        period.from(),
        period.to(),
        until,
        yearlyTrainingHours);
  }

  /** Automatic indicators are computed, never entered by hand. */
  public static void requireManual(Leaf leaf) {
    if (leaf.method() != ScoringMethod.MANUAL) {
      throw ProblemException.businessRule(
          "automatic-indicator-is-computed", "cycle.rule.automatic-computed", leaf.name());
    }
  }

  /** 0 ≤ points ≤ the indicator's weight. */
  public static void checkPoints(Leaf leaf, BigDecimal points) {
    if (points.signum() < 0 || points.compareTo(leaf.weight()) > 0) {
      throw ProblemException.businessRule(
          "points-within-weight",
          "cycle.rule.points-within-weight",
          leaf.name(),
          leaf.weight().stripTrailingZeros().toPlainString());
    }
  }

  /** A cycle is computed only when every manual base indicator of every org has its score. */
  public static void requireNoMissingScores(long missing) {
    if (missing > 0) {
      throw ProblemException.businessRule(
          "manual-scores-missing", "cycle.rule.manual-missing", missing);
    }
  }

  /** A peer group smaller than this marks nobody as a bottom-band candidate (at least 1). */
  public static int minPeerGroup(int configured) {
    return Math.max(1, configured);
  }

  /** A share as a 整改清单 item writes it: {@code 60}, not {@code 60.00}. */
  public static String shareLabel(BigDecimal share) {
    return share.stripTrailingZeros().toPlainString();
  }
}
