package cn.dangjian.alert.handling;

import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.alert.catalogue.SubjectType;
import cn.dangjian.alert.rules.Finding;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Response bodies of the alert API (the records keep their schema names). */
public final class AlertViews {

  private AlertViews() {}

  @Schema(description = "预警 (alert)")
  public record AlertResponse(
      UUID id,
      @Schema(description = "规则编号") String ruleId,
      @Schema(description = "规则名称") String ruleName,
      @Schema(description = "依据") String basis,
      SubjectType subjectType,
      @Schema(description = "预警对象：党员或组织ID") UUID subjectId,
      @Schema(description = "所属组织") UUID orgId,
      @Schema(description = "责任组织（逾期上报后为上级组织）") UUID assigneeOrgId,
      String periodKey,
      Severity severity,
      @Schema(description = "级别：提示/预警/严重") String severityLabel,
      AlertStatus status,
      String statusLabel,
      @Schema(description = "标题") String title,
      @Schema(description = "整改建议") String suggestion,
      @Schema(description = "证据") List<Finding.Evidence> evidence,
      @Schema(description = "整改期限") LocalDate deadline,
      @Schema(description = "是否逾期") boolean overdue,
      LocalDate raisedOn,
      Instant raisedAt,
      Instant updatedAt,
      @Nullable Instant endedAt,
      @Schema(description = "解除/关闭说明") @Nullable String resolution,
      @Schema(description = "上报层级") int escalationLevel,
      long version) {}

  @Schema(description = "处理记录 (history)")
  public record HistoryEntry(
      Instant at,
      String actor,
      @Schema(
              description = "动作",
              allowableValues = {
                "RAISED",
                "SEVERITY_CHANGED",
                "RESOLVED",
                "ESCALATED",
                "ACKNOWLEDGE",
                "RECTIFY",
                "SUBMIT",
                "ACCEPT",
                "REJECT",
                "DISMISS"
              })
          String action,
      @Nullable AlertStatus fromStatus,
      AlertStatus toStatus,
      Severity severity,
      @Nullable String note,
      List<AlertRequests.Attachment> attachments) {}

  @Schema(description = "某规则的在办预警数")
  public record RuleCount(
      String ruleId, String ruleName, long notice, long warning, long serious) {}

  @Schema(description = "组织预警统计 (per-org statistics)")
  public record Statistics(
      UUID orgId,
      @Schema(description = "在办预警总数") long open,
      @Schema(description = "逾期未办结") long overdue,
      @Schema(description = "近一年已关闭（审核通过）") long closed,
      @Schema(description = "近一年自动解除") long resolved,
      @Schema(description = "近一年平均办结天数") @Nullable Double meanDaysToClose,
      List<RuleCount> openByRule) {}

  @Schema(
      description =
          "推送流中每个事件的 data（事件的 event 为 type，id 为事件ID，可用作 Last-Event-ID）"
              + " (the data of each server-sent event; event = type, id = the event id)")
  public record StreamEvent(
      @Schema(
              description = "事件类型",
              allowableValues = {"alert.raised", "alert.changed", "alert.resolved"})
          String type,
      UUID alertId,
      @Schema(description = "规则编号") String ruleId,
      @Schema(
              description = "MEMBER 党员 / ORG 组织",
              allowableValues = {"MEMBER", "ORG"})
          String subjectType,
      UUID subjectId,
      UUID orgId,
      @Schema(implementation = Severity.class) String severity,
      @Schema(implementation = AlertStatus.class) String status,
      @Schema(
              description = "这次变化",
              allowableValues = {
                "RAISED",
                "SEVERITY_CHANGED",
                "ACKNOWLEDGED",
                "RECTIFYING",
                "SUBMITTED",
                "ACCEPTED",
                "REJECTED",
                "ESCALATED",
                "DISMISSED",
                "RESOLVED"
              })
          String change,
      @Schema(description = "标题") String title,
      @Schema(description = "整改期限") @Nullable LocalDate deadline,
      @Schema(description = "责任组织") @Nullable UUID assigneeOrgId,
      Instant occurredAt) {}
}
