package cn.dangjian.member.development;

import cn.dangjian.member.development.DevelopmentRecord.Decision;
import cn.dangjian.member.person.MemberRequests.Vote;
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

  @Schema(
      description =
          "提请上级审批：上级党委的步骤（预审、谈话、审批、备案），或逾期补录（如实填写实际日期并说明原因）"
              + " (request a step the body above decides, or a late record with its true date)")
  public record StepRequest(
      @Schema(description = "要记录的步骤；上级步骤的日期以批准日期为准 (the step)") @NotNull @Valid RecordStep step,
      @Schema(description = "逾期原因：填写即为逾期补录，须经基层党委批准，记录标为逾期 (why the step is recorded late)")
          @Size(max = 500)
          @Nullable String lateReason,
      @Schema(description = "附件：支部大会记录、会议ID等 (minutes, meeting ids)") @Size(max = 20)
          List<UUID> attachments) {}

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
      @Nullable Integer voteWritten,
      @Schema(description = "经上级批准的逾期补录 (an approved late record)") boolean late,
      @Schema(description = "逾期原因 (why late)") @Nullable String lateReason,
      @Schema(description = "批准该步骤的审批事项 (the approval that decided it)") @Nullable UUID approvalId,
      @Schema(
              description =
                  "疑似补记：录入时间晚于完成日期30天以上且未经批准补录 (recorded long after the date, not approved)")
          boolean suspectedBackfill) {}

  @Schema(description = "发展进度 (development progress)")
  public record Progress(
      UUID memberId,
      @Schema(description = "当前阶段") MemberStage stage,
      List<StepView> steps,
      @Schema(description = "下一步 (next step)") @Nullable DevelopmentStep nextStep,
      @Schema(description = "下一步期限 (due)") @Nullable LocalDate nextDueOn) {}
}
