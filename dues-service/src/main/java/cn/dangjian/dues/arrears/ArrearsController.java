package cn.dangjian.dues.arrears;

import cn.dangjian.dues.access.DuesAccess;
import cn.dangjian.dues.access.DuesAccess.Access;
import cn.dangjian.dues.access.DuesAccess.Listing;
import cn.dangjian.dues.arrears.ArrearsViews.ArrearsRow;
import cn.dangjian.dues.export.ExportAudit;
import cn.dangjian.platform.export.ExportFormat;
import cn.dangjian.platform.jobs.JobView;
import cn.dangjian.platform.jobs.Jobs;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/dues/arrears")
@Tag(name = "欠缴 Arrears", description = "连续未缴月数与欠缴名单 (consecutive unpaid months)")
@Validated
class ArrearsController {

  private final ArrearsQueries queries;
  private final ArrearsService service;
  private final DuesAccess access;
  private final ExportAudit audit;
  private final ArrearsExports exports;
  private final Jobs jobs;

  ArrearsController(
      ArrearsQueries queries,
      ArrearsService service,
      DuesAccess access,
      ExportAudit audit,
      ArrearsExports exports,
      Jobs jobs) {
    this.audit = audit;
    this.exports = exports;
    this.jobs = jobs;
    this.queries = queries;
    this.service = service;
    this.access = access;
  }

  @GetMapping
  @Operation(
      summary = "欠缴名单 (arrears list)",
      description =
          "调用者管辖范围内连续未缴党费的党员，按连续月数从多到少排列；党员本人只看到自己。月份结束后仍未缴才计为欠缴。"
              + " Members in the caller's subtree by consecutive unpaid months, longest first.")
  PageResponse<ArrearsRow> list(
      @Parameter(description = "组织ID：该组织及其下级") @RequestParam(required = false) UUID orgId,
      @Parameter(description = "至少连续欠缴月数") @RequestParam(defaultValue = "1") @Min(1) @Max(120)
          int minMonths,
      @Parameter(description = "页码，从0开始") @RequestParam(defaultValue = "0") @Min(0) int page,
      @Parameter(description = "每页条数，最大200") @RequestParam(defaultValue = "20") @Min(1) @Max(200)
          int size) {
    Access caller = access.current();
    Listing listing = access.listing(caller, null, orgId);
    if (listing.none()) {
      return PageResponse.empty(page, size);
    }
    long total = queries.count(listing.pathPrefix(), listing.memberId(), minMonths);
    List<ArrearsRow> items =
        queries.page(listing.pathPrefix(), listing.memberId(), minMonths, size, (long) page * size);
    return PageResponse.of(items, page, size, total);
  }

  @Schema(description = "一名党员的欠缴情况 (one member's arrears)")
  record MemberArrears(
      UUID memberId, int consecutiveMonths, @Nullable String sinceMonth, long outstandingFen) {}

  @GetMapping("/members/{memberId}")
  @Operation(
      operationId = "getMemberArrears",
      summary = "党员的连续未缴月数 (a member's arrears, computed now)")
  MemberArrears member(@PathVariable UUID memberId) {
    ProjectedMember member = access.member(access.current(), memberId);
    ArrearsRules.Arrears arrears = service.compute(member.memberId());
    return new MemberArrears(
        memberId,
        arrears.months(),
        arrears.since() == null ? null : arrears.since().toString(),
        arrears.outstandingFen());
  }

  @GetMapping("/export")
  @Operation(
      summary = "导出欠缴名单 (export the arrears list, CSV or xlsx)",
      description =
          "超过直接导出上限（默认 10000 行，可配置）时返回 422（rule=export-too-large），请缩小范围或用"
              + " POST /api/dues/arrears/exports 以后台任务导出全部；每次导出均记入审计。"
              + " Above the limit (10,000 rows by default) 422 export-too-large: narrow the filter or"
              + " export as a job. Every export is audited.")
  void export(
      @RequestParam(required = false) UUID orgId,
      @RequestParam(defaultValue = "1") @Min(1) @Max(120) int minMonths,
      @RequestParam(defaultValue = "csv") ExportFormat format,
      HttpServletResponse response)
      throws IOException {
    Access caller = access.current();
    Listing listing = access.listing(caller, null, orgId);
    long total = exports.count(listing, minMonths);
    audit.admit(
        "ARREARS",
        caller,
        listing.pathPrefix(),
        "orgId=" + orgId + ", minMonths=" + minMonths + ", format=" + format,
        total);
    ArrearsExports.file(format)
        .writeTo(response, writer -> exports.writeRows(writer, listing, minMonths, total, null));
  }

  /** What to export as a job. */
  @Schema(description = "以后台任务导出欠缴名单 (export the arrears list as a job)")
  record ExportRequest(
      @Schema(description = "组织ID：该组织及其下级；不填为调用者管辖的全部") @Nullable UUID orgId,
      @Schema(description = "至少连续欠缴月数，默认1") @Nullable @Min(1) @Max(120) Integer minMonths,
      @Schema(description = "文件格式，默认 csv") @Nullable ExportFormat format) {}

  @PostMapping("/exports")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      summary = "导出欠缴名单（后台任务，不限行数）(export the arrears list, as a job)",
      description =
          "立即返回202与任务；任务生成文件（file.href 下载，保留24小时），结果 result.rows 为行数。每次导出均记入审计。"
              + " Runs as a job writing the whole list to a file; audited.")
  ResponseEntity<JobView> exportAsJob(@Valid @RequestBody ExportRequest request) {
    Access caller = access.current();
    Listing listing = access.listing(caller, null, request.orgId());
    int minMonths = request.minMonths() == null ? 1 : request.minMonths();
    ExportFormat format = request.format() == null ? ExportFormat.csv : request.format();
    audit.record(
        "ARREARS",
        caller,
        listing.pathPrefix(),
        "orgId=" + request.orgId() + ", minMonths=" + minMonths + ", format=" + format + ", job",
        exports.count(listing, minMonths));
    return jobs.accepted(
        jobs.submit(
            ArrearsExports.KIND,
            new ArrearsExports.Payload(listing, minMonths, format),
            null,
            listing.pathPrefix(),
            caller.caller().username()));
  }
}
