package cn.dangjian.member.discipline;

import cn.dangjian.member.approval.DecidingBody;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import cn.dangjian.member.person.MemberStatusRules;
import cn.dangjian.platform.problem.ProblemException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * 党纪处分 windows (DZ Art 41; 《中国共产党纪律处分条例》) and the 不合格党员组织处置 procedure (BH 2024). Plain rules, no
 * Spring.
 */
public final class DisciplineRules {

  /** 警告: no promotion (post by election or appointment) for one year. */
  public static final int WARNING_BAR_MONTHS = 12;

  /** 严重警告: no promotion for a year and a half. */
  public static final int SERIOUS_WARNING_BAR_MONTHS = 18;

  /** 撤销党内职务: no equal or higher post for two years. */
  public static final int REMOVAL_BAR_YEARS = 2;

  /** 留党察看: one year, or two at most (DZ Art 41). */
  public static final int PROBATION_MIN_YEARS = 1;

  public static final int PROBATION_MAX_YEARS = MemberStatusRules.DISCIPLINARY_PROBATION_MAX_YEARS;

  /** After 留党察看 ends and rights are restored: no equal or higher post for two more years. */
  public static final int POST_BAR_AFTER_PROBATION_YEARS = 2;

  /** 开除党籍: no re-entry for five years (the register enforces it on registration). */
  public static final int EXPULSION_RE_ENTRY_YEARS = 5;

  /** A correction talk is held by two formal members (BH). */
  public static final int TALKERS = 2;

  /** 失联 must have lasted this long before the member's return opens the procedure (BH). */
  public static final int LOST_CONTACT_MONTHS = 6;

  private DisciplineRules() {}

  /** The dates a sanction decided on a day sets. */
  public record Window(@Nullable LocalDate probationEndsOn, LocalDate windowEndsOn) {}

  /**
   * The no-promotion window of a sanction: 警告 1 year, 严重警告 18 months, 撤销党内职务 2 years, 留党察看 its 1–2
   * years then 2 more; 开除党籍 the 5 years before re-entry.
   */
  public static Window window(SanctionKind kind, LocalDate decidedOn, @Nullable Integer years) {
    return switch (kind) {
      case WARNING -> new Window(null, decidedOn.plusMonths(WARNING_BAR_MONTHS));
      case SERIOUS_WARNING -> new Window(null, decidedOn.plusMonths(SERIOUS_WARNING_BAR_MONTHS));
      case REMOVAL_FROM_POST -> new Window(null, decidedOn.plusYears(REMOVAL_BAR_YEARS));
      case PROBATION_UNDER_DISCIPLINE -> {
        LocalDate probationEnds = decidedOn.plusYears(probationYears(years));
        yield new Window(probationEnds, probationEnds.plusYears(POST_BAR_AFTER_PROBATION_YEARS));
      }
      case EXPULSION -> new Window(null, decidedOn.plusYears(EXPULSION_RE_ENTRY_YEARS));
    };
  }

  /** 留党察看 lasts one or two years (default one); other sanctions take no length. */
  public static int probationYears(@Nullable Integer years) {
    int y = years == null ? PROBATION_MIN_YEARS : years;
    if (y < PROBATION_MIN_YEARS || y > PROBATION_MAX_YEARS) {
      throw ProblemException.businessRule(
          "disciplinary-probation-one-or-two-years",
          "discipline.rule.probation-one-or-two-years",
          PROBATION_MIN_YEARS,
          PROBATION_MAX_YEARS);
    }
    return y;
  }

  /**
   * Who may be sanctioned: an active party member (admitted); 留党察看 not for a probationary member
   * (取消预备党员资格 instead, DZ Art 7); 开除党籍 is a status change (基层党委 then 纪委).
   */
  public static void checkSanction(
      SanctionKind kind, MemberStage stage, MemberStatus status, @Nullable Integer years) {
    if (status != MemberStatus.ACTIVE || !stage.admitted()) {
      throw ProblemException.businessRule(
          "only-active-party-members-are-sanctioned", "discipline.rule.only-active-party-members");
    }
    if (kind == SanctionKind.PROBATION_UNDER_DISCIPLINE) {
      if (stage == MemberStage.PROBATIONARY) {
        throw ProblemException.businessRule(
            "probationary-member-not-put-on-disciplinary-probation",
            "discipline.rule.probationary-not-on-probation");
      }
      probationYears(years);
    } else if (years != null) {
      throw ProblemException.businessRule(
          "years-only-for-disciplinary-probation", "discipline.rule.years-only-for-probation");
    }
  }

  /** The bodies that approve a sanction after the 支部大会's vote (DZ Art 42). */
  public static List<DecidingBody> decidedBy(SanctionKind kind) {
    return kind == SanctionKind.EXPULSION
        ? List.of(DecidingBody.PRIMARY_COMMITTEE, DecidingBody.DISCIPLINE_COMMISSION)
        : List.of(DecidingBody.PRIMARY_COMMITTEE);
  }

  /** A sanction as the promotion bar sees it. */
  public record SanctionWindow(SanctionKind kind, LocalDate decidedOn, LocalDate windowEndsOn) {}

  /** The sanction (the one ending last) that bars a post on a day, if any. */
  public static Optional<SanctionWindow> barringPromotion(
      Collection<SanctionWindow> sanctions, LocalDate on) {
    return sanctions.stream()
        .filter(s -> !s.decidedOn().isAfter(on) && s.windowEndsOn().isAfter(on))
        .max(java.util.Comparator.comparing(SanctionWindow::windowEndsOn));
  }

  /**
   * Nobody inside a sanction's window is elected or appointed to a party post (警告 1 year, 严重警告 18
   * months, 撤销党内职务 2 years, 留党察看 and 2 years after). "Equal or higher" is enforced as any post: the
   * ranks of posts across org levels are not modelled.
   */
  public static void checkMayTakePost(Collection<SanctionWindow> sanctions, LocalDate on) {
    barringPromotion(sanctions, on)
        .ifPresent(
            s -> {
              throw ProblemException.businessRule(
                  "sanction-bars-promotion",
                  "discipline.rule.sanction-bars-promotion",
                  s.kind().label(),
                  s.decidedOn(),
                  s.windowEndsOn());
            });
  }

  /** Whether a sanction's window runs on a day. */
  public static SanctionStatus status(LocalDate windowEndsOn, LocalDate on) {
    return windowEndsOn.isAfter(on) ? SanctionStatus.IN_EFFECT : SanctionStatus.WINDOW_ENDED;
  }

  // --- 不合格党员组织处置

  /**
   * A member already sanctioned for an issue is not handled again for it: refused while a sanction
   * naming the same issue code is in effect.
   */
  public static void checkNotSanctionedForIssue(String issue, Set<String> issuesInEffect) {
    if (issuesInEffect.contains(normalizeIssue(issue))) {
      throw ProblemException.businessRule(
          "already-sanctioned-for-this-issue", "discipline.rule.already-sanctioned", issue);
    }
  }

  public static String normalizeIssue(String issue) {
    return issue.strip().toUpperCase(java.util.Locale.ROOT);
  }

  /**
   * The triggers the branch enters are taken as entered (absence, arrears, grade); a return from 失联
   * opens the procedure only after six months lost.
   */
  public static void checkTrigger(
      UnqualifiedTrigger trigger,
      @Nullable LocalDate lostContactFrom,
      @Nullable LocalDate lostContactUntil) {
    if (trigger == UnqualifiedTrigger.LOST_CONTACT_RETURN
        && (lostContactFrom == null
            || lostContactUntil == null
            || lostContactFrom.plusMonths(LOST_CONTACT_MONTHS).isAfter(lostContactUntil))) {
      throw ProblemException.businessRule(
          "lost-contact-return-needs-six-months",
          "discipline.rule.lost-contact-return-needs-six-months",
          LOST_CONTACT_MONTHS);
    }
  }

  /** Measures apply to party members; 劝退 not to a probationary one (existing status rule). */
  public static void checkMeasure(Measure measure, MemberStage stage, MemberStatus status) {
    if (status != MemberStatus.ACTIVE || !stage.admitted()) {
      throw ProblemException.businessRule(
          "only-active-party-members-are-handled", "discipline.rule.only-active-party-members");
    }
    if (measure == Measure.PERSUADE_TO_QUIT && stage == MemberStage.PROBATIONARY) {
      throw ProblemException.businessRule(
          "probationary-cannot-be-persuaded-to-quit",
          "member.rule.probationary-cannot-be-persuaded-to-quit");
    }
  }

  /** Steps are taken in order, each once per round. */
  public static void checkNextStep(CaseStep current, CaseStep next, boolean closed) {
    if (closed) {
      throw ProblemException.businessRule("unqualified-case-closed", "discipline.rule.case-closed");
    }
    if (next.ordinal() != current.ordinal() + 1) {
      throw ProblemException.businessRule(
          "unqualified-steps-in-order",
          "discipline.rule.steps-in-order",
          next.label(),
          CaseStep.values()[Math.min(current.ordinal() + 1, CaseStep.values().length - 1)].label());
    }
  }

  /** A step is dated between the previous step and today. */
  public static void checkStepDate(LocalDate doneOn, LocalDate previousOn, LocalDate today) {
    if (doneOn.isAfter(today)) {
      throw ProblemException.businessRule("date-in-future", "member.rule.date-in-future");
    }
    if (doneOn.isBefore(previousOn)) {
      throw ProblemException.businessRule(
          "step-before-previous-step", "discipline.rule.step-before-previous", previousOn);
    }
  }

  /** A talker as the talk rule sees them. */
  public record Talker(UUID id, MemberStage stage, MemberStatus status, boolean sameTree) {}

  /**
   * The talk is held by two different formal members (正式党员), active, of the same organisation tree,
   * neither of them the member being handled.
   */
  public static void checkTalkers(UUID subject, List<Talker> talkers) {
    boolean ok =
        talkers.size() == TALKERS
            && !talkers.get(0).id().equals(talkers.get(1).id())
            && talkers.stream()
                .allMatch(
                    t ->
                        !t.id().equals(subject)
                            && t.stage() == MemberStage.FULL
                            && t.status() == MemberStatus.ACTIVE
                            && t.sameTree());
    if (!ok) {
      throw ProblemException.businessRule(
          "talk-needs-two-formal-members",
          "discipline.rule.talk-needs-two-formal-members",
          TALKERS);
    }
  }

  /** The higher bodies' pre-review: the 基层党委, and for 劝退 and 除名 also the 上级党委. */
  public static List<DecidingBody> preReviewedBy(Measure measure) {
    return measure == Measure.CORRECTION
        ? List.of(DecidingBody.PRIMARY_COMMITTEE)
        : List.of(DecidingBody.PRIMARY_COMMITTEE, DecidingBody.HIGHER_COMMITTEE);
  }

  /** 限期改正 lasts six months by default, one year at most, from the day it is decided. */
  public static LocalDate correctionEnd(LocalDate decidedOn, @Nullable Integer months) {
    int m = months == null ? MemberStatusRules.CORRECTION_DEFAULT_MONTHS : months;
    if (m < 1 || m > MemberStatusRules.CORRECTION_MAX_MONTHS) {
      throw ProblemException.businessRule(
          "correction-period-at-most-one-year", "member.rule.correction-period-at-most-one-year");
    }
    return decidedOn.plusMonths(m);
  }

  /**
   * After a 限期改正 that ended without improvement, the branch may open the next, heavier measure on
   * the same case (劝退, or 除名).
   */
  public static void checkNextMeasure(
      Measure current,
      CaseStep step,
      boolean closed,
      @Nullable LocalDate correctionEndsOn,
      Measure next,
      LocalDate today) {
    if (closed
        || current != Measure.CORRECTION
        || step != CaseStep.DECIDED
        || next == Measure.CORRECTION
        || correctionEndsOn == null
        || correctionEndsOn.isAfter(today)) {
      throw ProblemException.businessRule(
          "next-measure-after-correction-period-ended",
          "discipline.rule.next-measure-after-correction");
    }
  }
}
