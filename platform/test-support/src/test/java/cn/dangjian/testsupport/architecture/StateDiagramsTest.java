package cn.dangjian.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StateDiagramsTest {

  static final List<String> DOC =
      List.of(
          "**Transfer** (`TransferStatus`):",
          "",
          "```mermaid",
          "stateDiagram-v2",
          "  [*] --> REQUESTED",
          "  REQUESTED --> APPROVED_OUT: approve",
          "  APPROVED_OUT --> [*]",
          "```",
          "**Other**",
          "```mermaid",
          "stateDiagram-v2",
          "  OTHER --> ELSE",
          "```");

  @Test
  void readsTheStatesOfTheTitledDiagramOnly() {
    assertThat(StateDiagrams.states(DOC, "Transfer")).containsExactly("APPROVED_OUT", "REQUESTED");
  }

  @Test
  void aMissingDiagramFails() {
    assertThatThrownBy(() -> StateDiagrams.states(DOC, "Meeting"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("**Meeting**");
  }
}
