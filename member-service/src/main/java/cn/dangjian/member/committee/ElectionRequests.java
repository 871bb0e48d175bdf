package cn.dangjian.member.committee;

import cn.dangjian.member.approval.ApprovalKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response records of the 换届 election API. */
public final class ElectionRequests {

  private ElectionRequests() {}

  @Schema(description = "换届选举请示 (the written request to the higher committee)")
  public record RequestElection(
      @Schema(description = "拟召开党员大会日期 (planned date of the election)")
          @Nullable LocalDate plannedOn,
      @Schema(description = "请示说明 (what the request says)") @Size(max = 500)
          @Nullable String reason,
      @Schema(description = "附件：委员会会议记录等ID (attachments)") @Size(max = 20)
          @Nullable List<UUID> attachments) {}

  @Schema(description = "候选人预备人选 (the candidate list, for approval)")
  public record SubmitCandidates(
      @Schema(description = "应选人数 (seats)") @NotNull @Min(1) @Max(15) Integer seats,
      @Schema(description = "候选人（党员ID），差额不少于20% (candidates, at least 20 % more than seats)")
          @NotEmpty
          @Size(max = 30)
          List<@NotNull UUID> candidates,
      @Size(max = 20) @Nullable List<UUID> attachments) {}

  @Schema(description = "候选人得票 (a candidate's votes)")
  public record CandidateVotes(@NotNull UUID memberId, @NotNull @Min(0) Integer votes) {}

  @Schema(
      description =
          "党员大会选举结果；应到会人数由系统按有表决权的正式党员计算 (the vote; those entitled are counted by the"
              + " service)")
  public record RecordResult(
      @Schema(description = "选举日期 (date of the 党员大会)") @NotNull LocalDate heldOn,
      @Schema(description = "有选举权的实到会人数 (voters present)") @NotNull @Min(0) Integer present,
      @Schema(description = "收回选票数；多于实到会人数的选举无效 (ballots returned)") @Min(0)
          @Nullable Integer ballotsCast,
      @Schema(description = "各候选人得票 (votes per candidate)") @NotEmpty @Size(max = 30) @Valid
          List<CandidateVotes> votes) {}

  @Schema(description = "委员分工 (a role for an elected member)")
  public record Assignment(@NotNull UUID memberId, @NotNull CommitteeRole role) {}

  @Schema(description = "选举结果报批：新一届委员会选出的书记、副书记与分工 (the result reported for approval)")
  public record ReportResult(
      @Schema(description = "书记（须为当选委员） (secretary, one of the elected)") @NotNull
          UUID secretaryMemberId,
      @Schema(description = "副书记（可选） (deputy secretary)") @Nullable UUID deputySecretaryMemberId,
      @Schema(description = "其他委员分工；未列出的为委员 (other roles; MEMBER if not listed)")
          @Size(max = 15)
          @Valid
          @Nullable List<Assignment> assignments,
      @Schema(description = "任期年数；默认党委5年、党总支/党支部3年 (years)") @Min(3) @Max(5)
          @Nullable Integer termYears,
      @Schema(description = "是否村、社区党组织（任期5年） (village or community)")
          @Nullable Boolean villageOrCommunity,
      @Size(max = 20) @Nullable List<UUID> attachments) {}

  @Schema(description = "延期换届请示 (request to postpone 换届, at most one year)")
  public record RequestPostponement(
      @Schema(description = "推迟至 (until)") @NotNull LocalDate until,
      @Schema(description = "原因 (reason)") @NotBlank @Size(max = 500) String reason,
      @Size(max = 20) @Nullable List<UUID> attachments) {}

  @Schema(description = "候选人得票情况 (a candidate's result)")
  public record VoteView(UUID memberId, int votes, boolean elected) {}

  @Schema(description = "一次投票 (one vote of the 党员大会)")
  public record RoundView(
      UUID id,
      LocalDate heldOn,
      @Schema(description = "应到会（有选举权）人数 (entitled)") int entitled,
      @Schema(description = "实到会人数 (present)") int present,
      @Nullable Integer ballotsCast,
      @Schema(description = "选举是否有效 (valid)") boolean valid,
      @Schema(description = "无效的规则，如 turnout-not-above-four-fifths (why invalid)")
          @Nullable String invalidRule,
      List<VoteView> votes,
      @Schema(description = "当选（得票超过实到会人数一半） (elected)") List<UUID> electedMemberIds) {}

  @Schema(description = "换届选举 (a committee election)")
  public record ElectionView(
      UUID id,
      UUID orgId,
      ElectionStatus status,
      String statusLabel,
      @Schema(description = "本届应换届日期；首次选举为空 (换届 due)") @Nullable LocalDate termDueOn,
      LocalDate requestedOn,
      @Nullable LocalDate plannedOn,
      @Nullable Integer seats,
      List<UUID> candidates,
      @Schema(description = "差额所需最少候选人数 (fewest candidates for the seats)")
          @Nullable Integer minimumCandidates,
      @Schema(description = "当前待上级决定的审批事项 (the approval the election waits for)")
          @Nullable UUID approvalId,
      @Nullable ApprovalKind approvalKind,
      @Schema(description = "各次投票 (the votes held)") List<RoundView> rounds,
      @Nullable UUID secretaryMemberId,
      @Nullable UUID deputySecretaryMemberId,
      @Schema(description = "换届后的新任期 (the new term)") @Nullable UUID termId,
      @Schema(description = "提示，如 election-request-late, fewer-elected-than-seats (warnings)")
          List<String> warnings,
      long version) {}
}
