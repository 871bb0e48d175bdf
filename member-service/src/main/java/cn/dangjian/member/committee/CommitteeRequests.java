package cn.dangjian.member.committee;

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

/** Request and response records of the committee API. */
public final class CommitteeRequests {

  private CommitteeRequests() {}

  @Schema(description = "委员及其职务 (a seat)")
  public record Seat(
      @Schema(description = "党员ID") @NotNull UUID memberId,
      @Schema(description = "职务 (role)", example = "SECRETARY") @NotNull CommitteeRole role) {}

  @Schema(description = "换届选举结果：开始新一届 (start a new term after an election)")
  public record StartTerm(
      @Schema(description = "任期开始日期（选举日） (start)") @NotNull LocalDate startedOn,
      @Schema(description = "任期年数；默认党委5年、党总支/党支部3年 (years)") @Min(3) @Max(5) Integer termYears,
      @Schema(description = "是否村、社区党组织（任期5年） (village or community)") Boolean villageOrCommunity,
      @Schema(description = "上级批复文号 (approval)") @Size(max = 100) String approvalRef,
      @Schema(description = "当选委员 (elected members)") @NotEmpty @Size(max = 15) @Valid
          List<Seat> members) {}

  @Schema(description = "增补或任命委员 (appoint to the current term)")
  public record Appoint(
      @NotNull UUID memberId, @NotNull CommitteeRole role, @NotNull LocalDate appointedOn) {}

  @Schema(description = "委员离任 (leave the committee)")
  public record Leave(
      @NotNull LocalDate leftOn,
      @Schema(description = "原因 (reason)") @NotBlank @Size(max = 200) String reason) {}

  @Schema(description = "经批准推迟换届 (approved postponement, at most one year)")
  public record Postpone(
      @Schema(description = "推迟至 (until)") @NotNull LocalDate until,
      @Schema(description = "上级批复文号 (approval)") @NotBlank @Size(max = 100) String approvalRef) {}

  @Schema(description = "委员 (seat)")
  public record SeatView(
      UUID memberId,
      CommitteeRole role,
      String roleLabel,
      LocalDate appointedOn,
      @Nullable LocalDate leftOn) {}

  @Schema(description = "本届委员会 (the current committee)")
  public record CommitteeView(
      UUID orgId,
      UUID termId,
      LocalDate startedOn,
      int termYears,
      @Schema(description = "任期届满日 (term ends)") LocalDate endsOn,
      @Schema(description = "批准推迟至 (postponed until)") @Nullable LocalDate postponedUntil,
      @Schema(description = "应换届日期 (换届 due)") LocalDate dueOn,
      @Schema(description = "书记空缺起始日；不空缺为空 (secretary vacant since)")
          @Nullable LocalDate secretaryVacantSince,
      @Schema(description = "在任委员 (seats held)") List<SeatView> members,
      @Schema(description = "提示，如 committee-larger-than-seven (warnings)") List<String> warnings,
      long version) {}
}
