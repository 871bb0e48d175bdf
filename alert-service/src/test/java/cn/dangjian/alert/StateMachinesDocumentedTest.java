package cn.dangjian.alert;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.alert.handling.AlertStatus;
import cn.dangjian.testsupport.architecture.StateDiagrams;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** docs/architecture.md draws every alert status, and no other. */
class StateMachinesDocumentedTest {

  @Test
  void alertDiagramDrawsEveryStatus() {
    assertThat(StateDiagrams.states("Alert"))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(AlertStatus.values()).map(Enum::name).toList());
  }
}
