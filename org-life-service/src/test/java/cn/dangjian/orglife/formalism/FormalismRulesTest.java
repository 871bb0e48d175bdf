package cn.dangjian.orglife.formalism;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.orglife.formalism.FormalismRules.Candidate;
import cn.dangjian.orglife.formalism.FormalismRules.PastAttendance;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FormalismRulesTest {

  private static final String MINUTES =
      "会议由支部书记主持，传达学习了上级党委关于加强基层党组织建设的文件精神，与会党员结合本职工作逐一发言，"
          + "一致表示要把学习成果转化为推动工作的实际行动。随后讨论了本季度发展党员工作计划。";

  @Test
  void copiedMinutesWithPunctuationAndSpacingChangedAreNearDuplicates() {
    String copied = MINUTES.replace("，", " ").replace("。", "! ") + "散会。";
    assertThat(MinHash.similarity(MinHash.signature(MINUTES), MinHash.signature(copied)))
        .isGreaterThan(0.8);
  }

  @Test
  void minutesOfADifferentMeetingAreNotSimilar() {
    String other = "本次组织生活会对照检查材料逐一发言，开展批评与自我批评，支部确定了三项整改措施和完成时限，明确由组织委员跟踪落实。";
    assertThat(MinHash.similarity(MinHash.signature(MINUTES), MinHash.signature(other)))
        .isLessThan(0.3);
  }

  @Test
  void theMostSimilarEarlierRecordAboveTheThresholdIsTheEvidence() {
    byte[] sig = MinHash.signature(MINUTES);
    Candidate unrelated =
        new Candidate(
            UUID.randomUUID(),
            UUID.randomUUID(),
            LocalDate.of(2026, 1, 1),
            MinHash.signature("完全不同的会议内容，讨论了社区志愿服务和困难群众走访慰问安排。"));
    Candidate copy =
        new Candidate(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 2, 1), sig);
    var match = FormalismRules.mostSimilar(sig, List.of(unrelated, copy), 0.8).orElseThrow();
    assertThat(match.candidate()).isEqualTo(copy);
    assertThat(match.similarity()).isEqualTo(1.0);
    assertThat(FormalismRules.mostSimilar(sig, List.of(unrelated), 0.8)).isEmpty();
  }

  @Test
  void identicalFullAttendanceRunIsFlaggedOnlyWhenEveryMeetingHadTheSamePeopleAll() {
    Set<UUID> people =
        Set.of(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID());
    PastAttendance same = new PastAttendance(UUID.randomUUID(), 5, 5, people);
    assertThat(FormalismRules.identicalFullAttendance(5, people, List.of(same, same, same), 4))
        .isTrue();
    PastAttendance oneAbsent = new PastAttendance(UUID.randomUUID(), 5, 4, Set.of());
    assertThat(FormalismRules.identicalFullAttendance(5, people, List.of(same, oneAbsent, same), 4))
        .isFalse();
    assertThat(FormalismRules.identicalFullAttendance(5, people, List.of(same, same), 4)).isFalse();
  }

  @Test
  void aSmallCommitteeAlwaysPresentIsNotFlagged() {
    Set<UUID> three = Set.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    PastAttendance same = new PastAttendance(UUID.randomUUID(), 3, 3, three);
    assertThat(FormalismRules.identicalFullAttendance(3, three, List.of(same, same, same), 4))
        .isFalse();
  }

  @Test
  void aRecordEnteredMoreThanTheAllowedDaysAfterTheMeetingIsLate() {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    LocalDateTime ended = LocalDateTime.of(2026, 11, 1, 16, 0);
    Instant eightDays = ended.plusDays(8).atZone(zone).toInstant();
    Instant sixDays = ended.plusDays(6).atZone(zone).toInstant();
    assertThat(FormalismRules.lateEntry(ended, eightDays, zone, 7)).isTrue();
    assertThat(FormalismRules.lateEntry(ended, sixDays, zone, 7)).isFalse();
  }
}
