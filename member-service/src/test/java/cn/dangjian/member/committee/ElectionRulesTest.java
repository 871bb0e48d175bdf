package cn.dangjian.member.committee;

import static cn.dangjian.member.RuleAssertions.assertRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.dangjian.member.person.MemberFlag;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The election rules of XJ, one test per rule, named after it. */
class ElectionRulesTest {

  private final UUID a = UUID.randomUUID();
  private final UUID b = UUID.randomUUID();
  private final UUID c = UUID.randomUUID();
  private final UUID d = UUID.randomUUID();

  @Test
  void electionBelowFourFifthsTurnoutIsInvalid() {
    // exactly four fifths is not enough: strictly more
    assertThat(ElectionRules.turnoutValid(20, 16)).isFalse();
    assertThat(ElectionRules.invalidity(20, 16, null)).contains("turnout-not-above-four-fifths");
    assertThat(ElectionRules.turnoutValid(20, 17)).isTrue();
    assertThat(ElectionRules.invalidity(20, 17, null)).isEmpty();
    assertThat(ElectionRules.turnoutValid(7, 5)).isFalse(); // 25 > 28? no
    assertThat(ElectionRules.turnoutValid(7, 6)).isTrue();
    assertThat(ElectionRules.turnoutValid(0, 0)).isFalse();
  }

  @Test
  void moreBallotsThanVotersIsInvalid() {
    assertThat(ElectionRules.invalidity(20, 18, 19)).contains("more-ballots-than-voters");
    assertThat(ElectionRules.invalidity(20, 18, 18)).isEmpty();
    assertThat(ElectionRules.invalidity(20, 18, 17)).isEmpty();
  }

  @Test
  void differentialBelowTwentyPercentIsRefused() {
    assertRule(() -> ElectionRules.checkDifferential(5, 5), "differential-below-twenty-percent");
    assertThatCode(() -> ElectionRules.checkDifferential(5, 6)).doesNotThrowAnyException();
    // 7 × 1.2 = 8.4: rounded up, nine
    assertRule(() -> ElectionRules.checkDifferential(7, 8), "differential-below-twenty-percent");
    assertThat(ElectionRules.minimumCandidates(7)).isEqualTo(9);
    // always more candidates than seats, even where 20 % rounds to less than one
    assertThat(ElectionRules.minimumCandidates(1)).isEqualTo(2);
    assertThat(ElectionRules.minimumCandidates(3)).isEqualTo(4);
    assertRule(() -> ElectionRules.checkDifferential(1, 1), "differential-below-twenty-percent");
  }

  @Test
  void candidateNeedsMoreThanHalfOfThosePresent() {
    assertThat(ElectionRules.hasMajority(9, 18)).isFalse();
    assertThat(ElectionRules.hasMajority(10, 18)).isTrue();
    Map<UUID, Integer> votes = new LinkedHashMap<>();
    votes.put(a, 9); // half of 18 present: not elected
    votes.put(b, 17);
    votes.put(c, 10);
    votes.put(d, 12);
    // majority of those present, most votes first, at most the seats
    assertThat(ElectionRules.elected(votes, 18, 2)).containsExactly(b, d);
    assertThat(ElectionRules.elected(votes, 18, 5)).containsExactly(b, d, c);
  }

  @Test
  void aTieForTheLastSeatNeedsAnotherBallot() {
    Map<UUID, Integer> votes = new LinkedHashMap<>();
    votes.put(a, 15);
    votes.put(b, 12);
    votes.put(c, 12);
    assertRule(() -> ElectionRules.elected(votes, 18, 2), "tie-needs-another-ballot");
    assertThat(ElectionRules.elected(votes, 18, 3)).containsExactly(a, b, c);
  }

  @Test
  void countsThatCannotBeTrueAreRefused() {
    assertRule(
        () -> ElectionRules.checkCounts(10, 11, null, List.of(5)), "election-counts-inconsistent");
    assertRule(
        () -> ElectionRules.checkCounts(10, 9, null, List.of(10)), "election-counts-inconsistent");
    assertRule(
        () -> ElectionRules.checkCounts(10, 9, 8, List.of(9)), "election-counts-inconsistent");
    assertThatCode(() -> ElectionRules.checkCounts(10, 9, 9, List.of(9, 0)))
        .doesNotThrowAnyException();
  }

  @Test
  void probationaryMembersHaveNoVote() {
    assertThat(ElectionRules.hasVote(MemberStage.PROBATIONARY, MemberStatus.ACTIVE, Set.of()))
        .isFalse();
    assertRule(
        () -> ElectionRules.checkCandidate(MemberStage.PROBATIONARY, MemberStatus.ACTIVE, Set.of()),
        "only-full-members-with-rights");
    assertThat(ElectionRules.hasVote(MemberStage.FULL, MemberStatus.ACTIVE, Set.of())).isTrue();
    // a mobile member keeps the vote
    assertThat(
            ElectionRules.hasVote(MemberStage.FULL, MemberStatus.ACTIVE, Set.of(MemberFlag.MOBILE)))
        .isTrue();
  }

  @Test
  void disciplinaryProbationHasNoVote() {
    assertThat(
            ElectionRules.hasVote(
                MemberStage.FULL, MemberStatus.ACTIVE, Set.of(MemberFlag.DISCIPLINARY_PROBATION)))
        .isFalse();
    assertThat(
            ElectionRules.hasVote(
                MemberStage.FULL, MemberStatus.ACTIVE, Set.of(MemberFlag.RIGHTS_SUSPENDED)))
        .isFalse();
    assertRule(
        () ->
            ElectionRules.checkCandidate(
                MemberStage.FULL, MemberStatus.ACTIVE, Set.of(MemberFlag.DISCIPLINARY_PROBATION)),
        "only-full-members-with-rights");
    assertThat(ElectionRules.hasVote(MemberStage.FULL, MemberStatus.SUSPENDED, Set.of())).isFalse();
  }

  @Test
  void requestIsDueOneToTwoMonthsBeforeExpiry() {
    LocalDate due = LocalDate.of(2027, 6, 30);
    assertRule(
        () -> ElectionRules.checkRequestTiming(due, LocalDate.of(2026, 12, 29), 6, 1),
        "election-request-too-early");
    assertThat(ElectionRules.checkRequestTiming(due, LocalDate.of(2026, 12, 30), 6, 1)).isFalse();
    assertThat(ElectionRules.checkRequestTiming(due, LocalDate.of(2027, 5, 1), 6, 1)).isFalse();
    assertThat(ElectionRules.checkRequestTiming(due, LocalDate.of(2027, 5, 30), 6, 1)).isFalse();
    // later than one month before: accepted, flagged late (overdue too)
    assertThat(ElectionRules.checkRequestTiming(due, LocalDate.of(2027, 5, 31), 6, 1)).isTrue();
    assertThat(ElectionRules.checkRequestTiming(due, LocalDate.of(2027, 9, 1), 6, 1)).isTrue();
    // a first election has no window
    assertThat(ElectionRules.checkRequestTiming(null, LocalDate.of(2027, 9, 1), 6, 1)).isFalse();
  }

  @Test
  void secretaryMustBeOneOfTheElected() {
    List<UUID> elected = List.of(a, b, c);
    assertRule(() -> ElectionRules.checkOfficers(elected, d, null), "secretary-from-the-elected");
    assertRule(() -> ElectionRules.checkOfficers(elected, a, d), "secretary-from-the-elected");
    assertRule(() -> ElectionRules.checkOfficers(elected, a, a), "secretary-from-the-elected");
    assertThatCode(() -> ElectionRules.checkOfficers(elected, a, b)).doesNotThrowAnyException();
  }

  @Test
  void secretaryMustBeEligibleWithOneYearOfStanding() {
    // the secretary's own conditions are the committee's (CommitteeRules.checkEligible)
    assertRule(
        () ->
            CommitteeRules.checkEligible(
                CommitteeRole.SECRETARY,
                true,
                true,
                false,
                LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 12, 1)),
        "secretary-needs-one-year-standing");
  }

  @Test
  void aCandidateIsListedOnce() {
    assertRule(() -> ElectionRules.distinct(List.of(a, b, a)), "one-candidacy-per-member");
    assertThat(ElectionRules.distinct(List.of(b, a))).containsExactly(b, a);
  }
}
