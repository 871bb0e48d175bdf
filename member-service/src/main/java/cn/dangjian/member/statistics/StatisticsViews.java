package cn.dangjian.member.statistics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Response records of the statistics API. */
public final class StatisticsViews {

  private StatisticsViews() {}

  @Schema(description = "一个分类的数值 (one category's count)")
  public record ValueCount(
      @Schema(description = "分类代码", example = "FEMALE") String value,
      @Schema(description = "分类名称", example = "女") String label,
      @Schema(description = "数值；人数低于公开阈值时为 null (null when suppressed)", example = "12")
          @Nullable Long count,
      @Schema(description = "是否因人数过少而隐去 (suppressed below the disclosure threshold)")
          boolean suppressed) {}

  @Schema(description = "一组统计数字，如按性别 (the counts of one dimension)")
  public record FigureGroup(
      @Schema(description = "统计维度代码", example = "GENDER") String dimension,
      @Schema(description = "统计维度名称", example = "性别") String label,
      List<ValueCount> values) {}

  @Schema(description = "某组织（含下级）的统计数字 (a subtree's figures)")
  public record FiguresView(
      @Schema(description = "统计范围：组织ID（含全部下级）") UUID orgId,
      @Schema(description = "组织名称") String orgName,
      @Schema(description = "时点（月末）或期间起始月", example = "2026-12") YearMonth from,
      @Schema(description = "时点（月末）或期间截止月", example = "2026-12") YearMonth to,
      List<FigureGroup> groups) {}

  @Schema(description = "组织生活、党费、预警、考核情况 (activity over a period)")
  public record ActivityView(
      UUID orgId,
      String orgName,
      YearMonth from,
      YearMonth to,
      List<FigureGroup> groups,
      @Schema(description = "党费收缴率（实缴/应缴），无应缴时为 null", example = "0.9630")
          @Nullable BigDecimal duesCollectionRate,
      @Schema(description = "支部委员会按月召开率：召开支委会的支部·月数 /（期末党支部数 × 月数）", example = "0.8750")
          @Nullable BigDecimal committeeMeetingRate,
      @Schema(description = "期末仍未办结的预警（按规则）") List<RuleAlerts> openAlerts) {}

  @Schema(description = "某规则的未办结预警数 (open alerts of one rule)")
  public record RuleAlerts(
      @Schema(description = "规则ID", example = "MEMBER_ABSENT_ORG_LIFE") String ruleId, long open) {}

  @Schema(description = "某月的数值 (one month of a series)")
  public record MonthCount(YearMonth month, @Nullable Long count) {}

  @Schema(description = "时间序列：存量为各月末数，流量为当月数 (a series: month-ends for stocks, in-month for flows)")
  public record SeriesView(
      UUID orgId, String dimension, String value, String label, List<MonthCount> points) {}

  @Schema(description = "首页与大屏概览 (overview for the console home page and the big screen)")
  public record OverviewView(
      UUID orgId,
      String orgName,
      @Schema(description = "时点（月末）", example = "2026-12") YearMonth asOf,
      @Schema(description = "关键数字") List<KeyFigure> keyFigures,
      @Schema(description = "近12个月：月末党员数与当月发展党员数") List<TrendPoint> trend,
      @Schema(description = "未办结预警最多的规则（前5）") List<RuleAlerts> topWarnings,
      @Schema(description = "最薄弱的党组织：未办结预警最多、考核等次最低（前5，现状）") List<WeakBranch> weakestBranches,
      @Schema(description = "读模型已处理至该事件时间") @Nullable Instant dataAsOf) {}

  @Schema(
      description =
          "一个关键数字；有 dimension/value 的可下钻到记录（存量用 asOf，流量用 from 至 asOf） (a key figure; drill"
              + " down by dimension/value)")
  public record KeyFigure(
      @Schema(example = "MEMBERS") String key,
      @Schema(example = "党员总数") String label,
      @Schema(description = "数值（人数、个数）；比率类为 null") @Nullable Long count,
      @Schema(description = "比率（0–1），数值类为 null", example = "0.9630") @Nullable BigDecimal rate,
      @Schema(description = "流量与比率的统计期间：本年1月至时点；存量为 null") @Nullable YearMonth from,
      @Schema(description = "可下钻的维度，无则 null") @Nullable String dimension,
      @Nullable String value) {}

  @Schema(description = "趋势中的一个月")
  public record TrendPoint(YearMonth month, long members, long developed) {}

  @Schema(description = "薄弱党组织")
  public record WeakBranch(
      UUID orgId,
      String orgName,
      int openAlerts,
      @Nullable String grade,
      @Nullable String gradeLabel) {}

  @Schema(description = "统计数字背后的一条记录 (one record behind a figure)")
  public record RecordView(
      @Schema(description = "党员或组织ID") UUID id,
      @Schema(
              description = "MEMBER 或 ORG",
              allowableValues = {"MEMBER", "ORG"})
          String kind,
      @Schema(description = "姓名或组织名称") String name,
      @Schema(description = "计入的组织ID") UUID orgId,
      @Schema(description = "计入的组织名称") String orgName) {}

  @Schema(description = "读模型状态 (read model status)")
  public record StatusView(
      @Schema(description = "已处理事件数") long eventsApplied,
      @Schema(description = "最后处理的事件时间") @Nullable Instant lastEventAt,
      @Schema(description = "最近一次重建开始时间") @Nullable Instant rebuildStartedAt) {}
}
