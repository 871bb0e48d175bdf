package cn.dangjian.orglife;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.orglife.meeting.MeetingStatus;
import cn.dangjian.testsupport.architecture.StateDiagrams;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** docs/architecture.md draws every meeting status, and no other. */
class StateMachinesDocumentedTest {

  @Test
  void meetingDiagramDrawsEveryStatus() {
    assertThat(StateDiagrams.states("Meeting"))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(MeetingStatus.values()).map(Enum::name).toList());
  }
}
