package cn.dangjian.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.alert.catalogue.AlertRulesProperties;
import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.Severity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One test per member rule of DOMAIN §7, named after it. */
class MemberRulesTest {

  private final MemberRules rules = new MemberRules(RuleCatalogue.defaultCatalogue());
  private static final UUID MEMBER = UUID.fromString("0193a5b2-7c1e-7b6a-9f1e-000000000010");

  static MemberFacts member() {
    return new MemberFacts(
        MEMBER,
        UUID.randomUUID(),
        "/a/b/",
        "BRANCH",
        "ACTIVE",
        "FULL",
        null,
        null,
        0,
        0,
        null,
        0,
        null,
        null,
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static MemberFacts absentSince(LocalDate since, LocalDate lastAttended, int missed) {
    MemberFacts m = member();
    return new MemberFacts(
        m.memberId(),
        m.orgId(),
        m.orgPath(),
        m.orgType(),
        m.status(),
        m.stage(),
        lastAttended,
        since,
        missed,
        0,
        null,
        0,
        null,
        null,
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static Optional<Severity> level(Outcome outcome) {
    return outcome.finding().map(Finding::severity);
  }

  @Test
  void memberAbsentFromOrganisationalLifeThreeFiveSixMonthsIsNoticeWarningSerious() {
    MemberFacts m = absentSince(LocalDate.of(2026, 8, 5), LocalDate.of(2026, 7, 15), 4);
    assertThat(level(rules.absence(m, LocalDate.of(2026, 9, 30)))).isEmpty();
    assertThat(level(rules.absence(m, LocalDate.of(2026, 10, 31)))).contains(Severity.NOTICE);
    assertThat(level(rules.absence(m, LocalDate.of(2026, 11, 30)))).contains(Severity.NOTICE);
    assertThat(level(rules.absence(m, LocalDate.of(2026, 12, 31)))).contains(Severity.WARNING);
    assertThat(level(rules.absence(m, LocalDate.of(2027, 1, 31)))).contains(Severity.SERIOUS);
  }

  @Test
  void absenceSuggestionNamesTheMonthsTheLastAttendanceAndTheArticle() {
    MemberFacts m = absentSince(LocalDate.of(2026, 8, 5), LocalDate.of(2026, 7, 15), 4);
    Finding finding = rules.absence(m, LocalDate.of(2026, 11, 30)).finding().orElseThrow();
    String text =
        cn.dangjian.alert.rules.Templates.fill(
            RuleCatalogue.defaultCatalogue().get(finding.ruleId()).suggestionTemplate(),
            Map.of(
                "memberId", finding.facts().get("memberId"),
                "absentSince", finding.facts().get("absentSince"),
                "months", finding.facts().get("months"),
                "missed", finding.facts().get("missed"),
                "lastAttended", finding.facts().get("lastAttended"),
                "deadline", "2026-12-15"));
    assertThat(text)
        .contains("自2026-08-05起已连续4个月未参加党的组织生活")
        .contains("最近一次参加：2026-07-15")
        .contains("《中国共产党章程》第九条")
        .contains("请支部书记于2026-12-15前");
    assertThat(finding.periodKey()).isEqualTo("since:2026-08-05");
  }

  @Test
  void aMemberWhoLeftTheRegisterOrWasNeverAdmittedIsNotWarnedForAbsence() {
    MemberFacts absent = absentSince(LocalDate.of(2026, 1, 5), null, 10);
    MemberFacts deceased =
        new MemberFacts(
            absent.memberId(),
            absent.orgId(),
            absent.orgPath(),
            "BRANCH",
            "DECEASED",
            "FULL",
            null,
            absent.absentSince(),
            10,
            0,
            null,
            0,
            null,
            null,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    MemberFacts applicant =
        new MemberFacts(
            absent.memberId(),
            absent.orgId(),
            absent.orgPath(),
            "BRANCH",
            "ACTIVE",
            "APPLICANT",
            null,
            absent.absentSince(),
            10,
            0,
            null,
            0,
            null,
            null,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    LocalDate asOf = LocalDate.of(2026, 11, 30);
    assertThat(rules.absence(deceased, asOf).finding()).isEmpty();
    assertThat(rules.absence(applicant, asOf).finding()).isEmpty();
  }

  @Test
  void absenceThresholdsAreConfigurablePerOrgType() {
    AlertRulesProperties.RuleOverride override =
        new AlertRulesProperties.RuleOverride(null, Map.of("BRANCH", "2,4,6"), null, null);
    AlertRulesProperties defaults = AlertRulesProperties.defaults();
    AlertRulesProperties properties =
        new AlertRulesProperties(
            Map.of(RuleCatalogue.MEMBER_ABSENT_ORG_LIFE, override),
            defaults.memberTrainingHours(),
            defaults.secretaryTrainingHours());
    MemberRules strict = new MemberRules(new RuleCatalogue(properties));
    MemberFacts m = absentSince(LocalDate.of(2026, 8, 5), null, 3);
    assertThat(level(strict.absence(m, LocalDate.of(2026, 9, 30)))).contains(Severity.NOTICE);
    assertThat(level(rules.absence(m, LocalDate.of(2026, 9, 30)))).isEmpty();
  }

  private static MemberFacts arrears(int months) {
    MemberFacts m = member();
    return new MemberFacts(
        m.memberId(),
        m.orgId(),
        m.orgPath(),
        "BRANCH",
        "ACTIVE",
        "FULL",
        null,
        null,
        0,
        months,
        "2026-06",
        4500,
        null,
        null,
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void duesUnpaidThreeFiveSixConsecutiveMonthsIsNoticeWarningSerious() {
    assertThat(level(rules.arrears(arrears(2)))).isEmpty();
    assertThat(level(rules.arrears(arrears(3)))).contains(Severity.NOTICE);
    assertThat(level(rules.arrears(arrears(5)))).contains(Severity.WARNING);
    assertThat(level(rules.arrears(arrears(6)))).contains(Severity.SERIOUS);
    assertThat(rules.arrears(arrears(3)).finding().orElseThrow().facts())
        .containsEntry("outstanding", "45.00")
        .containsEntry("sinceMonth", "2026-06");
    assertThat(rules.arrears(arrears(0)).clearFacts()).containsEntry("months", "0");
  }

  private static MemberFacts next(String step, LocalDate due) {
    MemberFacts m = member();
    return new MemberFacts(
        m.memberId(),
        m.orgId(),
        m.orgPath(),
        "BRANCH",
        "ACTIVE",
        "APPLICANT",
        null,
        null,
        0,
        0,
        null,
        0,
        null,
        null,
        false,
        "APPLICATION",
        due.minusMonths(1),
        step,
        due,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void applicationWithoutATalkWarnsFiveDaysBeforeTheMonthIsUpAtItAndAfterIt() {
    LocalDate due = LocalDate.of(2026, 12, 10);
    MemberFacts m = next("TALK", due);
    String rule = RuleCatalogue.APPLICATION_TALK_DUE;
    assertThat(level(rules.pipeline(rule, m, due.minusDays(6)))).isEmpty();
    assertThat(level(rules.pipeline(rule, m, due.minusDays(5)))).contains(Severity.NOTICE);
    assertThat(level(rules.pipeline(rule, m, due))).contains(Severity.WARNING);
    assertThat(level(rules.pipeline(rule, m, due.plusDays(1)))).contains(Severity.SERIOUS);
    assertThat(rules.pipeline(RuleCatalogue.PROBATION_ENDING, m, due).finding()).isEmpty();
  }

  @Test
  void probationEndingWarnsThirtyDaysAheadOnTheDayAndThirtyDaysAfter() {
    LocalDate end = LocalDate.of(2027, 6, 18);
    MemberFacts m = next("CONVERSION_MEETING", end);
    String rule = RuleCatalogue.PROBATION_ENDING;
    assertThat(level(rules.pipeline(rule, m, end.minusDays(31)))).isEmpty();
    assertThat(level(rules.pipeline(rule, m, end.minusDays(30)))).contains(Severity.NOTICE);
    assertThat(level(rules.pipeline(rule, m, end))).contains(Severity.WARNING);
    assertThat(level(rules.pipeline(rule, m, end.plusDays(30)))).contains(Severity.SERIOUS);
  }

  @Test
  void activistReachingTwelveMonthsIsANoticeOnly() {
    LocalDate due = LocalDate.of(2026, 12, 1);
    MemberFacts m = next("TARGET_CONFIRMED", due);
    assertThat(level(rules.pipeline(RuleCatalogue.ACTIVIST_ELIGIBLE, m, due)))
        .contains(Severity.NOTICE);
    assertThat(level(rules.pipeline(RuleCatalogue.ACTIVIST_ELIGIBLE, m, due.plusYears(1))))
        .contains(Severity.NOTICE);
  }

  @Test
  void admissionApprovalPendingAfterTheBranchMeetingIsSeriousNinetyDaysPastTheThreeMonths() {
    LocalDate due = LocalDate.of(2026, 9, 20);
    MemberFacts m = next("ADMISSION_APPROVED", due);
    String rule = RuleCatalogue.ADMISSION_APPROVAL_PENDING;
    assertThat(level(rules.pipeline(rule, m, due.minusDays(30)))).contains(Severity.NOTICE);
    assertThat(level(rules.pipeline(rule, m, due.plusDays(89)))).contains(Severity.WARNING);
    assertThat(level(rules.pipeline(rule, m, due.plusDays(90)))).contains(Severity.SERIOUS);
  }

  private static MemberFacts withTraining(BigDecimal hours, boolean secretary) {
    MemberFacts m = member();
    return new MemberFacts(
        m.memberId(),
        m.orgId(),
        m.orgPath(),
        "BRANCH",
        "ACTIVE",
        "FULL",
        null,
        null,
        0,
        0,
        null,
        0,
        2026,
        hours,
        secretary,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void memberTrainingBelowThirtyTwoHoursIsANoticeFromOctoberAndSeriousOnTheLastDay() {
    MemberFacts m = withTraining(new BigDecimal("20.0"), false);
    assertThat(level(rules.training(m, LocalDate.of(2026, 9, 30), false))).isEmpty();
    assertThat(level(rules.training(m, LocalDate.of(2026, 10, 1), false)))
        .contains(Severity.NOTICE);
    assertThat(level(rules.training(m, LocalDate.of(2026, 12, 31), false)))
        .contains(Severity.SERIOUS);
    assertThat(
            rules
                .training(
                    withTraining(new BigDecimal("32"), false), LocalDate.of(2026, 12, 31), false)
                .finding())
        .isEmpty();
    assertThat(rules.training(m, LocalDate.of(2026, 10, 1), false).finding().orElseThrow().facts())
        .containsEntry("missing", "12.0");
  }

  @Test
  void secretaryTrainingBelowFiftySixHoursAppliesToTheSecretaryOnly() {
    LocalDate asOf = LocalDate.of(2026, 12, 31);
    assertThat(rules.training(withTraining(new BigDecimal("40"), true), asOf, true).finding())
        .isPresent();
    assertThat(rules.training(withTraining(new BigDecimal("40"), false), asOf, true).finding())
        .isEmpty();
  }

  @Test
  void lostContactThreeSixTwentyFourMonthsIsNoticeWarningSerious() {
    MemberFacts base = member();
    MemberFacts m =
        new MemberFacts(
            base.memberId(),
            base.orgId(),
            base.orgPath(),
            "BRANCH",
            "ACTIVE",
            "FULL",
            null,
            null,
            0,
            0,
            null,
            0,
            null,
            null,
            false,
            null,
            null,
            null,
            null,
            LocalDate.of(2026, 1, 10),
            null,
            null,
            null,
            null,
            null);
    assertThat(level(rules.lostContact(m, LocalDate.of(2026, 4, 9)))).isEmpty();
    assertThat(level(rules.lostContact(m, LocalDate.of(2026, 4, 10)))).contains(Severity.NOTICE);
    assertThat(level(rules.lostContact(m, LocalDate.of(2026, 7, 10)))).contains(Severity.WARNING);
    assertThat(level(rules.lostContact(m, LocalDate.of(2028, 1, 10)))).contains(Severity.SERIOUS);
  }

  @Test
  void correctionPeriodEndingWarnsOnTheDay() {
    LocalDate ends = LocalDate.of(2027, 3, 1);
    MemberFacts base = member();
    MemberFacts m =
        new MemberFacts(
            base.memberId(),
            base.orgId(),
            base.orgPath(),
            "BRANCH",
            "ACTIVE",
            "FULL",
            null,
            null,
            0,
            0,
            null,
            0,
            null,
            null,
            false,
            null,
            null,
            null,
            null,
            null,
            ends,
            null,
            null,
            null,
            null);
    String rule = RuleCatalogue.CORRECTION_PERIOD_ENDING;
    assertThat(level(rules.periodEnding(rule, m, ends, ends.minusDays(16)))).isEmpty();
    assertThat(level(rules.periodEnding(rule, m, ends, ends.minusDays(15))))
        .contains(Severity.NOTICE);
    assertThat(level(rules.periodEnding(rule, m, ends, ends))).contains(Severity.WARNING);
  }

  @Test
  void transferLetterNotReceivedPastItsValidityIsAWarningAndNinetyDaysLaterSerious() {
    LocalDate valid = LocalDate.of(2026, 10, 31);
    MemberFacts base = member();
    MemberFacts m =
        new MemberFacts(
            base.memberId(),
            base.orgId(),
            base.orgPath(),
            "BRANCH",
            "ACTIVE",
            "FULL",
            null,
            null,
            0,
            0,
            null,
            0,
            null,
            null,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            UUID.randomUUID(),
            valid.minusDays(90),
            valid);
    assertThat(level(rules.transfer(m, valid))).isEmpty();
    assertThat(level(rules.transfer(m, valid.plusDays(1)))).contains(Severity.WARNING);
    assertThat(level(rules.transfer(m, valid.plusDays(90)))).contains(Severity.SERIOUS);
  }
}
