package cn.dangjian.orglife.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.orglife.training.TrainingRules.Role;
import cn.dangjian.orglife.training.TrainingRules.StudyOutcome;
import cn.dangjian.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TrainingRulesTest {

  private static final BigDecimal MEMBER = BigDecimal.valueOf(32);
  private static final BigDecimal CADRE = BigDecimal.valueOf(56);

  @Test
  void hoursCapMicroLessonsCreditNoMoreThanTheDailyCap() {
    // cap 2 学时 (20 tenths): 1.5 already today, a 1-hour lesson credits 0.5
    var credit = TrainingRules.microLessonCredit(10, 30, 30, false, 15, 20);
    assertThat(credit.creditedTenths()).isEqualTo(5);
    assertThat(credit.outcome()).isEqualTo(StudyOutcome.PARTLY_CREDITED_DAILY_CAP);
    assertThat(TrainingRules.microLessonCredit(10, 30, 30, false, 20, 20))
        .isEqualTo(new TrainingRules.StudyCredit(0, StudyOutcome.NOT_CREDITED_DAILY_CAP));
    assertThat(TrainingRules.microLessonCredit(10, 30, 30, false, 0, 20).creditedTenths())
        .isEqualTo(10);
  }

  @Test
  void hoursCapALessonIsCreditedOnceAndOnlyWhenWatched() {
    assertThat(TrainingRules.microLessonCredit(10, 30, 30, true, 0, 20).outcome())
        .isEqualTo(StudyOutcome.NOT_CREDITED_ALREADY_STUDIED);
    assertThat(TrainingRules.microLessonCredit(10, 30, 23, false, 0, 20).outcome())
        .isEqualTo(StudyOutcome.NOT_CREDITED_INCOMPLETE);
    assertThat(TrainingRules.microLessonCredit(10, 30, 24, false, 0, 20).outcome())
        .isEqualTo(StudyOutcome.CREDITED);
  }

  @Test
  void membersNeed32HoursSecretariesAndCommitteeMembers56AndSecretariesARotation() {
    assertThat(TrainingRules.yearStatus(Role.MEMBER, 320, 0, MEMBER, CADRE, 1).met()).isTrue();
    assertThat(TrainingRules.yearStatus(Role.MEMBER, 319, 0, MEMBER, CADRE, 1).met()).isFalse();
    assertThat(TrainingRules.yearStatus(Role.COMMITTEE_MEMBER, 400, 0, MEMBER, CADRE, 1).met())
        .isFalse();
    assertThat(TrainingRules.yearStatus(Role.SECRETARY, 600, 0, MEMBER, CADRE, 1).met()).isFalse();
    assertThat(TrainingRules.yearStatus(Role.SECRETARY, 600, 1, MEMBER, CADRE, 1).met()).isTrue();
  }

  @Test
  void courseHoursAreAtMostEightADay() {
    LocalDate d = LocalDate.of(2026, 11, 2);
    assertThat(TrainingRules.courseTenths(BigDecimal.valueOf(16), d, d.plusDays(1))).isEqualTo(160);
    assertThatThrownBy(() -> TrainingRules.courseTenths(BigDecimal.valueOf(17), d, d.plusDays(1)))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> TrainingRules.courseTenths(BigDecimal.ONE, d, d.minusDays(1)))
        .isInstanceOf(ProblemException.class);
  }
}
