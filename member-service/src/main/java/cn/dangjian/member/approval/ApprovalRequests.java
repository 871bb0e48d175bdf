package cn.dangjian.member.approval;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response records of the approval API. */
public final class ApprovalRequests {

  private ApprovalRequests() {}

  @Schema(description = "审批意见 (a deciding body's decision on the current stage)")
  public record Decide(
      @Schema(description = "APPROVE 批准 / RETURN 退回补充 / REJECT 不予批准") @NotNull Outcome outcome,
      @Schema(description = "意见；退回或不予批准时必填 (comment; required to return or reject)")
          @Size(max = 500)
          @Nullable String comment,
      @Schema(description = "决定日期，默认今天；不早于提请日 (date of the decision, default today)")
          @Nullable LocalDate decidedOn) {}

  @Schema(description = "重新提交或撤回的说明 (a note)")
  public record Note(
      @Schema(description = "说明 (note)") @Size(max = 500) @Nullable String comment) {}

  @Schema(description = "审批链中的一级 (one deciding body of the chain)")
  public record StageView(
      int seq,
      DecidingBody body,
      String bodyLabel,
      @Schema(description = "决定的党委；县委组织部、纪委为空 (deciding org)") @Nullable UUID orgId,
      @Nullable String orgName,
      @Nullable Outcome outcome,
      @Nullable String decidedBy,
      @Nullable LocalDate decidedOn,
      @Nullable String comment) {}

  @Schema(description = "审批过程记录 (what happened, in order)")
  public record LogView(
      Instant at,
      String actor,
      @Schema(
              description = "REQUESTED, APPROVED, RETURNED, REJECTED, RESUBMITTED, WITHDRAWN",
              allowableValues = {
                "REQUESTED",
                "APPROVED",
                "RETURNED",
                "REJECTED",
                "RESUBMITTED",
                "WITHDRAWN"
              })
          String action,
      int stage,
      @Nullable String comment) {}

  @Schema(description = "审批事项 (an approval request)")
  public record ApprovalView(
      UUID id,
      ApprovalKind kind,
      String kindLabel,
      ApprovalStatus status,
      String statusLabel,
      @Nullable UUID subjectMemberId,
      UUID subjectOrgId,
      @Schema(description = "事项摘要 (summary)") String summary,
      @Schema(description = "依据（法规及条款） (basis: regulation and article)") String basis,
      @Schema(description = "附件：会议记录等ID (attachments: minutes, meetings)") List<UUID> attachments,
      @Schema(description = "批准后执行的内容 (what is applied when approved)") Map<String, Object> payload,
      String requestedBy,
      LocalDate requestedOn,
      @Schema(description = "应于此日前审批完毕 (due)") LocalDate dueOn,
      @Schema(description = "是否已逾期 (overdue)") boolean overdue,
      @Schema(description = "当前待决定的一级（从0开始） (current stage)") int currentStage,
      @Schema(description = "当前决定机关；已结束为空 (who decides next)") @Nullable DecidingBody awaiting,
      @Schema(description = "调用者能否作出当前决定 (whether the caller may decide now)")
          boolean decidableByMe,
      @Nullable LocalDate decidedOn,
      List<StageView> stages,
      List<LogView> log,
      long version) {}

  @Schema(description = "待办数量（控制台角标） (counts for a console badge)")
  public record Counts(
      @Schema(description = "待我审批 (awaiting my decision)") long awaitingMe,
      @Schema(description = "其中已逾期 (of which overdue)") long awaitingMeOverdue,
      @Schema(description = "本组织及下级提请、待上级审批 (pending, requested in my subtree)") long pending,
      @Schema(description = "被退回待补充 (returned to my subtree)") long returned) {}
}
