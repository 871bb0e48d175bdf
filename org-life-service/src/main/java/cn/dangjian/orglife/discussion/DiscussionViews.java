package cn.dangjian.orglife.discussion;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Response records of the discussion API. */
public final class DiscussionViews {

  private DiscussionViews() {}

  @Schema(description = "议题（列表项） (a topic)")
  public record TopicSummary(
      UUID id,
      UUID orgId,
      String title,
      @Schema(
              description = "OPEN 讨论中 / CLOSED 已结束",
              allowableValues = {"OPEN", "CLOSED"})
          String status,
      Instant openedAt,
      long version) {}

  @Schema(description = "回复 (a post)")
  public record PostView(
      UUID id,
      @Nullable UUID replyTo,
      UUID authorMemberId,
      String author,
      String body,
      Instant createdAt) {}

  @Schema(description = "表决选项及票数 (an option and its votes)")
  public record Tally(int index, String option, int votes) {}

  @Schema(description = "议题及讨论、表决、结论 (a topic with its posts, tally and conclusion)")
  public record TopicView(
      UUID id,
      UUID orgId,
      String title,
      String body,
      @Schema(
              description = "OPEN 或 CLOSED",
              allowableValues = {"OPEN", "CLOSED"})
          String status,
      String openedBy,
      Instant openedAt,
      List<Tally> tally,
      @Schema(description = "本人的投票（选项序号）") @Nullable Integer myVote,
      List<PostView> posts,
      @Nullable String conclusion,
      @Nullable String closedBy,
      @Nullable Instant closedAt,
      long version) {}
}
