package cn.dangjian.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.events.assessment.AccountabilityTriggered;
import cn.dangjian.events.orglife.RecordFlagged;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The two rules raised by another service's event, one test each, named after the rule. */
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
}
