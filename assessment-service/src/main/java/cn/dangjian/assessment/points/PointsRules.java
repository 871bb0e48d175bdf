package cn.dangjian.assessment.points;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Point arithmetic (plain, for unit tests). */
public final class PointsRules {

  private PointsRules() {}

  /**
   * What an action earns now: {@code points × units}, but the day's entries for one action never go
   * past the daily cap (in magnitude, so a deduction is capped too). Zero once the cap is reached.
   *
   * @param perUnit the rule's points (negative for a deduction)
   * @param units 1 for an event, the hours for an hourly rule
   * @param dailyCap the most one member may get (or lose) for this action in one day
   * @param alreadyToday what the member already got (or lost) for it that day
   */
  public static BigDecimal credit(
      BigDecimal perUnit, BigDecimal units, BigDecimal dailyCap, BigDecimal alreadyToday) {
    BigDecimal wanted = perUnit.multiply(units).setScale(1, RoundingMode.DOWN);
    BigDecimal room = dailyCap.abs().subtract(alreadyToday.abs());
    if (room.signum() <= 0 || wanted.signum() == 0) {
      return BigDecimal.ZERO.setScale(1);
    }
    BigDecimal magnitude = wanted.abs().min(room).setScale(1, RoundingMode.DOWN);
    return wanted.signum() < 0 ? magnitude.negate() : magnitude;
  }
}
