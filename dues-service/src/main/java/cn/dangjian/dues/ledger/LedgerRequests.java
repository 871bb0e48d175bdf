package cn.dangjian.dues.ledger;

import io.swagger.v3.oas.annotations.media.Schema;
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

/** Request and response records of the dues account (党费专户) API. Money is in fen (分). */
public final class LedgerRequests {

  private LedgerRequests() {}

  @Schema(description = "登记利息收入 (record bank interest)")
  public record RecordInterest(
      @Schema(description = "入账日期") @NotNull LocalDate date,
      @Schema(description = "金额（分）") @NotNull @Min(1) @Max(10_000_000_000L) Long amountFen,
      @Schema(description = "银行回单号 (bank reference)") @NotBlank @Size(max = 100)
          String bankReference,
      @Schema(description = "备注") @Size(max = 300) @Nullable String note) {}

  @Schema(description = "登记支出：须有支委会或支部党员大会的集体决定，用于规定用途 (record an expense)")
  public record RecordExpense(
      @Schema(description = "支出日期") @NotNull LocalDate date,
      @Schema(description = "金额（分）") @NotNull @Min(1) @Max(10_000_000_000L) Long amountFen,
      @Schema(description = "用途 (Art 19 use)") @NotNull SpendingPurpose purpose,
      @Schema(description = "作出决定的会议ID（org-life-service 的支委会或支部党员大会）") @NotNull UUID meetingId,
      @Schema(description = "凭证号 (voucher or invoice number)") @NotBlank @Size(max = 100)
          String reference,
      @Schema(description = "备注") @Size(max = 300) @Nullable String note) {}

  @Schema(description = "向直属下级组织下拨党费：须有本组织的集体决定，专款专用 (allocate to a direct child)")
  public record RecordAllocation(
      @Schema(description = "接收的直属下级组织ID") @NotNull UUID toOrgId,
      @Schema(description = "下拨日期") @NotNull LocalDate date,
      @Schema(description = "金额（分）") @NotNull @Min(1) @Max(10_000_000_000L) Long amountFen,
      @Schema(description = "指定用途 (earmarked use)") @NotNull SpendingPurpose purpose,
      @Schema(description = "作出决定的会议ID（本组织的支委会或党员大会）") @NotNull UUID meetingId,
      @Schema(description = "凭证号") @NotBlank @Size(max = 100) String reference,
      @Schema(description = "备注") @Size(max = 300) @Nullable String note) {}

  @Schema(description = "按季度上缴党费（后台任务）(run the quarterly remittance)")
  public record RunRemittance(
      @Schema(description = "季度 yyyy-Qn", example = "2026-Q3")
          @NotNull
          @Pattern(regexp = "^\\d{4}-Q[1-4]$")
          String quarter,
      @Schema(description = "组织ID；不填为调用者的管辖范围") @Nullable UUID orgId) {}

  @Schema(description = "党费专户的一笔收支 (one entry of a dues account)")
  public record LedgerEntryView(
      @Schema(description = "记录ID（党费收入为缴费记录ID）") UUID id,
      UUID orgId,
      LedgerEntryKind kind,
      @Schema(description = "类别名称") String kindLabel,
      @Schema(
              description = "IN 收入 / OUT 支出 / PASSED_ON 代收转交（不计入余额）",
              allowableValues = {"IN", "OUT", "PASSED_ON"})
          String direction,
      LocalDate date,
      @Schema(description = "金额（分）；冲正为负数（红字）") long amountFen,
      @Schema(description = "金额（元）") String amountYuan,
      @Schema(description = "用途") @Nullable SpendingPurpose purpose,
      @Schema(description = "集体决定的会议ID") @Nullable UUID meetingId,
      @Schema(description = "对方组织ID（下拨、上缴）") @Nullable UUID counterpartOrgId,
      @Schema(description = "季度（上缴）") @Nullable String period,
      @Schema(description = "凭证号、银行回单号或收据号") String reference,
      @Nullable String note,
      @Schema(description = "登记人") String recordedBy,
      Instant recordedAt) {}

  @Schema(description = "党费专户余额 (balance of an org's dues account)")
  public record DuesAccountView(
      UUID orgId,
      String orgName,
      @Schema(description = "余额（分）") long balanceFen,
      @Schema(description = "余额（元）") String balanceYuan,
      @Schema(description = "已公布的最近年度") @Nullable Integer lastPublishedYear) {}

  @Schema(description = "一年的收支明细 (a year's entries)")
  public record LedgerEntries(
      UUID orgId,
      int year,
      @Schema(description = "年初余额（分）") long openingBalanceFen,
      List<LedgerEntryView> entries,
      @Schema(description = "年末（或至今）余额（分）") long closingBalanceFen) {}

  @Schema(description = "按用途的金额")
  public record PurposeAmount(SpendingPurpose purpose, String purposeLabel, long amountFen) {}

  @Schema(description = "当月收缴党费（分）")
  public record MonthDues(String month, long duesFen) {}

  @Schema(description = "收入")
  public record IncomeFigures(
      @Schema(description = "党费收入（分，已扣冲正，不含上缴中央的多交）") long duesFen,
      @Schema(description = "利息收入") long interestFen,
      @Schema(description = "上级下拨") long allocationInFen,
      @Schema(description = "下级上缴") long remittanceInFen,
      @Schema(description = "收入合计") long totalFen) {}

  @Schema(description = "支出")
  public record SpendingFigures(
      @Schema(description = "支出合计（不含下拨、上缴）") long expenseFen,
      @Schema(description = "按用途") List<PurposeAmount> expensesByPurpose,
      @Schema(description = "下拨下级") long allocationOutFen,
      @Schema(description = "下拨按用途") List<PurposeAmount> allocationsByPurpose,
      @Schema(description = "上缴上级") long remittanceOutFen,
      @Schema(description = "支出合计（含下拨、上缴）") long totalFen) {}

  @Schema(description = "党费收支年度报告，公布后冻结 (a year of the dues account; frozen once published)")
  public record LedgerYearReport(
      UUID orgId,
      String orgName,
      int year,
      @Schema(description = "是否已向党员公布") boolean published,
      @Nullable Instant publishedAt,
      @Nullable String publishedBy,
      @Schema(description = "年初余额（分）") long openingBalanceFen,
      IncomeFigures income,
      SpendingFigures spending,
      @Schema(description = "代收上缴中央（一次性多交1000元及以上，不计入本组织收入）") long passedToCentreFen,
      @Schema(description = "年末余额（分）") long closingBalanceFen,
      @Schema(description = "逐月收缴党费") List<MonthDues> duesByMonth) {

    LedgerYearReport published(Instant at, String by) {
      return new LedgerYearReport(
          orgId,
          orgName,
          year,
          true,
          at,
          by,
          openingBalanceFen,
          income,
          spending,
          passedToCentreFen,
          closingBalanceFen,
          duesByMonth);
    }
  }
}
