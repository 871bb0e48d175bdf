package cn.dangjian.alert.handling;

import cn.dangjian.alert.catalogue.Severity;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request bodies of the rectification loop. */
public final class AlertRequests {

  private AlertRequests() {}

  @Schema(description = "附件（整改材料的链接，文件存放在文档或组织生活服务的附件库）")
  public record Attachment(
      @Schema(example = "整改谈话记录.pdf") @NotBlank @Size(max = 200) String name,
      @Schema(example = "https://files.example.cn/a/123")
          @NotBlank
          @Size(max = 500)
          @Pattern(regexp = "https?://\\S+", message = "{alert.attachment-url}")
          String url) {}

  @Schema(description = "整改反馈 (feedback)")
  public record Feedback(
      @Schema(description = "整改情况说明", example = "已于12月3日与该党员谈心谈话，其承诺参加本月主题党日。")
          @NotBlank
          @Size(max = 2000)
          String feedback,
      @Valid @Size(max = 10) List<Attachment> attachments) {}

  @Schema(description = "上级审核 (review)")
  public record Review(
      @Schema(description = "ACCEPT 通过（关闭） / REJECT 退回整改") @NotNull Decision decision,
      @Schema(description = "审核意见；退回时必填") @Size(max = 2000) String reason) {}

  public enum Decision {
    ACCEPT,
    REJECT
  }

  @Schema(description = "撤销 (dismiss)")
  public record Dismissal(
      @Schema(description = "撤销理由", example = "该党员已按规定请长假，经党委研究不予预警。") @NotBlank @Size(max = 2000)
          String reason) {}

  @Schema(description = "按指定日期执行一次扫描 (sweep as of a date)")
  public record SweepRequest(
      @Schema(description = "扫描日期", example = "2026-11-30") @NotNull java.time.LocalDate asOf) {}

  @Schema(description = "导出预警的筛选条件，与列表相同 (the list's filters)")
  public record ExportRequest(
      @Schema(description = "状态，可多选") @Nullable List<AlertStatus> status,
      @Schema(description = "级别") @Nullable Severity severity,
      @Schema(description = "规则ID") @Size(max = 60) @Nullable String ruleId,
      @Schema(description = "组织ID：该组织及其下级") @Nullable UUID orgId,
      @Schema(description = "只导出逾期的") @Nullable Boolean overdue) {}
}
