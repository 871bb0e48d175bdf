package cn.dangjian.orglife.discussion;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response records of the discussion API. */
public final class DiscussionViews {

  private DiscussionViews() {}

  @Schema(description = "议题（列表项） (a topic)")
  public record TopicSummary(
      UUID id, UUID orgId, String title, String status, Instant openedAt, long version) {}

  @Schema(description = "回复 (a post)")
  public record PostView(
      UUID id, UUID replyTo, UUID authorMemberId, String author, String body, Instant createdAt) {}

  @Schema(description = "表决选项及票数 (an option and its votes)")
  public record Tally(int index, String option, int votes) {}

  @Schema(description = "议题及讨论、表决、结论 (a topic with its posts, tally and conclusion)")
  public record TopicView(
      UUID id,
      UUID orgId,
      String title,
      String body,
      @Schema(description = "OPEN 或 CLOSED") String status,
      String openedBy,
      Instant openedAt,
      List<Tally> tally,
      @Schema(description = "本人的投票（选项序号）") Integer myVote,
      List<PostView> posts,
      String conclusion,
      String closedBy,
      Instant closedAt,
      long version) {}
}
