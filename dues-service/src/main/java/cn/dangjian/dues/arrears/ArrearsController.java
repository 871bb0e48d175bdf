package cn.dangjian.dues.arrears;

import cn.dangjian.dues.access.DuesAccess;
import cn.dangjian.dues.access.DuesAccess.Access;
import cn.dangjian.dues.access.DuesAccess.Listing;
import cn.dangjian.dues.arrears.ArrearsViews.ArrearsRow;
import cn.dangjian.dues.export.ExportAudit;
import cn.dangjian.dues.support.Money;
import cn.dangjian.platform.export.ExportFormat;
import cn.dangjian.platform.export.TableDownload;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

  ArrearsController(
      ArrearsQueries queries, ArrearsService service, DuesAccess access, ExportAudit audit) {
    this.audit = audit;
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
          "超过上限（默认 50000 行，可配置）时返回 422（rule=export-too-large），请缩小范围；每次导出均记入审计。"
              + " Above the limit (50,000 rows by default) 422 export-too-large: narrow the filter."
              + " Every export is audited.")
  void export(
      @RequestParam(required = false) UUID orgId,
      @RequestParam(defaultValue = "1") @Min(1) @Max(120) int minMonths,
      @RequestParam(defaultValue = "csv") ExportFormat format,
      HttpServletResponse response)
      throws IOException {
    Access caller = access.current();
    Listing listing = access.listing(caller, null, orgId);
    long total =
        listing.none() ? 0 : queries.count(listing.pathPrefix(), listing.memberId(), minMonths);
    audit.admit(
        "ARREARS",
        caller,
        listing.pathPrefix(),
        "orgId=" + orgId + ", minMonths=" + minMonths + ", format=" + format,
        total);
    new TableDownload("arrears", format)
        .writeTo(
            response,
            writer -> {
              writer.header(List.of("党员ID", "所在组织", "连续未缴月数", "起始月份", "欠缴金额（元）", "党籍状态"));
              // page by page up to the counted total: memory stays at one page whatever the size
              for (long offset = 0; offset < total; offset += PAGE) {
                List<ArrearsRow> page =
                    queries.page(listing.pathPrefix(), listing.memberId(), minMonths, PAGE, offset);
                for (ArrearsRow row : page) {
                  writer.row(
                      List.of(
                          row.memberId().toString(),
                          nullToEmpty(row.orgName()),
                          row.consecutiveMonths(),
                          nullToEmpty(row.sinceMonth()),
                          Money.yuan(row.outstandingFen()),
                          row.memberStatus()));
                }
                if (page.size() < PAGE) {
                  break;
                }
              }
            });
  }

  private static final int PAGE = 2_000;

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
