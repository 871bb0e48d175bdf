package cn.dangjian.orglife.talk;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response records of the talk API. */
public final class TalkViews {

  private TalkViews() {}

  @Schema(description = "谈心谈话 (a talk)")
  public record TalkView(
      UUID id,
      UUID orgId,
      LocalDate talkedOn,
      UUID memberAId,
      UUID memberBId,
      PairKind pairKind,
      String pairKindLabel,
      @Schema(description = "谈话要点") String summary) {}

  @Schema(description = "谈心谈话年度覆盖情况 (the year's talk coverage)")
  public record CoverageView(
      UUID orgId,
      int year,
      @Schema(description = "支委（当年支委会应到人员及书记）") List<UUID> committeeMemberIds,
      int required,
      int missing,
      double rate,
      @Schema(description = "尚未谈话的支委两两组合") List<List<UUID>> missingCommitteePairs,
      @Schema(description = "尚未与支委谈话的党员") List<UUID> membersWithoutCommitteeTalk,
      @Schema(description = "尚未与其他党员谈话的党员") List<UUID> membersWithoutMemberTalk) {}
}
