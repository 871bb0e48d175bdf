package cn.dangjian.member;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.member.committee.ElectionStatus;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.transfer.TransferStatus;
import cn.dangjian.testsupport.architecture.StateDiagrams;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md draws every transfer status, development stage and election status, and no
 * other.
 */
class StateMachinesDocumentedTest {

  @Test
  void transferDiagramDrawsEveryStatus() {
    assertThat(StateDiagrams.states("Transfer of organisational relationship"))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(TransferStatus.values()).map(Enum::name).toList());
  }

  @Test
  void developmentDiagramDrawsEveryStage() {
    assertThat(StateDiagrams.states("Development pipeline"))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(MemberStage.values()).map(Enum::name).toList());
  }

  @Test
  void electionDiagramDrawsEveryStatus() {
    assertThat(StateDiagrams.states("换届 election"))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ElectionStatus.values()).map(Enum::name).toList());
  }
}
