package cn.dangjian.assessment.points;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the points API answers with. */
public final class PointsViews {

  private PointsViews() {}

  @Schema(description = "积分明细 (a ledger entry with its source)")
  public record Entry(
      UUID id,
      LocalDate occurredOn,
      PointsAction action,
      BigDecimal points,
      String sourceRef,
      UUID sourceEventId,
      String note) {}

  @Schema(description = "党员年度积分台账 (a member's yearly ledger)")
  public record Ledger(UUID memberId, int year, BigDecimal total, List<Entry> entries) {}

  @Schema(description = "支部积分合计 (totals of one branch; not a ranking)")
  public record BranchTotal(
      UUID orgId, String orgName, int members, BigDecimal total, BigDecimal average) {}

  @Schema(description = "党员积分排名中的一行 (one row of a ranking)")
  public record RankRow(int rank, UUID memberId, BigDecimal total) {}

  @Schema(description = "志愿服务记录 (a volunteer service record)")
  public record Volunteer(
      UUID id,
      UUID memberId,
      UUID orgId,
      LocalDate servedOn,
      BigDecimal hours,
      @Nullable String description,
      @Schema(
              description = "PENDING 待审核 / APPROVED 已认定 / REJECTED 未认定",
              allowableValues = {"PENDING", "APPROVED", "REJECTED"})
          String status,
      String enteredBy,
      @Nullable String decidedBy) {}

  @Schema(description = "积分与排名开关 (points and ranking switch in force for an org)")
  public record Setting(
      UUID orgId,
      boolean pointsEnabled,
      boolean rankingEnabled,
      @Schema(description = "生效设置所在的组织，空表示系统默认") @Nullable UUID setAtOrgId,
      @Schema(
              description =
                  "本组织自身设置的版本（未设置为0），修改时作为 If-Match 发送 (version of this org's own setting, 0 if none)")
          long version) {}
}
