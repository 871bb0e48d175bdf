package cn.dangjian.platform.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class MeetingVoteTest {

  private static final String MAJORITY = "resolution-needs-more-than-half-of-entitled-members";

  private static String rule(MeetingVote vote) {
    try {
      vote.check(MAJORITY);
      return null;
    } catch (ProblemException e) {
      return (String) e.properties().get("rule");
    }
  }

  @Test
  void meetingNeedsMoreThanHalfOfEntitledMembersPresent() {
    // 10 entitled: 5 present is exactly half, not more than half
    assertThat(rule(new MeetingVote(10, 0, 5, 5, 0, 0, 0)))
        .isEqualTo("meeting-needs-more-than-half-present");
    assertThat(rule(new MeetingVote(10, 0, 6, 6, 0, 0, 0))).isNull();
  }

  @Test
  void resolutionNeedsMoreThanHalfOfEntitledMembersNotOfThosePresent() {
    // 10 entitled, 6 present, 5 approve: a majority of those present but not of the entitled
    assertThat(rule(new MeetingVote(10, 0, 6, 5, 1, 0, 0))).isEqualTo(MAJORITY);
  }

  @Test
  void absenteesWrittenApprovalsCount() {
    assertThat(rule(new MeetingVote(10, 0, 6, 5, 1, 0, 1))).isNull();
  }

  @Test
  void membersExcludedWithApprovalLeaveTheBase() {
    // 12 entitled, 2 excluded with approval: base 10
    assertThatCode(() -> new MeetingVote(12, 2, 6, 6, 0, 0, 0).check(MAJORITY))
        .doesNotThrowAnyException();
  }

  @Test
  void inconsistentCountsAreRefused() {
    assertThatThrownBy(() -> new MeetingVote(10, 0, 7, 5, 2, 1, 0).check(MAJORITY))
        .isInstanceOf(ProblemException.class);
    assertThat(rule(new MeetingVote(10, 0, 11, 11, 0, 0, 0))).isEqualTo("vote-counts-inconsistent");
  }
}
