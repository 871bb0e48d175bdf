package cn.dangjian.member.development;

import cn.dangjian.member.development.DevelopmentRecord.Decision;
import cn.dangjian.member.person.MemberStage;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response records of the development API. */
public final class DevelopmentRequests {

  private DevelopmentRequests() {}

  @Schema(description = "支部大会表决结果；应到会人数由系统按有表决权的正式党员计算 (vote counts)")
  public record Vote(
      @Schema(description = "经批准不计入应到会人数的人数 (excluded from the base with approval)")
          @Min(0)
          @Max(10000)
          int excludedWithApproval,
      @Schema(description = "实到会有表决权人数 (present with a vote)") @Min(0) @Max(10000) int present,
      @Schema(description = "赞成 (approve)") @Min(0) @Max(10000) int approve,
      @Schema(description = "反对 (oppose)") @Min(0) @Max(10000) int oppose,
      @Schema(description = "弃权 (abstain)") @Min(0) @Max(10000) int abstain,
      @Schema(description = "因故缺席者会前书面表示赞成的人数 (absentees' written approvals)") @Min(0) @Max(10000)
          int writtenApprovals) {}

  @Schema(description = "记录发展党员的一个步骤 (record one of the 25 steps)")
  public record RecordStep(
      @Schema(description = "步骤 (step)", example = "TALK") @NotNull DevelopmentStep step,
      @Schema(description = "完成日期 (date)") @NotNull LocalDate doneOn,
      @Schema(description = "说明 (note)") @Size(max = 500) String note,
      @Schema(description = "培养联系人或入党介绍人的党员ID (contacts or introducers)") @Size(max = 2)
          List<UUID> people,
      @Schema(description = "培训学时 (training hours)") @Min(0) @Max(1000) Integer trainingHours,
      @Schema(
              description =
                  "结论：政治审查 PASSED/FAILED；审批 SPECIAL_CASE 表示特殊情况（6个月内）；"
                      + "转正 CONVERT/EXTEND/CANCEL (decision)")
          Decision decision,
      @Schema(description = "延长预备期至 (extended until)") LocalDate extendedUntil,
      @Schema(description = "支部大会表决 (vote), for ADMISSION_MEETING and CONVERSION_MEETING") @Valid
          Vote vote) {}

  @Schema(description = "已记录的步骤 (a recorded step)")
  public record StepView(
      DevelopmentStep step,
      int number,
      String label,
      LocalDate doneOn,
      String recordedBy,
      @Nullable String note,
      List<UUID> people,
      @Nullable Integer trainingHours,
      @Nullable Decision decision,
      @Nullable LocalDate extendedUntil,
      @Nullable Integer voteBase,
      @Nullable Integer votePresent,
      @Nullable Integer voteApprove,
      @Nullable Integer voteWritten) {}

  @Schema(description = "发展进度 (development progress)")
  public record Progress(
      UUID memberId,
      @Schema(description = "当前阶段") MemberStage stage,
      List<StepView> steps,
      @Schema(description = "下一步 (next step)") @Nullable DevelopmentStep nextStep,
      @Schema(description = "下一步期限 (due)") @Nullable LocalDate nextDueOn) {}
}
