package cn.dangjian.orglife.compliance;

import java.time.LocalDate;

/** Plan vs actual for one requirement in one period unit (DOMAIN.md §4.1). */
public final class ComplianceRules {

  private ComplianceRules() {}

  /** Where a unit stands. */
  public enum UnitStatus {
    /** Held (approved) at least the required number of times. */
    MET,
    /** The unit is over and the requirement was not met. */
    MISSING,
    /** The unit is running and not met yet: still due. */
    OPEN,
    /** The unit has not started. */
    NOT_DUE
  }

  public static UnitStatus status(Period unit, int approved, int required, LocalDate today) {
    if (approved >= required) {
      return UnitStatus.MET;
    }
    if (unit.to().isBefore(today)) {
      return UnitStatus.MISSING;
    }
    if (!unit.from().isAfter(today)) {
      return UnitStatus.OPEN;
    }
    return UnitStatus.NOT_DUE;
  }

  /** A branch committee (支部委员会) has at least three members (ZB: 3–5, or 5–7 from 50 members). */
  public static final int SMALLEST_COMMITTEE = 3;

  /**
   * Whether a requirement applies to an org: a 支委会 is only due where a committee may exist, so a
   * branch that member-service reports with fewer than three committee seats (a secretary alone,
   * fewer than 7 formal members) owes none; an org whose committee was never reported is held to
   * it.
   *
   * @param committeeSeats seats from the last {@code committee.changed}, null if none was seen
   */
  public static boolean applies(String meetingType, Integer committeeSeats) {
    return !"COMMITTEE_MEETING".equals(meetingType)
        || committeeSeats == null
        || committeeSeats >= SMALLEST_COMMITTEE;
  }

  /** Share of met units among those due (met + missing + open), 1 when nothing was due. */
  public static double rate(long met, long due) {
    return due == 0 ? 1.0 : Math.round(met * 1000.0 / due) / 1000.0;
  }
}
