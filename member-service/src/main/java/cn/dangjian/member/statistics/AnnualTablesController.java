package cn.dangjian.member.statistics;

import cn.dangjian.member.statistics.AnnualTablesService.AnnualReport;
import cn.dangjian.platform.export.ExportFormat;
import cn.dangjian.platform.export.TableContent;
import cn.dangjian.platform.export.TableDownload;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/statistics")
@Tag(name = "党内统计 Statistics")
@Validated
@PreAuthorize(
    "hasAnyRole('platform-admin','secretary','party-worker','discipline-commission','integration')")
class AnnualTablesController {

  static final String JSON = "json";

  private final AnnualTablesService tables;
  private final StatisticsScope scope;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  AnnualTablesController(
      AnnualTablesService tables,
      StatisticsScope scope,
      CurrentCaller caller,
      DataScopeResolver scopes) {
    this.tables = tables;
    this.scope = scope;
    this.caller = caller;
    this.scopes = scopes;
  }

  @GetMapping("/annual-tables/{year}")
  @Operation(
      operationId = "getAnnualTables",
      summary = "年度党内统计报表：党员、党组织、发展与变动、组织生活与党费、与上年比较 (annual report tables)",
      description =
          "五张表：表1 党员基本情况、表2 党组织基本情况（均为年末数）、表3 党员发展与变动、表4 组织生活与党费（均为全年数）、"
              + "表5 与上年比较。表1至表4每个直属下级党组织一行，另有“本级”（本组织数减各下级之和）和“合计”（本组织含全部下级）；"
              + "各行相加等于合计，每组分类相加等于该组合计。xlsx 每张表一个工作表；csv 各表依次排列，每张表前一行为表名，"
              + "表间空一行；json 为各表的 title、header、rows（label 与 values）。对集成客户端，1 至阈值减 1 的人数在文件中写作“<阈值”，json 中为 null。"
              + " Five tables; rows: each direct child, 本级 (the org's own figures minus its"
              + " children's) and 合计 (the subtree). xlsx: one sheet per table; csv: the tables one"
              + " after another, each under its title line; json: title/header/rows. Small counts"
              + " of people are '<N' (files) or null (json) for integration clients.")
  @ApiResponse(
      responseCode = "200",
      description = "报表 (the tables)",
      content = {
        @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = AnnualTablesViews.AnnualTablesView.class)),
        @Content(
            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))
      })
  @ApiResponse(
      responseCode = "400",
      description = "格式不支持或年度晚于本年 (unknown format or a future year)",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "403",
      description = "党员本人不能查看统计 (members see no statistics)",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "404",
      description = "组织不存在或不在管辖范围内 (org not found or outside the caller's subtree)",
      content = @Content(mediaType = "application/problem+json"))
  ResponseEntity<?> getAnnualTables(
      @Parameter(description = "年度，如 2026；本年为截至当前的数字") @PathVariable @Min(2000) @Max(2100) int year,
      @Parameter(description = "统计范围：组织ID（含全部下级）；默认为调用者所在组织，平台管理员默认为根组织")
          @RequestParam(required = false)
          @Nullable UUID orgId,
      @Parameter(
              description = "格式：xlsx（默认）、csv 或 json",
              schema = @Schema(allowableValues = {"xlsx", "csv", JSON}))
          @RequestParam(defaultValue = "xlsx")
          String format) {
    String asked = format.strip().toLowerCase(Locale.ROOT);
    ExportFormat file = JSON.equals(asked) ? null : ExportFormat.fromExtension(asked).orElse(null);
    if (file == null && !JSON.equals(asked)) {
      throw ProblemException.badRequest("statistics.annual.unknown-format", format);
    }
    Caller c = caller.get();
    AnnualReport report =
        tables.report(
            scope.resolve(orgId, c, scopes.resolve(c)), year, StatisticsScope.forIntegrators(c));
    if (file == null) {
      return ResponseEntity.ok()
          .header(HttpHeaders.CACHE_CONTROL, "no-store")
          .body(AnnualTablesViews.of(report));
    }
    Map<String, TableContent> sheets = new LinkedHashMap<>();
    for (AnnualTable table : report.tables()) {
      sheets.put(table.title(), TableContent.of(table.header(), table.rowsWithNotes()));
    }
    return new TableDownload(fileName(report), file).buffered(TableContent.sheets(sheets));
  }

  /** 党内统计年报-<org>-<year>, without the characters a file name cannot hold. */
  static String fileName(AnnualReport report) {
    String org = report.org().name().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    return "党内统计年报-" + org + "-" + report.year();
  }
}
