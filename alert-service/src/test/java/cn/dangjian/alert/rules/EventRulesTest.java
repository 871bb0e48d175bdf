package cn.dangjian.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.events.assessment.AccountabilityTriggered;
import cn.dangjian.events.member.ElectionHeld;
import cn.dangjian.events.orglife.RecordFlagged;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules raised by another service's event, named after the rule. */
class EventRulesTest {

  private final EventRules rules = new EventRules();
  private final UUID meeting = UUID.randomUUID();
  private final UUID related = UUID.randomUUID();

  @Test
  void recordFlaggedIsAWarningPerMeetingAndKindWithTheComparedRecordAsEvidence() {
    Finding f =
        rules
            .recordFlagged(
                new RecordFlagged(
                    UUID.randomUUID(),
                    meeting,
                    UUID.randomUUID(),
                    "支部党员大会",
                    LocalDate.of(2026, 9, 8),
                    3,
                    "DUPLICATE_MINUTES",
                    related,
                    0.93,
                    "会议记录与以往记录高度相似"))
            .finding()
            .orElseThrow();
    assertThat(f.ruleId()).isEqualTo(RuleCatalogue.RECORD_FLAGGED);
    assertThat(f.periodKey()).isEqualTo("record:" + meeting + ":DUPLICATE_MINUTES");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.facts())
        .containsEntry("kindText", "照抄照搬（会议记录与以往记录高度相似）")
        .containsEntry("heldOn", "2026-09-08")
        .containsEntry("meetingTypeText", "支部党员大会")
        .containsEntry("evidence", "会议记录与以往记录高度相似");
    assertThat(f.evidence().get(0).text())
        .isEqualTo("会议记录与以往记录高度相似（比对记录 " + related + "，相似度 0.93）");
    assertThat(f.deadline()).isNull();
  }

  @Test
  void recordFlaggedWithoutEvidenceSaysWhatKindItIs() {
    Finding f =
        rules
            .recordFlagged(
                new RecordFlagged(null, meeting, null, null, null, 1, "LATE_ENTRY", null, 0, null))
            .finding()
            .orElseThrow();
    assertThat(f.facts()).containsEntry("evidence", "会后长时间补录");
    assertThat(f.evidence().get(0).text()).isEqualTo("null");
  }

  @Test
  void accountabilityTalkIsSeriousPerCycleWithTheRectificationDeadline() {
    UUID cycle = UUID.randomUUID();
    UUID event = UUID.randomUUID();
    Finding f =
        rules
            .accountabilityTalk(
                new AccountabilityTriggered(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    cycle,
                    UUID.randomUUID(),
                    3,
                    "5%",
                    LocalDate.of(2027, 2, 1),
                    LocalDate.of(2027, 4, 30),
                    "两年均列后5%"),
                event,
                LocalDate.of(2027, 1, 10))
            .finding()
            .orElseThrow();
    assertThat(f.ruleId()).isEqualTo(RuleCatalogue.ACCOUNTABILITY_TALK);
    assertThat(f.periodKey()).isEqualTo("cycle:" + cycle);
    assertThat(f.severity()).isEqualTo(Severity.SERIOUS);
    assertThat(f.facts())
        .containsEntry("years", "3")
        .containsEntry("band", "5%")
        .containsEntry("talkBy", "2027-02-01")
        .containsEntry("detail", "两年均列后5%");
    assertThat(f.evidence().get(0).ref()).isEqualTo(event.toString());
    assertThat(f.deadline()).isEqualTo(LocalDate.of(2027, 4, 30));
  }

  @Test
  void accountabilityTalkFallsBackAsBeforeWhenFieldsAreMissing() {
    UUID event = UUID.randomUUID();
    Finding f =
        rules
            .accountabilityTalk(
                new AccountabilityTriggered(
                    null, UUID.randomUUID(), null, null, 0, null, null, null, null),
                event,
                LocalDate.of(2027, 1, 10))
            .finding()
            .orElseThrow();
    assertThat(f.periodKey()).isEqualTo("cycle:" + event);
    assertThat(f.facts())
        .containsEntry("years", "2")
        .containsEntry("band", "10%")
        .containsEntry("talkBy", "2027-02-09")
        .containsEntry("detail", "见考核结果");
    assertThat(f.deadline()).isNull();
  }

  @Test
  void electionInvalidIsSeriousPerElectionWithTurnoutAndDifferentialAsEvidence() {
    UUID election = UUID.randomUUID();
    Finding f =
        rules
            .electionInvalid(
                new ElectionHeld(
                    election,
                    UUID.randomUUID(),
                    LocalDate.of(2026, 12, 6),
                    20,
                    16,
                    5,
                    6,
                    false,
                    "turnout-not-above-four-fifths",
                    List.of()))
            .finding()
            .orElseThrow();
    assertThat(f.ruleId()).isEqualTo(RuleCatalogue.ELECTION_INVALID);
    assertThat(f.periodKey()).isEqualTo("election:" + election);
    assertThat(f.severity()).isEqualTo(Severity.SERIOUS);
    assertThat(f.facts())
        .containsEntry("heldOn", "2026-12-06")
        .containsEntry("ruleShort", "到会人数未超过应到会人数的五分之四")
        .containsEntry("ruleText", "有选举权的到会人数须超过应到会人数的五分之四，会议方为有效");
    assertThat(f.evidence()).hasSize(2);
    assertThat(f.evidence().get(0).text()).isEqualTo("到会人数/应到会人数 16/20（80%，须超过80%）");
    assertThat(f.evidence().get(1).text()).isEqualTo("候选人数/应选人数 6/5（差额比例20%，须不少于20%）");
    assertThat(f.evidence().get(0).ref()).isEqualTo(election.toString());
    assertThat(f.deadline()).isNull(); // the catalogue's 30 days
  }

  @Test
  void electionInvalidClearsWithAValidElectionOrANewTerm() {
    Outcome valid =
        rules.electionInvalid(
            new ElectionHeld(
                UUID.randomUUID(),
                UUID.randomUUID(),
                LocalDate.of(2026, 12, 20),
                20,
                18,
                5,
                6,
                true,
                null,
                List.of(UUID.randomUUID())));
    assertThat(valid.finding()).isEmpty();
    assertThat(valid.ruleId()).isEqualTo(RuleCatalogue.ELECTION_INVALID);
    assertThat(valid.clearFacts()).containsEntry("resolution", "本组织已于2026-12-20重新选举，选举有效");
    assertThat(rules.newTermStarted(LocalDate.of(2027, 1, 5)).clearFacts())
        .containsEntry("resolution", "新一届委员会已于2027-01-05产生");
  }

  @Test
  void electionInvalidNamesTheBallotRuleAndPercentagesWithOneDecimal() {
    Finding f =
        rules
            .electionInvalid(
                new ElectionHeld(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    LocalDate.of(2026, 12, 6),
                    7,
                    6,
                    3,
                    4,
                    false,
                    "more-ballots-than-voters",
                    List.of()))
            .finding()
            .orElseThrow();
    assertThat(f.facts()).containsEntry("ruleShort", "收回的选票多于投票人数");
    assertThat(f.evidence().get(0).text()).contains("6/7（85.7%");
    assertThat(f.evidence().get(1).text()).contains("4/3（差额比例33.3%");
  }
}
