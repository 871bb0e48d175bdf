package cn.dangjian.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.Severity;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 谈心谈话 coverage (ZB ch.5) and the year's dues assessment (DF Art 10). */
class CoverageRulesTest {

  private final CoverageRules rules = new CoverageRules(RuleCatalogue.defaultCatalogue());

  private static final UUID SECRETARY = id(1);
  private static final UUID DEPUTY = id(2);
  private static final UUID MEMBER_A = id(3);
  private static final UUID MEMBER_B = id(4);

  private static UUID id(int n) {
    return UUID.fromString("0193a5b2-7c1e-7b6a-9f1e-00000000000" + n);
  }

  private static Optional<Severity> level(Outcome outcome) {
    return outcome.finding().map(Finding::severity);
  }

  private static TalkFacts talks(String... pairs) {
    return new TalkFacts(
        Set.of(SECRETARY, DEPUTY),
        Set.of(SECRETARY, DEPUTY, MEMBER_A, MEMBER_B),
        new HashSet<>(List.of(pairs)));
  }

  @Test
  void talkCoverageCountsCommitteePairsAndCommitteeToMemberPairs() {
    // 2 committee members: 1 committee pair; 2 × 2 committee→member pairs; member↔member not
    // counted
    TalkFacts some =
        talks(
            TalkFacts.pair(DEPUTY, SECRETARY), // either order is the same pair
            TalkFacts.pair(SECRETARY, MEMBER_A),
            TalkFacts.pair(MEMBER_A, MEMBER_B));
    CoverageRules.Coverage c = CoverageRules.coverage(some);
    assertThat(c.ccCovered()).isEqualTo(1);
    assertThat(c.ccRequired()).isEqualTo(1);
    assertThat(c.cmCovered()).isEqualTo(1);
    assertThat(c.cmRequired()).isEqualTo(4);
    assertThat(c.missing()).hasSize(3).allMatch(p -> p.startsWith("委员"));

    OrgFacts branch = OrgRulesTest.branch(LocalDate.of(2020, 1, 1), true);
    Outcome q4 = rules.talkCoverage(branch, LocalDate.of(2026, 10, 1), some);
    assertThat(level(q4)).contains(Severity.NOTICE);
    assertThat(q4.finding().get().facts())
        .containsEntry("covered", "2")
        .containsEntry("required", "5")
        .containsEntry("percent", "40")
        .containsEntry("cmRequired", "4");
    assertThat(q4.finding().get().evidence()).hasSize(2 + 3);
    assertThat(level(rules.talkCoverage(branch, LocalDate.of(2026, 12, 31), some)))
        .contains(Severity.SERIOUS);
    assertThat(rules.talkCoverage(branch, LocalDate.of(2026, 9, 30), some).finding())
        .as("before Q4")
        .isEmpty();

    TalkFacts all =
        talks(
            TalkFacts.pair(SECRETARY, DEPUTY),
            TalkFacts.pair(SECRETARY, MEMBER_A),
            TalkFacts.pair(SECRETARY, MEMBER_B),
            TalkFacts.pair(MEMBER_A, DEPUTY),
            TalkFacts.pair(MEMBER_B, DEPUTY));
    assertThat(rules.talkCoverage(branch, LocalDate.of(2026, 12, 31), all).finding()).isEmpty();
    assertThat(
            rules
                .talkCoverage(
                    branch,
                    LocalDate.of(2026, 12, 31),
                    new TalkFacts(Set.of(), Set.of(MEMBER_A, MEMBER_B), Set.of()))
                .finding())
        .as("no committee known: nothing to judge")
        .isEmpty();
  }

  @Test
  void talkCoverageSeasonStartsInOctober() {
    assertThat(rules.talkCoverageInSeason(LocalDate.of(2026, 9, 30))).isFalse();
    assertThat(rules.talkCoverageInSeason(LocalDate.of(2026, 10, 1))).isTrue();
  }

  @Test
  void duesBaseNotReassessedAfterTheFirstQuarterIsANoticeThenAWarningFromMay() {
    OrgFacts branch = OrgRulesTest.branch(LocalDate.of(2020, 1, 1), false);
    DuesBaseFacts missing = new DuesBaseFacts(10, 3, List.of(MEMBER_A, MEMBER_B, DEPUTY));
    assertThat(rules.duesBase(branch, LocalDate.of(2027, 3, 31), missing).finding()).isEmpty();
    assertThat(level(rules.duesBase(branch, LocalDate.of(2027, 4, 1), missing)))
        .contains(Severity.NOTICE);
    Outcome may = rules.duesBase(branch, LocalDate.of(2027, 5, 1), missing);
    assertThat(level(may)).contains(Severity.WARNING);
    assertThat(may.finding().get().periodKey()).isEqualTo("year:2027");
    assertThat(may.finding().get().facts())
        .containsEntry("missing", "3")
        .containsEntry("total", "10")
        .containsEntry("year", "2027");
    assertThat(
            rules
                .duesBase(branch, LocalDate.of(2027, 5, 1), new DuesBaseFacts(10, 0, List.of()))
                .finding())
        .as("every member paying by a base assessed (or re-assessed on a change of pay)")
        .isEmpty();
    assertThat(rules.duesBaseInSeason(LocalDate.of(2027, 3, 31))).isFalse();
    assertThat(rules.duesBaseInSeason(LocalDate.of(2027, 4, 1))).isTrue();
  }
}
