package cn.dangjian.assessment.cycle;

import cn.dangjian.assessment.AssessmentProperties;
import cn.dangjian.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Periods, ballots, grade and star bands, the bottom band and the workflow's status checks (plain,
 * for unit tests).
 */
public final class CycleRules {

  private CycleRules() {}

  /** The days a cycle covers. */
  public record Period(LocalDate from, LocalDate to) {}

  public static Period period(CycleKind kind, int year, Integer quarter) {
    if (kind == CycleKind.ANNUAL) {
      if (quarter != null && quarter != 0) {
        throw ProblemException.businessRule(
            "annual-cycle-has-no-quarter", "cycle.rule.annual-no-quarter");
      }
      return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
    if (quarter == null || quarter < 1 || quarter > 4) {
      throw ProblemException.businessRule(
          "quarterly-cycle-needs-quarter", "cycle.rule.quarter-needed");
    }
    LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    return new Period(from, from.plusMonths(3).minusDays(1));
  }

  /**
   * The months of the period a requirement is judged for on {@code asOf}: those that have ended;
   * while none has, the first (so a young period is not judged on nothing).
   */
  public static List<YearMonth> judgedMonths(Period period, LocalDate asOf) {
    YearMonth first = YearMonth.from(period.from());
    YearMonth last = YearMonth.from(period.to());
    YearMonth lastEnded = YearMonth.from(asOf).minusMonths(1);
    YearMonth end = lastEnded.isBefore(last) ? lastEnded : last;
    if (end.isBefore(first)) {
      return List.of(first);
    }
    java.util.ArrayList<YearMonth> months = new java.util.ArrayList<>();
    for (YearMonth m = first; !m.isAfter(end); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /** Distinct quarters among the months. */
  public static int quarters(List<YearMonth> months) {
    return (int)
        months.stream().map(m -> m.getYear() * 10 + (m.getMonthValue() - 1) / 3).distinct().count();
  }

  /**
   * The 述职评议 score: the ballots' mean of the points each grade gives; needs at least one ballot.
   */
  public static BigDecimal ballotScore(
      int good, int fairlyGood, int average, int poor, AssessmentProperties.BallotPoints points) {
    int total = good + fairlyGood + average + poor;
    if (good < 0 || fairlyGood < 0 || average < 0 || poor < 0 || total == 0) {
      throw ProblemException.businessRule("ballots-needed", "cycle.rule.ballots-needed");
    }
    BigDecimal sum =
        points
            .good()
            .multiply(BigDecimal.valueOf(good))
            .add(points.fairlyGood().multiply(BigDecimal.valueOf(fairlyGood)))
            .add(points.average().multiply(BigDecimal.valueOf(average)))
            .add(points.poor().multiply(BigDecimal.valueOf(poor)));
    return sum.divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
  }

  public static Grade grade(BigDecimal combined, AssessmentProperties.GradeBands bands) {
    if (combined.compareTo(bands.good()) >= 0) {
      return Grade.GOOD;
    }
    if (combined.compareTo(bands.fairlyGood()) >= 0) {
      return Grade.FAIRLY_GOOD;
    }
    if (combined.compareTo(bands.average()) >= 0) {
      return Grade.AVERAGE;
    }
    return Grade.POOR;
  }

  /** 5★ for the first band reached, then 4★ …; below every band 1★. */
  public static int stars(BigDecimal combined, List<BigDecimal> bands) {
    for (int i = 0; i < bands.size(); i++) {
      if (combined.compareTo(bands.get(i)) >= 0) {
        return 5 - i;
      }
    }
    return 1;
  }

  /**
   * How many of a peer group's last places form the bottom band: {@code ceil(size × percent /
   * 100)}, none in a group smaller than {@code minPeerGroup}.
   */
  public static int bottomBandSize(int size, BigDecimal percent, int minPeerGroup) {
    if (size < Math.max(1, minPeerGroup) || percent.signum() <= 0) {
      return 0;
    }
    return BigDecimal.valueOf(size)
        .multiply(percent)
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
        .intValue();
  }

  /** 100 for the best, 0 for the last of a peer group (ties share the better rank). */
  public static BigDecimal percentile(int rank, int size) {
    if (size <= 1) {
      return BigDecimal.valueOf(100).setScale(2);
    }
    return BigDecimal.valueOf(100L * (size - rank))
        .divide(BigDecimal.valueOf(size - 1), 2, RoundingMode.HALF_UP);
  }

  /** 412 unless the caller edits the version it read. */
  public static void checkVersion(Cycle cycle, long expected) {
    if (cycle.version() != expected) {
      throw ProblemException.preconditionFailed();
    }
  }

  /** The workflow step a change needs: 评分中, 审核中 or 已发布. */
  public static void requireStatus(Cycle cycle, String status) {
    if (!status.equals(cycle.status())) {
      throw ProblemException.businessRule(
          "cycle-status", "cycle.rule.status", statusLabel(cycle.status()), statusLabel(status));
    }
  }

  /** Results exist once the cycle was computed (in review or published). */
  public static void requireComputed(Cycle cycle) {
    if (Cycle.OPEN.equals(cycle.status())) {
      throw ProblemException.businessRule("cycle-not-computed", "cycle.rule.not-computed");
    }
  }

  static String statusLabel(String status) {
    return switch (status) {
      case Cycle.OPEN -> "评分中";
      case Cycle.REVIEW -> "审核中";
      case Cycle.PUBLISHED -> "已发布";
      default -> status;
    };
  }
}
