package cn.dangjian.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.Severity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Committee members' and secretaries' training (DOMAIN §5, §7 "Secretary or committee member"). */
class LeaderRulesTest {

  private final LeaderRules rules = new LeaderRules(RuleCatalogue.defaultCatalogue());

  private static MemberFacts member(BigDecimal hours, int year) {
    return new MemberFacts(
        UUID.fromString("0193a5b2-7c1e-7b6a-9f1e-000000000010"),
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
        year,
        hours,
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

  private static LeaderFacts committeeMember() {
    return new LeaderFacts(true, false, null, null, null);
  }

  private static LeaderFacts secretary(LocalDate since, LocalDate formal, LocalDate rotation) {
    return new LeaderFacts(true, true, since, formal, rotation);
  }

  @Test
  void committeeTrainingShortAppliesToEveryCommitteeMemberButTheSecretary() {
    LocalDate asOf = LocalDate.of(2026, 10, 1);
    MemberFacts m = member(new BigDecimal("40"), 2026);
    assertThat(level(rules.committeeTraining(m, committeeMember(), asOf)))
        .contains(Severity.NOTICE);
    assertThat(level(rules.committeeTraining(m, committeeMember(), LocalDate.of(2026, 12, 31))))
        .contains(Severity.SERIOUS);
    assertThat(rules.committeeTraining(m, committeeMember(), asOf).finding().get().facts())
        .containsEntry("missing", "16")
        .containsEntry("required", "56");
    // before Q4, with 56 hours, off the committee, or the secretary (SECRETARY_TRAINING_SHORT's)
    assertThat(rules.committeeTraining(m, committeeMember(), LocalDate.of(2026, 9, 30)).finding())
        .isEmpty();
    assertThat(
            rules
                .committeeTraining(member(new BigDecimal("56"), 2026), committeeMember(), asOf)
                .finding())
        .isEmpty();
    assertThat(rules.committeeTraining(m, LeaderFacts.NONE, asOf).finding()).isEmpty();
    assertThat(rules.committeeTraining(m, secretary(null, null, null), asOf).finding()).isEmpty();
  }

  @Test
  void secretaryRotationMissingWhenNoRotationWasCreditedThisYear() {
    MemberFacts m = member(new BigDecimal("60"), 2026);
    LocalDate asOf = LocalDate.of(2026, 10, 1);
    LocalDate since = LocalDate.of(2024, 3, 1);
    assertThat(level(rules.rotation(m, secretary(since, null, LocalDate.of(2025, 11, 3)), asOf)))
        .contains(Severity.NOTICE);
    assertThat(
            level(
                rules.rotation(
                    m,
                    secretary(since, null, LocalDate.of(2025, 11, 3)),
                    LocalDate.of(2026, 12, 31))))
        .contains(Severity.SERIOUS);
    assertThat(rules.rotation(m, secretary(since, null, LocalDate.of(2026, 4, 2)), asOf).finding())
        .as("rotated this year")
        .isEmpty();
    assertThat(rules.rotation(m, committeeMember(), asOf).finding())
        .as("not a secretary")
        .isEmpty();
    assertThat(rules.rotation(m, secretary(LocalDate.of(2026, 8, 1), null, null), asOf).finding())
        .as("took office after June: the induction rule follows them this year")
        .isEmpty();
  }

  @Test
  void newSecretaryUntrainedSixMonthsAfterTakingOffice() {
    MemberFacts m = member(BigDecimal.ZERO, 2026);
    LocalDate since = LocalDate.of(2026, 3, 15);
    LocalDate due = LocalDate.of(2026, 9, 15);
    LeaderFacts untrained = secretary(since, null, null);
    assertThat(rules.newSecretary(m, untrained, due.minusDays(31)).finding()).isEmpty();
    assertThat(level(rules.newSecretary(m, untrained, due.minusDays(30))))
        .contains(Severity.NOTICE);
    assertThat(level(rules.newSecretary(m, untrained, due))).contains(Severity.WARNING);
    assertThat(level(rules.newSecretary(m, untrained, due.plusDays(90))))
        .contains(Severity.SERIOUS);
    assertThat(rules.newSecretary(m, untrained, due).finding().get().facts())
        .containsEntry("since", "2026-03-15")
        .containsEntry("due", "2026-09-15");
    // training before taking office does not count; a concentrated course or rotation after does
    assertThat(
            level(
                rules.newSecretary(
                    m, secretary(since, LocalDate.of(2025, 12, 1), null), due.plusDays(1))))
        .contains(Severity.WARNING);
    assertThat(
            rules
                .newSecretary(
                    m,
                    secretary(since, LocalDate.of(2026, 5, 20), LocalDate.of(2026, 5, 20)),
                    due.plusDays(1))
                .finding())
        .isEmpty();
    assertThat(rules.newSecretary(m, secretary(null, null, null), due).finding())
        .as("no known day of taking office")
        .isEmpty();
    assertThat(rules.newSecretary(m, untrained, due.plusDays(366)).finding())
        .as("a year past the six months the yearly rotation rule takes over")
        .isEmpty();
  }
}
