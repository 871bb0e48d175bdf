package cn.dangjian.dues.profile;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response records of the profile API. Money is in fen (分). */
public final class ProfileRequests {

  static final String MONTH = "^\\d{4}-(0[1-9]|1[0-2])$";

  private ProfileRequests() {}

  @Schema(description = "核定党费：类别、基数及生效月份 (assess a member's dues from a month on)")
  public record CreateProfile(
      @Schema(description = "党员ID (member)") @NotNull UUID memberId,
      @Schema(description = "生效月份，基数从该月起适用 (first month it applies)", example = "2026-01")
          @NotNull
          @Pattern(regexp = MONTH)
          String effectiveMonth,
      @Schema(description = "党费类别；不填则取党员档案中的类别 (category; default: the member's)")
          DuesCategory category,
      @Schema(
              description =
                  "计缴基数（分）：在职为月税后固定工资，年薪制为当月实得，无固定收入为上季度月均纯收入，离退休为离退休费" + " (base in fen)",
              example = "540000")
          @Min(0)
          @Max(100_000_000_000L)
          Long baseFen,
      @Schema(description = "农民党员每月固定金额（分，20–100）(farmer's fixed amount)") @Min(0) @Max(100_000)
          Long fixedFen,
      @Schema(description = "备注 (note)") @Size(max = 200) String note) {}

  @Schema(description = "修改核定 (change an assessment)")
  public record UpdateProfile(
      @Schema(description = "党费类别") @NotNull DuesCategory category,
      @Schema(description = "计缴基数（分）") @Min(0) @Max(100_000_000_000L) Long baseFen,
      @Schema(description = "农民党员每月固定金额（分）") @Min(0) @Max(100_000) Long fixedFen,
      @Schema(description = "备注") @Size(max = 200) String note) {}

  @Schema(
      description =
          "登记困难党员减交或免交：支部只能提前终止（NONE）；减交、免交由上一级党委通过审批决定，仅管理员可直接登记已批准的历史数据"
              + " (end a reduction early; only an admin records one decided outside the system)")
  public record SetHardship(
      @Schema(description = "NONE 取消 / REDUCED 减交 / WAIVED 免交") @NotNull Hardship kind,
      @Schema(description = "减交后每月金额（分）(reduced monthly amount)") @Min(0) Long reducedFen,
      @Schema(description = "批准机关或批准人 (who approved)", example = "城关镇党委") @Size(max = 100)
          String approvedBy,
      @Schema(description = "讨论会议 (which meeting)", example = "第一党支部2026年2月支部党员大会") @Size(max = 200)
          String meeting,
      @Schema(description = "批准日期 (approved on)") LocalDate approvedOn,
      @Schema(description = "有效期至 (until)") LocalDate until) {}

  @Schema(description = "党费核定 (a dues assessment)")
  public record ProfileResponse(
      UUID id,
      @Schema(description = "党员ID") UUID memberId,
      @Schema(description = "年度") int year,
      @Schema(description = "生效月份") String effectiveMonth,
      @Schema(description = "党费类别") DuesCategory category,
      @Schema(description = "类别名称") String categoryLabel,
      @Schema(description = "基数种类") @Nullable BaseKind baseKind,
      @Schema(description = "计缴基数（分）；仅本人、本支部书记/党务工作者和管理员可见 (personal data)") @Nullable Long baseFen,
      @Schema(description = "是否隐藏了基数 (base withheld from this caller)") boolean baseWithheld,
      @Schema(description = "比例（%）") @Nullable BigDecimal ratePercent,
      @Schema(description = "按标准每月应缴（分）") long standardFen,
      @Schema(description = "减免") Hardship hardship,
      @Schema(description = "减免后每月金额（分）") @Nullable Long hardshipFen,
      @Schema(description = "批准人") @Nullable String hardshipApprovedBy,
      @Schema(description = "讨论会议") @Nullable String hardshipMeeting,
      @Schema(description = "批准日期") @Nullable LocalDate hardshipApprovedOn,
      @Schema(description = "减免有效期至") @Nullable LocalDate hardshipUntil,
      @Schema(
              description =
                  "批准该减免的审批事项ID（/api/approvals/{id}）；直接登记的为空 (the approval it was applied from)")
          @Nullable UUID hardshipApprovalId,
      @Schema(description = "备注") @Nullable String note,
      @Schema(description = "核定人") String createdBy,
      Instant createdAt,
      Instant updatedAt,
      long version) {}
}
