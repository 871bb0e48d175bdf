package cn.dangjian.member.development;

import static cn.dangjian.member.development.DevelopmentStep.*;

import cn.dangjian.member.development.DevelopmentRecord.Decision;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.vote.MeetingVote;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What each of the 25 steps requires and what it leads to (DOMAIN.md §2.2; FZ; DZ Art 1, 5, 7).
 * Plain rules, no Spring: the service passes the history and the facts it looked up.
 */
public final class DevelopmentRules {

  /** DZ Art 1. */
  public static final int MINIMUM_AGE = 18;

  /** FZ Art 7: talk to the applicant within one month. */
  public static final int TALK_WITHIN_MONTHS = 1;

  /** FZ: at least one year as activist before becoming a development target. */
  public static final int ACTIVIST_MIN_YEARS = 1;

  /** FZ Art 17: at least three days or 24 class hours of intensive training. */
  public static final int TRAINING_MIN_HOURS = 24;

  /** FZ ch.4: approval within three months of the branch resolution, six in special cases. */
  public static final int APPROVAL_MONTHS = 3;

  public static final int APPROVAL_MONTHS_SPECIAL = 6;

  /** DZ Art 7: probation is one year; an extension lasts 6–12 months, once. */
  public static final int PROBATION_YEARS = 1;

  public static final int EXTENSION_MIN_MONTHS = 6;

  public static final int EXTENSION_MAX_MONTHS = 12;

  private DevelopmentRules() {}

  /** The facts about the person and the step being recorded. */
  public record Request(
      MemberStage stage,
      LocalDate birthDate,
      LocalDate joinDate,
      DevelopmentStep step,
      LocalDate doneOn,
      int people,
      boolean peopleAreFullMembers,
      Integer trainingHours,
      Decision decision,
      LocalDate extendedUntil,
      MeetingVote vote) {}

  /** What recording the step changes (null: unchanged). */
  public record Outcome(
      MemberStage stage, LocalDate joinDate, LocalDate fullMemberDate, MemberStatus status) {}

  /** What is expected next and by when, for the progress view and for alerts. */
  public record Expected(DevelopmentStep step, LocalDate dueOn) {}

  /** A step entered more than this many days after its date, without approval, looks backfilled. */
  public static final int BACKFILL_SUSPECT_DAYS = 30;

  /**
   * The deadlines a late record may miss with the approval of the body above (FZ Art 7, ch.4):
   * waiting periods (one year as activist, probation) are never waived.
   */
  public static final java.util.Set<String> DEADLINE_RULES =
      java.util.Set.of(
          "talk-within-one-month",
          "admission-approval-within-three-months",
          "conversion-approval-within-three-months");

  public static Outcome check(Request r, List<DevelopmentRecord> history, LocalDate today) {
    return check(r, history, today, false);
  }

  /**
   * @param lateAccepted the body above approved recording the step after its deadline: the
   *     deadlines in {@link #DEADLINE_RULES} are not enforced, every other rule is
   */
  public static Outcome check(
      Request r, List<DevelopmentRecord> history, LocalDate today, boolean lateAccepted) {
    if (r.doneOn().isAfter(today)) {
      throw rule("date-in-future", "member.rule.date-in-future");
    }
    if (r.stage() != r.step().requiredStage()) {
      throw rule(
          "step-needs-stage",
          "development.rule.step-needs-stage",
          r.step().label(),
          r.step().requiredStage().label());
    }
    Optional<DevelopmentRecord> again = last(history, r.step());
    boolean reMeeting =
        r.step() == CONVERSION_MEETING
            && again.map(d -> d.getDecision() == Decision.EXTEND).orElse(false);
    if (again.isPresent() && !reMeeting) {
      throw rule(
          "step-already-recorded", "development.rule.step-already-recorded", r.step().label());
    }
    switch (r.step()) {
      case APPLICATION -> {
        if (Period.between(r.birthDate(), r.doneOn()).getYears() < MINIMUM_AGE) {
          throw rule(
              "applicant-must-be-eighteen",
              "development.rule.applicant-must-be-eighteen",
              MINIMUM_AGE);
        }
      }
      case TALK -> {
        LocalDate applied = requireDone(history, APPLICATION, r.doneOn());
        if (!lateAccepted && r.doneOn().isAfter(applied.plusMonths(TALK_WITHIN_MONTHS))) {
          throw rule("talk-within-one-month", "development.rule.talk-within-one-month");
        }
      }
      case ACTIVIST_CONFIRMED -> requireDone(history, TALK, r.doneOn());
      case CONTACTS_ASSIGNED -> requirePeople(r, 1, 2, "contacts-one-or-two-full-members");
      case TARGET_CONFIRMED -> {
        LocalDate activist = requireDone(history, ACTIVIST_CONFIRMED, r.doneOn());
        if (r.doneOn().isBefore(activist.plusYears(ACTIVIST_MIN_YEARS))) {
          throw rule(
              "activist-needs-one-year-before-becoming-target",
              "development.rule.activist-needs-one-year",
              activist.plusYears(ACTIVIST_MIN_YEARS));
        }
      }
      case INTRODUCERS_ASSIGNED -> requirePeople(r, 2, 2, "two-full-member-introducers");
      case POLITICAL_REVIEW -> {
        if (r.decision() != Decision.PASSED && r.decision() != Decision.FAILED) {
          throw rule("review-needs-decision", "development.rule.review-needs-decision");
        }
      }
      case INTENSIVE_TRAINING -> {
        if (r.trainingHours() == null || r.trainingHours() < TRAINING_MIN_HOURS) {
          throw rule(
              "target-needs-24-training-hours",
              "development.rule.training-hours",
              TRAINING_MIN_HOURS);
        }
      }
      case ADMISSION_MEETING -> {
        requireDone(history, INTRODUCERS_ASSIGNED, r.doneOn());
        DevelopmentRecord review =
            last(history, POLITICAL_REVIEW).orElseThrow(() -> missing(POLITICAL_REVIEW));
        if (review.getDecision() != Decision.PASSED) {
          throw rule("political-review-must-pass", "development.rule.political-review-must-pass");
        }
        int hours =
            history.stream()
                .filter(d -> d.getStep() == INTENSIVE_TRAINING)
                .mapToInt(d -> d.getTrainingHours() == null ? 0 : d.getTrainingHours())
                .sum();
        if (hours < TRAINING_MIN_HOURS) {
          throw rule(
              "target-needs-24-training-hours",
              "development.rule.training-hours",
              TRAINING_MIN_HOURS);
        }
        requireDone(history, PRE_REVIEW, r.doneOn());
        requireDone(history, APPLICATION_FORM, r.doneOn());
        requireVote(r);
      }
      case ADMISSION_APPROVED -> {
        LocalDate meeting = requireDone(history, ADMISSION_MEETING, r.doneOn());
        checkApprovalWindow(meeting, r, "admission-approval-within-three-months", lateAccepted);
        // 党籍 and probation start on the day the branch meeting admitted the member.
        return new Outcome(MemberStage.PROBATIONARY, meeting, null, null);
      }
      case CONVERSION_MEETING -> {
        requireDone(history, CONVERSION_APPLICATION, r.doneOn());
        LocalDate probationEnds = probationEnd(r.joinDate(), history);
        if (r.doneOn().isBefore(probationEnds)) {
          throw rule("probation-not-over", "development.rule.probation-not-over", probationEnds);
        }
        requireVote(r);
        if (r.decision() == Decision.EXTEND) {
          if (reMeeting) {
            throw rule("probation-extended-only-once", "development.rule.extended-only-once");
          }
          LocalDate until = r.extendedUntil();
          if (until == null
              || until.isBefore(probationEnds.plusMonths(EXTENSION_MIN_MONTHS))
              || until.isAfter(probationEnds.plusMonths(EXTENSION_MAX_MONTHS))) {
            throw rule(
                "extension-six-to-twelve-months",
                "development.rule.extension-six-to-twelve-months");
          }
          return new Outcome(null, null, null, null);
        }
        if (r.decision() != Decision.CONVERT && r.decision() != Decision.CANCEL) {
          throw rule("conversion-needs-decision", "development.rule.conversion-needs-decision");
        }
        return new Outcome(null, null, null, null);
      }
      case CONVERSION_APPROVED -> {
        DevelopmentRecord meeting =
            last(history, CONVERSION_MEETING).orElseThrow(() -> missing(CONVERSION_MEETING));
        if (meeting.getDecision() == Decision.EXTEND) {
          throw missing(CONVERSION_MEETING);
        }
        checkApprovalWindow(
            meeting.getDoneOn(), r, "conversion-approval-within-three-months", lateAccepted);
        if (meeting.getDecision() == Decision.CANCEL) {
          return new Outcome(null, null, null, MemberStatus.PROBATION_CANCELLED);
        }
        // 党龄 counts from the end of probation, even when approval comes later.
        return new Outcome(MemberStage.FULL, null, probationEnd(r.joinDate(), history), null);
      }
      default -> {
        // filing, education and formal steps: recorded in order, no extra condition
      }
    }
    return new Outcome(r.step().leadsTo(), null, null, null);
  }

  /** The next step and its due date after the recorded history (steps in date order). */
  public static Expected expected(List<DevelopmentRecord> history, LocalDate joinDate) {
    if (history.isEmpty()) {
      return new Expected(APPLICATION, null);
    }
    DevelopmentRecord last = history.get(history.size() - 1);
    LocalDate done = last.getDoneOn();
    return switch (last.getStep()) {
      case APPLICATION -> new Expected(TALK, done.plusMonths(TALK_WITHIN_MONTHS));
      case ACTIVIST_CONFIRMED, ACTIVIST_FILED, CONTACTS_ASSIGNED, ACTIVIST_EDUCATION ->
          new Expected(
              TARGET_CONFIRMED,
              last(history, ACTIVIST_CONFIRMED)
                  .map(d -> d.getDoneOn().plusYears(ACTIVIST_MIN_YEARS))
                  .orElse(null));
      case ADMISSION_MEETING, HIGHER_TALK ->
          new Expected(
              ADMISSION_APPROVED,
              last(history, ADMISSION_MEETING)
                  .map(d -> d.getDoneOn().plusMonths(APPROVAL_MONTHS))
                  .orElse(null));
      case ADMISSION_APPROVED,
          ADMISSION_FILED,
          ASSIGNED_TO_GROUP,
          OATH,
          PROBATION_EDUCATION,
          CONVERSION_APPLICATION ->
          new Expected(
              CONVERSION_MEETING, joinDate == null ? null : probationEnd(joinDate, history));
      case CONVERSION_MEETING ->
          last.getDecision() == Decision.EXTEND
              ? new Expected(CONVERSION_MEETING, last.getExtendedUntil())
              : new Expected(CONVERSION_APPROVED, done.plusMonths(APPROVAL_MONTHS));
      case CONVERSION_APPROVED -> new Expected(ARCHIVED, null);
      case ARCHIVED -> new Expected(null, null);
      default -> new Expected(next(last.getStep()), null);
    };
  }

  /** The end of probation: one year after admission, or the extension's end. */
  static LocalDate probationEnd(LocalDate joinDate, List<DevelopmentRecord> history) {
    return history.stream()
        .filter(d -> d.getStep() == CONVERSION_MEETING && d.getDecision() == Decision.EXTEND)
        .map(DevelopmentRecord::getExtendedUntil)
        .max(Comparator.naturalOrder())
        .orElse(joinDate.plusYears(PROBATION_YEARS));
  }

  /**
   * Whether a step looks backfilled (anti-formalism): entered more than {@link
   * #BACKFILL_SUSPECT_DAYS} after its date and not an approved late record or a higher body's
   * decision.
   */
  public static boolean suspectedBackfill(
      LocalDate doneOn, java.time.Instant recordedAt, java.time.ZoneId zone, boolean approved) {
    return !approved
        && recordedAt.atZone(zone).toLocalDate().isAfter(doneOn.plusDays(BACKFILL_SUSPECT_DAYS));
  }

  private static void checkApprovalWindow(
      LocalDate meeting, Request r, String ruleName, boolean lateAccepted) {
    int months = r.decision() == Decision.SPECIAL_CASE ? APPROVAL_MONTHS_SPECIAL : APPROVAL_MONTHS;
    if (r.doneOn().isBefore(meeting)
        || !lateAccepted && r.doneOn().isAfter(meeting.plusMonths(months))) {
      throw rule(ruleName, "development.rule.approval-window", months);
    }
  }

  private static void requireVote(Request r) {
    if (r.vote() == null) {
      throw rule("vote-required", "development.rule.vote-required");
    }
    r.vote().check("admission-vote-needs-more-than-half-of-entitled-members");
  }

  private static void requirePeople(Request r, int min, int max, String ruleName) {
    if (r.people() < min || r.people() > max || !r.peopleAreFullMembers()) {
      throw rule(ruleName, "development.rule." + ruleName);
    }
  }

  private static LocalDate requireDone(
      List<DevelopmentRecord> history, DevelopmentStep step, LocalDate before) {
    LocalDate done =
        last(history, step).map(DevelopmentRecord::getDoneOn).orElseThrow(() -> missing(step));
    if (done.isAfter(before)) {
      throw rule("steps-out-of-order", "development.rule.steps-out-of-order", step.label());
    }
    return done;
  }

  private static Optional<DevelopmentRecord> last(
      List<DevelopmentRecord> history, DevelopmentStep step) {
    return history.stream().filter(d -> d.getStep() == step).reduce((a, b) -> b);
  }

  private static DevelopmentStep next(DevelopmentStep step) {
    DevelopmentStep[] all = DevelopmentStep.values();
    return step.ordinal() + 1 < all.length ? all[step.ordinal() + 1] : null;
  }

  private static ProblemException missing(DevelopmentStep step) {
    return rule(
        "previous-step-missing",
        "development.rule.previous-step-missing",
        step.number(),
        step.label());
  }

  private static ProblemException rule(String name, String key, Object... args) {
    return ProblemException.businessRule(name, key, args);
  }
}
