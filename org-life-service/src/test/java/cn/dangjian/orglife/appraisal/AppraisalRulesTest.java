package cn.dangjian.orglife.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class AppraisalRulesTest {

  @Test
  void excellentShareIsAtMostOneThirdOfFullMembers() {
    assertThatCode(() -> AppraisalRules.checkExcellentShare(9, 3)).doesNotThrowAnyException();
    assertThatThrownBy(() -> AppraisalRules.checkExcellentShare(9, 4))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.properties()).containsEntry("rule", "excellent-at-most-one-third"));
    // 8 members: 8/3 = 2.67, so two at most
    assertThat(AppraisalRules.maxExcellent(8)).isEqualTo(2);
    assertThatThrownBy(() -> AppraisalRules.checkExcellentShare(8, 3))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> AppraisalRules.checkExcellentShare(2, 1))
        .isInstanceOf(ProblemException.class);
  }
}
