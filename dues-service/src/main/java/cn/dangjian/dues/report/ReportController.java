package cn.dangjian.dues.report;

import cn.dangjian.dues.access.DuesAccess;
import cn.dangjian.dues.access.DuesAccess.Access;
import cn.dangjian.dues.export.ExportAudit;
import cn.dangjian.dues.report.ReportQueries.Part;
import cn.dangjian.dues.report.ReportViews.Extras;
import cn.dangjian.dues.report.ReportViews.Figures;
import cn.dangjian.dues.report.ReportViews.MonthFigures;
import cn.dangjian.dues.support.Money;
import cn.dangjian.dues.support.Months;
import cn.dangjian.platform.export.ExportFormat;
import cn.dangjian.platform.export.TableContent;
import cn.dangjian.platform.export.TableDownload;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/dues/reports")
@Tag(name = "收缴统计 Reports", description = "按组织和月份的收缴情况、年度汇总、导出 (collection reports)")
@Validated
class ReportController {

  private final ReportQueries queries;
  private final DuesAccess access;
  private final ExportAudit audit;

  ReportController(ReportQueries queries, DuesAccess access, ExportAudit audit) {
    this.audit = audit;
    this.queries = queries;
    this.access = access;
  }

  @Schema(description = "下级组织的收缴情况 (one part of the subtree)")
  record PartView(
      @Schema(description = "组织ID") UUID orgId,
      @Schema(description = "组织名称") String orgName,
      @Schema(description = "是否为本组织直属党员") boolean direct,
      Figures figures) {}

  @Schema(description = "月度收缴统计 (monthly collection report)")
  record MonthlyReport(
      @Schema(description = "组织ID；为空表示全部") @Nullable UUID orgId,
      @Schema(description = "月份") String month,
      @Schema(description = "合计") Figures total,
      @Schema(description = "按下级组织") List<PartView> parts) {}

  @Schema(description = "年度汇总 (yearly summary)")
  record YearlyReport(
      UUID orgId,
      int year,
      Figures total,
      List<MonthFigures> months,
      @Schema(description = "自愿多交与上缴中央") Extras extras) {}

  @GetMapping("/monthly")
  @Operation(
      summary = "月度收缴统计 (monthly report for an org subtree)",
      description =
          "应缴、已缴、未缴人数，应缴、实缴、未缴金额（分）与收缴率，并按直属下级组织分列。"
              + " Members billed/paid/unpaid, amounts due/received/outstanding and rates, by child org.")
  MonthlyReport monthly(
      @Parameter(description = "组织ID；不填为调用者所在组织") @RequestParam(required = false) UUID orgId,
      @Parameter(description = "月份 yyyy-MM") @RequestParam String month) {
    return monthlyReport(orgId, Months.parse(month));
  }

  @GetMapping("/monthly/export")
  @Operation(
      operationId = "exportMonthlyReport",
      summary = "导出月度收缴统计 (export the monthly report, CSV or xlsx)")
  ResponseEntity<byte[]> monthlyExport(
      @RequestParam(required = false) UUID orgId,
      @RequestParam String month,
      @RequestParam(defaultValue = "csv") ExportFormat format) {
    MonthlyReport report = monthlyReport(orgId, Months.parse(month));
    List<List<Object>> rows = new ArrayList<>();
    for (PartView part : report.parts()) {
      rows.add(row(report.month(), part.orgName() + (part.direct() ? "（直属）" : ""), part.figures()));
    }
    audit.admit(
        "MONTHLY_REPORT",
        access.current(),
        access.subtreePath(access.current(), orgId),
        "orgId=" + orgId + ", month=" + month + ", format=" + format,
        rows.size());
    rows.add(row(report.month(), "合计", report.total()));
    return new TableDownload("dues-" + report.month(), format)
        .buffered(TableContent.of(HEADER, rows));
  }

  @GetMapping("/yearly")
  @Operation(
      summary = "年度汇总 (yearly summary)",
      description = "逐月收缴情况、全年合计、自愿多交及上缴中央金额。Month by month, totals, extras.")
  YearlyReport yearly(
      @RequestParam(required = false) UUID orgId, @RequestParam @Min(2000) @Max(2100) int year) {
    Access caller = staff();
    String path = access.subtreePath(caller, orgId);
    List<MonthFigures> months = queries.year(year, path);
    Figures total = Figures.ZERO;
    for (MonthFigures month : months) {
      total = total.plus(month.figures());
    }
    return new YearlyReport(orgId, year, total, months, queries.extras(year, path));
  }

  @GetMapping("/yearly/export")
  @Operation(
      operationId = "exportYearlyReport",
      summary = "导出年度汇总 (export the yearly summary, CSV or xlsx)")
  ResponseEntity<byte[]> yearlyExport(
      @RequestParam(required = false) UUID orgId,
      @RequestParam @Min(2000) @Max(2100) int year,
      @RequestParam(defaultValue = "csv") ExportFormat format) {
    YearlyReport report = yearly(orgId, year);
    List<List<Object>> rows = new ArrayList<>();
    for (MonthFigures month : report.months()) {
      rows.add(row(month.month(), "", month.figures()));
    }
    audit.admit(
        "YEARLY_REPORT",
        access.current(),
        access.subtreePath(access.current(), orgId),
        "orgId=" + orgId + ", year=" + year + ", format=" + format,
        rows.size());
    rows.add(row(String.valueOf(year), "合计", report.total()));
    return new TableDownload("dues-" + year, format).buffered(TableContent.of(HEADER, rows));
  }

  static final List<String> HEADER =
      List.of(
          "月份",
          "组织",
          "应缴人数",
          "已缴人数",
          "免交人数",
          "未缴人数",
          "应缴金额（元）",
          "实缴金额（元）",
          "未缴金额（元）",
          "金额收缴率（%）",
          "人数缴纳率（%）");

  private static List<Object> row(String month, String org, Figures f) {
    return List.of(
        month,
        org,
        f.billed(),
        f.paid(),
        f.waived(),
        f.unpaid(),
        Money.yuan(f.dueFen()),
        Money.yuan(f.receivedFen()),
        Money.yuan(f.outstandingFen()),
        f.collectionRate() == null ? "" : f.collectionRate().toPlainString(),
        f.memberRate() == null ? "" : f.memberRate().toPlainString());
  }

  private MonthlyReport monthlyReport(UUID orgId, YearMonth month) {
    Access caller = staff();
    String path = access.subtreePath(caller, orgId);
    String prefix = path == null ? "/" : path;
    List<PartView> parts = new ArrayList<>();
    Figures total = Figures.ZERO;
    for (Part part : queries.monthByChild(month, prefix)) {
      total = total.plus(part.figures());
      boolean direct = part.path().equals(prefix);
      parts.add(new PartView(part.orgId(), part.orgName(), direct, part.figures()));
    }
    return new MonthlyReport(orgId, month.toString(), total, parts);
  }

  /** Reports are for staff (and integration clients); members see their own bills instead. */
  private Access staff() {
    Access caller = access.current();
    if (!caller.staff() && !caller.caller().hasRole(Roles.INTEGRATION)) {
      throw ProblemException.forbidden("dues.staff-only");
    }
    return caller;
  }
}
