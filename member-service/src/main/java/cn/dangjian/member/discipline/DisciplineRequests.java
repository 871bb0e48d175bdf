package cn.dangjian.member.discipline;

import cn.dangjian.member.person.MemberRequests.Vote;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response records of the discipline API. */
public final class DisciplineRequests {

  private DisciplineRequests() {}

  static final String ISSUE_PATTERN = "[A-Za-z0-9_.:-]{1,60}";

  @Schema(description = "提请党纪处分（支部大会决定，基层党委审批） (request a sanction)")
  public record SanctionRequest(
      @Schema(description = "处分种类 (kind)", example = "WARNING") @NotNull SanctionKind kind,
      @Schema(
              description = "问题编码，同一问题不重复处理 (issue code: the same issue is not handled twice)",
              example = "DUES-2026")
          @NotBlank
          @Pattern(regexp = ISSUE_PATTERN)
          String issue,
      @Schema(description = "事实与依据 (facts and basis)") @NotBlank @Size(max = 300) String reason,
      @Schema(description = "留党察看年限，1或2年 (years of disciplinary probation, 1 or 2)")
          @Nullable Integer years,
      @Schema(description = "支部大会表决 (the branch meeting's vote)") @Valid @NotNull Vote vote,
      @Schema(description = "附件：支部大会记录等ID (minutes)") @Size(max = 20)
          @Nullable List<UUID> attachments) {}

  @Schema(description = "党纪处分 (a sanction in the record)")
  public record SanctionView(
      UUID id,
      UUID memberId,
      UUID orgId,
      SanctionKind kind,
      String kindLabel,
      String issue,
      String reason,
      @Schema(description = "基层党委批准日 (decided on)") LocalDate decidedOn,
      @Schema(description = "留党察看期满日 (end of disciplinary probation)")
          @Nullable LocalDate probationEndsOn,
      @Schema(description = "影响期（不得提拔任用）截止日 (end of the no-promotion window)")
          LocalDate windowEndsOn,
      SanctionStatus status,
      String statusLabel,
      UUID approvalId) {}

  @Schema(description = "启动不合格党员组织处置（支委会提出） (open a 不合格党员 case: the committee's proposal)")
  public record OpenUnqualifiedCase(
      @Schema(description = "触发情形 (trigger)", example = "UNQUALIFIED_GRADE") @NotNull
          UnqualifiedTrigger trigger,
      @Schema(description = "问题编码 (issue code)", example = "APPRAISAL-2026")
          @NotBlank
          @Pattern(regexp = ISSUE_PATTERN)
          String issue,
      @Schema(description = "拟采取的处置措施 (proposed measure)", example = "CORRECTION") @NotNull
          Measure measure,
      @Schema(description = "支委会提出日期，默认今天 (proposed on)") @Nullable LocalDate proposedOn,
      @Schema(description = "支委会意见 (the committee's proposal)") @NotBlank @Size(max = 1000)
          String note) {}

  /** The steps the branch records itself. */
  public enum CaseBranchStep {
    INVESTIGATED,
    TALKED,
    VOTED
  }

  @Schema(description = "记录处置步骤：调查核实、谈话、支部大会表决 (record a branch step)")
  public record RecordCaseStep(
      @NotNull CaseBranchStep step,
      @Schema(description = "日期 (date)") @NotNull LocalDate doneOn,
      @Schema(description = "调查核实情况、谈话记录或会议记录摘要 (findings / notes)") @NotBlank @Size(max = 1000)
          String note,
      @Schema(description = "谈话人：两名正式党员 (the two formal members who talked; TALKED)") @Size(max = 5)
          @Nullable List<UUID> talkers,
      @Schema(description = "支部大会表决 (VOTED)") @Valid @Nullable Vote vote) {}

  /** The steps a higher body approves. */
  public enum CaseApprovalStep {
    /** 事前备案 with the 基层党委. */
    FILING,
    /** 预审 by the 基层党委 (and the 上级党委 for 劝退/除名). */
    PRE_REVIEW,
    /** 审批 by the 基层党委; the measure takes effect. */
    DECISION
  }

  @Schema(description = "提请上级党组织：事前备案、预审、审批 (request filing, pre-review or decision)")
  public record RequestCaseApproval(
      @NotNull CaseApprovalStep step,
      @Schema(description = "限期改正月数，默认6，最长12（DECISION） (months of correction)") @Min(1) @Max(24)
          @Nullable Integer correctionMonths,
      @Schema(description = "附件 (attachments)") @Size(max = 20) @Nullable List<UUID> attachments) {}

  @Schema(description = "限期改正期满仍无转变，采取下一步措施 (next measure after an unsuccessful correction)")
  public record NextCaseMeasure(
      @Schema(example = "PERSUADE_TO_QUIT") @NotNull Measure measure,
      @Schema(description = "支委会意见 (proposal)") @NotBlank @Size(max = 1000) String note) {}

  @Schema(description = "处置步骤 (a recorded step)")
  public record CaseStepView(
      int round,
      CaseStep step,
      String stepLabel,
      Measure measure,
      LocalDate doneOn,
      @Nullable String note,
      List<UUID> talkers,
      @Schema(description = "应到会有表决权人数 (vote base)") @Nullable Integer voteBase,
      @Nullable UUID approvalId,
      String recordedBy) {}

  @Schema(description = "不合格党员组织处置 (a case)")
  public record UnqualifiedCaseView(
      UUID id,
      UUID memberId,
      UUID orgId,
      UnqualifiedTrigger trigger,
      String triggerLabel,
      String issue,
      Measure measure,
      String measureLabel,
      int round,
      @Schema(description = "已完成的最后一步 (last step reached)") CaseStep step,
      String stepLabel,
      @Schema(description = "下一步；已结束为空 (next step)") @Nullable CaseStep nextStep,
      @Schema(description = "限期改正截止日 (end of the correction period)")
          @Nullable LocalDate correctionEndsOn,
      boolean closed,
      LocalDate openedOn,
      List<CaseStepView> steps,
      Instant updatedAt,
      long version) {}
}
