package cn.dangjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.assessment.cycle.Cycle;
import cn.dangjian.testsupport.architecture.StateDiagrams;
import org.junit.jupiter.api.Test;

/** docs/architecture.md draws the assessment cycle's statuses, and no other. */
class StateMachinesDocumentedTest {

  @Test
  void cycleDiagramDrawsEveryStatus() {
    assertThat(StateDiagrams.states("Assessment cycle"))
        .containsExactlyInAnyOrder(Cycle.OPEN, Cycle.REVIEW, Cycle.PUBLISHED);
  }
}
