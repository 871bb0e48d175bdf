package cn.dangjian.orglife.compliance;

import cn.dangjian.events.member.OrgType;
import cn.dangjian.orglife.compliance.ComplianceRules.UnitStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response records of the compliance API. */
public final class ComplianceViews {

  private ComplianceViews() {}

  /** A frequency requirement for one org type and meeting type. */
  @Schema(description = "会议频次要求 (a frequency requirement)")
  public record Requirement(
      @Schema(description = "组织类型", example = "BRANCH", implementation = OrgType.class)
          String orgType,
      @Schema(description = "会议类型", example = "COMMITTEE_MEETING") String meetingType,
      @Schema(description = "周期") PeriodUnit unit,
      @Schema(description = "每个周期最少次数") int minCount,
      @Schema(description = "是否启用") boolean enabled,
      @Schema(description = "依据", example = "ZB Art 12") String basis,
      long version) {}

  @Schema(description = "一个周期单元的计划与实际 (one requirement in one unit)")
  public record PlanItem(
      String meetingType,
      PeriodUnit unit,
      @Schema(description = "周期，如 2026-11") String unitLabel,
      LocalDate from,
      LocalDate to,
      int required,
      @Schema(description = "已审核通过的次数") int approved,
      @Schema(description = "已召开但尚未审核通过的次数") int pending,
      UnitStatus status,
      List<UUID> approvedMeetingIds,
      List<UUID> pendingMeetingIds) {}

  @Schema(description = "组织在期间内的应开、已开与缺项 (plan vs actual)")
  public record OrgPlan(
      UUID orgId,
      String orgName,
      @Schema(implementation = OrgType.class) String orgType,
      String period,
      LocalDate asOf,
      int due,
      int met,
      int missing,
      int open,
      List<PlanItem> items) {}

  @Schema(description = "某类会议在辖区内的完成情况 (one meeting type across the subtree)")
  public record TypeSummary(
      String meetingType,
      PeriodUnit unit,
      @Schema(description = "适用的组织数") int orgs,
      @Schema(description = "应开（已到期或进行中的周期单元）") long due,
      long met,
      long missing,
      long open,
      @Schema(description = "完成率 met/due") double rate) {}

  @Schema(description = "有缺项的组织 (an org with missing units)")
  public record OrgGap(
      UUID orgId,
      String orgName,
      @Schema(implementation = OrgType.class) String orgType,
      List<String> missing) {}

  @Schema(description = "辖区组织生活完成情况汇总 (compliance summary of a subtree)")
  public record Summary(
      UUID orgId,
      String period,
      LocalDate from,
      LocalDate to,
      LocalDate asOf,
      @Schema(description = "参与统计的组织数（党支部、党小组等）") int orgs,
      @Schema(description = "全部达标的组织数") int compliantOrgs,
      long due,
      long met,
      long missing,
      long open,
      double rate,
      List<TypeSummary> byType,
      @Schema(description = "缺项组织（最多200个，缺项多者在前）") List<OrgGap> gaps,
      @Schema(description = "缺项组织总数") int orgsWithGaps) {}
}
