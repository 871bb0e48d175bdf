package cn.dangjian.member.person;

import cn.dangjian.member.org.OrgType;
import cn.dangjian.member.privacy.ChineseIdNumber;
import cn.dangjian.platform.problem.ProblemException;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

/**
 * What must hold when a person is entered into the register (DOMAIN.md §1–2). Plain rules, no
 * Spring; each failure names its rule so clients can react without parsing text.
 */
public final class MemberRegistrationRules {

  /** DZ Art 1: an applicant must be at least 18. */
  public static final int MINIMUM_AGE = 18;

  /** BH; JL: a person 劝退, 除名 or 开除党籍 may not apply again within five years. */
  public static final int RE_ENTRY_BAR_YEARS = 5;

  /** The statuses the 5-year re-entry bar follows. */
  public static final Set<MemberStatus> RE_ENTRY_BARRED =
      Set.of(MemberStatus.PERSUADED_TO_QUIT, MemberStatus.STRUCK_OFF, MemberStatus.EXPELLED);

  private MemberRegistrationRules() {}

  /** A record the register already holds for the same ID number. */
  public record EarlierRecord(MemberStatus status, LocalDate statusSince) {}

  /**
   * Whether a person with earlier records may be registered again: only as an applicant, and only
   * when every earlier record ended in 劝退, 除名 or 开除党籍 at least five years ago (within the five
   * years: 422 naming the day the bar ends). False (the caller answers "already registered",
   * without saying where or as whom) for anyone else.
   */
  public static boolean mayRegisterAgain(
      List<EarlierRecord> earlier, MemberStage stage, LocalDate today) {
    if (earlier.stream()
        .anyMatch(r -> !RE_ENTRY_BARRED.contains(r.status()) || r.statusSince() == null)) {
      return false;
    }
    LocalDate barEnds =
        earlier.stream()
            .map(r -> r.statusSince().plusYears(RE_ENTRY_BAR_YEARS))
            .max(LocalDate::compareTo)
            .orElse(today);
    if (barEnds.isAfter(today)) {
      throw ProblemException.businessRule(
          "five-year-re-entry-bar", "member.rule.five-year-re-entry-bar", barEnds);
    }
    return stage == MemberStage.APPLICANT;
  }

  public record Registration(
      OrgType orgType,
      String idNumber,
      LocalDate birthDate,
      MemberStage stage,
      LocalDate joinDate,
      LocalDate fullMemberDate) {}

  public static void check(Registration r, LocalDate today) {
    if (!r.orgType().holdsMemberRelationships()) {
      throw ProblemException.businessRule(
          "org-cannot-hold-members", "member.rule.org-cannot-hold-members", r.orgType().label());
    }
    LocalDate idBirth =
        ChineseIdNumber.birthDate(ChineseIdNumber.normalize(r.idNumber())).orElse(null);
    if (idBirth != null && !idBirth.equals(r.birthDate())) {
      throw ProblemException.businessRule("birth-date-mismatch", "member.rule.birth-date-mismatch");
    }
    if (r.birthDate().isAfter(today)
        || (r.joinDate() != null && r.joinDate().isAfter(today))
        || (r.fullMemberDate() != null && r.fullMemberDate().isAfter(today))) {
      throw ProblemException.businessRule("date-in-future", "member.rule.date-in-future");
    }
    LocalDate ageReference = r.joinDate() != null ? r.joinDate() : today;
    if (Period.between(r.birthDate(), ageReference).getYears() < MINIMUM_AGE) {
      throw ProblemException.businessRule(
          "member-must-be-adult", "member.rule.member-must-be-adult", MINIMUM_AGE);
    }
    if (r.stage().admitted() && r.joinDate() == null) {
      throw ProblemException.businessRule(
          "join-date-required", "member.rule.join-date-required", r.stage().label());
    }
    if (!r.stage().admitted() && r.joinDate() != null) {
      throw ProblemException.businessRule(
          "join-date-only-for-admitted", "member.rule.join-date-only-for-admitted");
    }
    if (r.stage() == MemberStage.FULL) {
      checkProbationLength(r.joinDate(), r.fullMemberDate());
    } else if (r.fullMemberDate() != null) {
      throw ProblemException.businessRule(
          "full-member-date-only-for-full", "member.rule.full-member-date-only-for-full");
    }
  }

  /**
   * DZ Art 7 / FZ Art 32: probation is one year and may be extended once by 6–12 months, so 转正
   * falls between one and two years after admission.
   */
  static void checkProbationLength(LocalDate joinDate, LocalDate fullMemberDate) {
    if (fullMemberDate == null) {
      throw ProblemException.businessRule(
          "full-member-date-required", "member.rule.full-member-date-required");
    }
    if (fullMemberDate.isBefore(joinDate.plusYears(1))
        || fullMemberDate.isAfter(joinDate.plusYears(2))) {
      throw ProblemException.businessRule(
          "probation-one-to-two-years", "member.rule.probation-one-to-two-years");
    }
  }

  /** 党龄 counts from the end of probation (转正), in whole years. */
  public static Integer partyStandingYears(LocalDate fullMemberDate, LocalDate today) {
    return fullMemberDate == null ? null : Period.between(fullMemberDate, today).getYears();
  }
}
