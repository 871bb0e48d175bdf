package cn.dangjian.orglife.training;

import cn.dangjian.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Training hours (学时) rules, DOMAIN.md §5. Hours are kept in tenths so sums are exact. */
public final class TrainingRules {

  /** A micro-lesson counts when at least this share of it was watched. */
  static final int WATCHED_PERCENT = 80;

  private TrainingRules() {}

  /** What became of one micro-lesson study. */
  public enum StudyOutcome {
    CREDITED,
    PARTLY_CREDITED_DAILY_CAP,
    NOT_CREDITED_DAILY_CAP,
    NOT_CREDITED_ALREADY_STUDIED,
    NOT_CREDITED_INCOMPLETE
  }

  public record StudyCredit(int creditedTenths, StudyOutcome outcome) {}

  /**
   * A micro-lesson's credit: once per lesson and member, only when (nearly) watched to the end, and
   * never beyond the daily cap, so that nobody farms hours by clicking through lessons.
   */
  public static StudyCredit microLessonCredit(
      int lessonTenths,
      int durationMinutes,
      int minutesWatched,
      boolean creditedBefore,
      int creditedTodayTenths,
      int dailyCapTenths) {
    if (creditedBefore) {
      return new StudyCredit(0, StudyOutcome.NOT_CREDITED_ALREADY_STUDIED);
    }
    if (minutesWatched * 100 < durationMinutes * WATCHED_PERCENT) {
      return new StudyCredit(0, StudyOutcome.NOT_CREDITED_INCOMPLETE);
    }
    int room = Math.max(0, dailyCapTenths - creditedTodayTenths);
    if (room == 0) {
      return new StudyCredit(0, StudyOutcome.NOT_CREDITED_DAILY_CAP);
    }
    if (lessonTenths > room) {
      return new StudyCredit(room, StudyOutcome.PARTLY_CREDITED_DAILY_CAP);
    }
    return new StudyCredit(lessonTenths, StudyOutcome.CREDITED);
  }

  /** Who a member is for training purposes. */
  public enum Role {
    /** 党员: ≥32 学时/year. */
    MEMBER,
    /** 支部委员: ≥56 学时/year. */
    COMMITTEE_MEMBER,
    /** 书记: ≥56 学时/year and ≥1 rotation (集中轮训). */
    SECRETARY
  }

  /** A member's year against the requirement. */
  public record YearStatus(
      Role role,
      int creditedTenths,
      int requiredTenths,
      int rotations,
      int requiredRotations,
      boolean met) {}

  public static YearStatus yearStatus(
      Role role,
      int creditedTenths,
      int rotations,
      BigDecimal memberHours,
      BigDecimal cadreHours,
      int secretaryRotations) {
    int required = tenths(role == Role.MEMBER ? memberHours : cadreHours);
    int requiredRotations = role == Role.SECRETARY ? secretaryRotations : 0;
    return new YearStatus(
        role,
        creditedTenths,
        required,
        rotations,
        requiredRotations,
        creditedTenths >= required && rotations >= requiredRotations);
  }

  /** Course hours: positive, at most 8 学时 a day (a full day) over its length. */
  public static int courseTenths(BigDecimal hours, LocalDate start, LocalDate end) {
    if (end.isBefore(start)) {
      throw ProblemException.businessRule(
          "course-must-end-after-it-starts", "training.rule.course-dates");
    }
    long days = java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1;
    int tenths = tenths(hours);
    if (tenths <= 0 || tenths > days * 80) {
      throw ProblemException.businessRule(
          "course-hours-at-most-eight-a-day", "training.rule.course-hours", days * 8);
    }
    return tenths;
  }

  public static int tenths(BigDecimal hours) {
    return hours.movePointRight(1).setScale(0, java.math.RoundingMode.DOWN).intValueExact();
  }

  public static BigDecimal hours(long tenths) {
    return BigDecimal.valueOf(tenths, 1);
  }
}
