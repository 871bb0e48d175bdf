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
          "预警事件（event: alert.raised / alert.changed / alert.resolved）的 data；id 为事件序号，可用作"
              + " Last-Event-ID (data of the alert events; event = type, id = the event's sequence"
              + " number, resumable with Last-Event-ID)")
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

  @Schema(
      description =
          "事件 token-expired（令牌到期，流随即关闭：请用新令牌或新票据重连）和 reset（无法补发错过的事件：请重新加载列表）的 data"
              + " (data of token-expired: the stream closes, reconnect with a fresh token or ticket;"
              + " and of reset: missed events cannot be replayed, reload the list)")
  public record StreamNotice(
      @Schema(
              description =
                  "TOKEN_EXPIRED 令牌到期 / UNKNOWN_EVENT_ID 无法识别的 Last-Event-ID / OUT_OF_WINDOW 超出补发时限 /"
                      + " TOO_MANY 错过的事件过多",
              allowableValues = {"TOKEN_EXPIRED", "UNKNOWN_EVENT_ID", "OUT_OF_WINDOW", "TOO_MANY"})
          String reason) {}

  @Schema(
      description =
          "事件 job（仅推送给发起任务的用户）的 data：长时任务的进度 (data of the job event, sent to the user who"
              + " started the job: its progress)")
  public record JobProgress(
      @Schema(description = "任务ID") UUID jobId,
      @Schema(description = "任务类型，如 bill-run、alert-sweep、alert-export") String kind,
      @Schema(
              description = "任务状态",
              allowableValues = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"})
          String status,
      @Schema(description = "已完成数量") long done,
      @Schema(description = "总数量，未知时为空") @Nullable Long total,
      @Schema(description = "计数单位，如 rows、members、orgs；首次报告进度前为空") @Nullable String unit,
      @Schema(description = "百分比 0–100，总数未知时为空") @Nullable Integer percent,
      @Schema(description = "任务地址，结束后在此读取结果 (the job resource)") String href) {}
}
