package cn.dangjian.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationIdsTest {

  @Test
  void aListIsNamedAfterTheResourceInThePlural() {
    assertThat(OperationIds.of("GET", "Member", "list")).isEqualTo("listMembers");
    assertThat(OperationIds.of("GET", "Alert", "export")).isEqualTo("exportAlerts");
    assertThat(OperationIds.of("GET", "Discussion", "search")).isEqualTo("searchDiscussions");
    assertThat(OperationIds.of("GET", "Points", "list")).isEqualTo("listPoints");
    assertThat(OperationIds.of("GET", "Category", "list")).isEqualTo("listCategories");
  }

  @Test
  void aNounReadIsAGetAndAVerbActsOnTheResource() {
    assertThat(OperationIds.of("GET", "Alert", "history")).isEqualTo("getAlertHistory");
    assertThat(OperationIds.of("GET", "Alert", "get")).isEqualTo("getAlert");
    assertThat(OperationIds.of("POST", "Meeting", "approve")).isEqualTo("approveMeeting");
    assertThat(OperationIds.of("POST", "Cycle", "correctScores")).isEqualTo("correctCycleScores");
  }

  @Test
  void aNameThatAlreadyNamesTheResourceIsKept() {
    assertThat(OperationIds.of("POST", "Member", "registerMember")).isEqualTo("registerMember");
    assertThat(OperationIds.of("GET", "Member", "memberHistory")).isEqualTo("getMemberHistory");
  }

  @Test
  void theResourceIsTheControllersNameWithoutController() {
    assertThat(OperationIds.resourceOf(MeetingController.class)).isEqualTo("Meeting");
  }

  private static final class MeetingController {}
}
