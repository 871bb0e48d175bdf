package cn.dangjian.member.person;

import cn.dangjian.member.approval.DecidingBody;
import cn.dangjian.platform.problem.ProblemException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Which status changes and flags the regulations allow (DOMAIN.md §2.1, §2.3; DZ Art 7, 9, 41; JG
 * Art 24; BH). Plain rules, no Spring.
 */
public final class MemberStatusRules {

  /** JG Art 24: lost contact for six months despite searching → 停止党籍. */
  public static final int LOST_CONTACT_MONTHS_BEFORE_SUSPENSION = 6;

  /** BH: 限期改正 lasts six months by default, one year at most. */
  public static final int CORRECTION_DEFAULT_MONTHS = 6;

  public static final int CORRECTION_MAX_MONTHS = 12;

  /** DZ Art 41: 留党察看 lasts one year, at most two. */
  public static final int DISCIPLINARY_PROBATION_MAX_YEARS = 2;

  /** Why a membership is suspended (停止党籍). */
  public enum SuspensionBasis {
    LOST_CONTACT,
    SETTLED_ABROAD,
    STUDY_ABROAD_OVER_FIVE_YEARS
  }

  private MemberStatusRules() {}

  /**
   * Who decides a status change above the branch (DOMAIN.md §2.3; DZ Arts 9, 42; JG Art 24; BH):
   * the 基层党委 approves or takes note of suspension, restoration, withdrawal, 劝退, 除名 and the end of a
   * probation; 开除党籍 also needs a 纪委 at county level or above. Only a death is recorded by the
   * branch alone.
   */
  public static List<DecidingBody> decidedBy(MemberStatus to) {
    return switch (to) {
      case DECEASED, TRANSFERRED_OUT -> List.of();
      case EXPELLED -> List.of(DecidingBody.PRIMARY_COMMITTEE, DecidingBody.DISCIPLINE_COMMISSION);
      default -> List.of(DecidingBody.PRIMARY_COMMITTEE);
    };
  }

  /** 除名, 劝退 and 开除党籍 are decided by the 支部大会 before the higher body approves. */
  public static boolean needsBranchMeetingVote(MemberStatus to) {
    return to == MemberStatus.STRUCK_OFF
        || to == MemberStatus.PERSUADED_TO_QUIT
        || to == MemberStatus.EXPELLED;
  }

  /** The regulation and article a request names. */
  public static String basis(MemberStatus to) {
    return switch (to) {
      case SUSPENDED, ACTIVE -> "《中国共产党党员教育管理工作条例》第二十四条";
      case WITHDRAWN -> "《中国共产党章程》第九条";
      case PERSUADED_TO_QUIT, STRUCK_OFF -> "《中国共产党章程》第九条；《不合格党员组织处置办法》";
      case EXPELLED -> "《中国共产党章程》第四十条、第四十二条";
      case PROBATION_CANCELLED, PROBATION_NOT_RETAINED -> "《中国共产党章程》第七条；《中国共产党发展党员工作细则》第三十四条";
      case DECEASED, TRANSFERRED_OUT -> "";
    };
  }

  public static void checkStatusChange(
      MemberStage stage,
      MemberStatus from,
      MemberStatus to,
      LocalDate effectiveOn,
      SuspensionBasis basis,
      Optional<LocalDate> lostContactSince,
      LocalDate today) {
    if (from.isFinal()) {
      throw ProblemException.businessRule(
          "status-is-final", "member.rule.status-is-final", from.label());
    }
    if (from == to) {
      throw ProblemException.businessRule(
          "status-unchanged", "member.rule.status-unchanged", to.label());
    }
    if (effectiveOn.isAfter(today)) {
      throw ProblemException.businessRule("date-in-future", "member.rule.date-in-future");
    }
    switch (to) {
      case ACTIVE -> {
        // Only a suspension can be lifted (恢复党籍); from is not final here, so it is SUSPENDED.
      }
      case SUSPENDED -> checkSuspension(from, effectiveOn, basis, lostContactSince);
      case PERSUADED_TO_QUIT -> {
        if (stage == MemberStage.PROBATIONARY) {
          throw ProblemException.businessRule(
              "probationary-cannot-be-persuaded-to-quit",
              "member.rule.probationary-cannot-be-persuaded-to-quit");
        }
        requireAdmitted(stage, to);
      }
      case PROBATION_CANCELLED, PROBATION_NOT_RETAINED -> {
        if (stage != MemberStage.PROBATIONARY) {
          throw ProblemException.businessRule(
              "only-probationary-members", "member.rule.only-probationary-members", to.label());
        }
      }
      case WITHDRAWN, STRUCK_OFF, EXPELLED -> requireAdmitted(stage, to);
      case DECEASED -> {
        // applies to everyone in the register
      }
      case TRANSFERRED_OUT ->
          throw ProblemException.businessRule(
              "use-the-transfer-process", "member.rule.use-the-transfer-process");
    }
  }

  private static void checkSuspension(
      MemberStatus from,
      LocalDate effectiveOn,
      SuspensionBasis basis,
      Optional<LocalDate> lostContactSince) {
    if (from != MemberStatus.ACTIVE) {
      throw ProblemException.businessRule(
          "only-active-members-can-be-suspended", "member.rule.only-active-can-be-suspended");
    }
    if (basis == null) {
      throw ProblemException.businessRule(
          "suspension-needs-basis", "member.rule.suspension-needs-basis");
    }
    if (basis == SuspensionBasis.LOST_CONTACT
        && lostContactSince
            .map(
                since ->
                    since.plusMonths(LOST_CONTACT_MONTHS_BEFORE_SUSPENSION).isAfter(effectiveOn))
            .orElse(true)) {
      throw ProblemException.businessRule(
          "suspension-needs-six-months-lost-contact",
          "member.rule.suspension-needs-six-months-lost-contact",
          LOST_CONTACT_MONTHS_BEFORE_SUSPENSION);
    }
  }

  private static void requireAdmitted(MemberStage stage, MemberStatus to) {
    if (!stage.admitted()) {
      throw ProblemException.businessRule(
          "only-admitted-members", "member.rule.only-admitted-members", to.label());
    }
  }

  /**
   * The end of a flag's period: given, or the regulation's default; checked against the maximum.
   */
  public static LocalDate flagPeriodEnd(MemberFlag flag, LocalDate startedOn, LocalDate endsOn) {
    LocalDate end = endsOn;
    switch (flag) {
      case CORRECTION_PERIOD -> {
        end = endsOn != null ? endsOn : startedOn.plusMonths(CORRECTION_DEFAULT_MONTHS);
        if (end.isAfter(startedOn.plusMonths(CORRECTION_MAX_MONTHS))) {
          throw ProblemException.businessRule(
              "correction-period-at-most-one-year",
              "member.rule.correction-period-at-most-one-year");
        }
      }
      case DISCIPLINARY_PROBATION -> {
        end = endsOn != null ? endsOn : startedOn.plusYears(1);
        if (end.isAfter(startedOn.plusYears(DISCIPLINARY_PROBATION_MAX_YEARS))) {
          throw ProblemException.businessRule(
              "disciplinary-probation-at-most-two-years",
              "member.rule.disciplinary-probation-at-most-two-years");
        }
      }
      default -> {
        // open-ended until cleared
      }
    }
    if (end != null && !end.isAfter(startedOn)) {
      throw ProblemException.businessRule(
          "period-ends-before-it-starts", "member.rule.period-ends-before-it-starts");
    }
    return end;
  }

  /** Flags describe an active member; a suspended or departed one gets none. */
  public static void checkFlagAllowed(MemberStatus status, MemberFlag flag, boolean alreadySet) {
    if (status != MemberStatus.ACTIVE) {
      throw ProblemException.businessRule(
          "flags-only-for-active-members", "member.rule.flags-only-for-active-members");
    }
    if (alreadySet) {
      throw ProblemException.businessRule(
          "flag-already-set", "member.rule.flag-already-set", flag.label());
    }
  }
}
