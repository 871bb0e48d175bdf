package cn.dangjian.dues.bill;

import cn.dangjian.dues.access.DuesAccess;
import cn.dangjian.dues.access.DuesAccess.Access;
import cn.dangjian.dues.access.DuesAccess.Listing;
import cn.dangjian.dues.bill.BillRunStore.Root;
import cn.dangjian.dues.profile.DuesCategory;
import cn.dangjian.dues.support.Money;
import cn.dangjian.dues.support.Months;
import cn.dangjian.platform.jobs.JobView;
import cn.dangjian.platform.jobs.Jobs;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.YearMonth;
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
@RequestMapping("/api/dues/bills")
@Tag(name = "党费账单 Bills", description = "月度账单的生成与查询 (monthly bills)")
@Validated
class BillController {

  private final BillRunService runs;
  private final BillStore bills;
  private final BillRunStore billRuns;
  private final DuesAccess access;
  private final Jobs jobs;

  BillController(
      BillRunService runs, BillStore bills, BillRunStore billRuns, DuesAccess access, Jobs jobs) {
    this.runs = runs;
    this.bills = bills;
    this.billRuns = billRuns;
    this.access = access;
    this.jobs = jobs;
  }

  @Schema(description = "生成某月账单 (bill a month)")
  record RunRequest(
      @Schema(description = "月份 yyyy-MM", example = "2026-12")
          @NotNull
          @Pattern(regexp = "^\\d{4}-(0[1-9]|1[0-2])$")
          String month,
      @Schema(description = "组织ID：为该组织及其下级生成；不填为调用者管辖的全部") UUID orgId) {}

  @Schema(description = "账单 (a monthly bill)")
  record BillView(
      UUID id,
      @Schema(description = "党员ID") UUID memberId,
      @Schema(description = "月份") String month,
      @Schema(description = "开具账单时接转组织关系的支部") UUID orgId,
      @Schema(description = "党费类别", implementation = DuesCategory.class) String category,
      @Schema(description = "应缴金额（分）") long amountFen,
      @Schema(description = "应缴金额（元）") String amountYuan,
      @Schema(description = "状态") BillStatus status,
      @Schema(description = "状态名称") String statusLabel,
      @Schema(
              description = "MONTHLY 按月开具 / PREPAY 预交",
              allowableValues = {"MONTHLY", "PREPAY"})
          String origin,
      @Schema(description = "缴费记录ID") @Nullable UUID paymentId,
      @Nullable Instant paidAt,
      Instant issuedAt) {

    static BillView of(Bill bill) {
      return new BillView(
          bill.id(),
          bill.memberId(),
          bill.month().toString(),
          bill.orgId(),
          bill.category(),
          bill.amountFen(),
          Money.yuan(bill.amountFen()),
          bill.status(),
          bill.status().label(),
          bill.origin(),
          bill.paymentId(),
          bill.paidAt(),
          bill.issuedAt());
    }
  }

  @PostMapping("/runs")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "runBills",
      summary = "生成月度账单（后台任务）(issue a month's bills, as a job)",
      description =
          "为组织及其下级的在册党员生成该月账单：预备党员自支部大会通过当月起缴纳，组织关系所在支部开具，"
              + "停止党籍和已出党的不开具，年中调整的基数自其月份起适用。可重复执行，不会重复开具。"
              + "以后台任务执行：立即返回202与任务（Location 为任务地址），任务结果 result.runs 为各组织的"
              + "生成结果（runId, month, orgId, issued, billed, amountFen, arrearsChanged, tookMs）；"
              + "同一月份同一范围的任务正在执行时，再次发起返回该任务。"
              + " Runs as a job: 202 with the job; result.runs holds one run per subtree. Idempotent:"
              + " running a month twice issues nothing new; starting it while it runs returns the"
              + " running job.")
  ResponseEntity<JobView> run(@Valid @RequestBody RunRequest request) {
    Access caller = access.current();
    YearMonth month = Months.parse(request.month());
    runs.checkMonth(month);
    List<Root> roots = runs.roots(caller, request.orgId());
    return jobs.accepted(BillRunJob.submit(jobs, month.toString(), roots, caller.username()));
  }

  @GetMapping
  @Operation(
      summary = "查询账单 (list bills)",
      description = "党员本人只能看到自己的账单；书记、党务工作者看到管辖范围内的。Members see only their own.")
  PageResponse<BillView> list(
      @Parameter(description = "党员ID") @RequestParam(required = false) UUID memberId,
      @Parameter(description = "组织ID：该组织及其下级") @RequestParam(required = false) UUID orgId,
      @Parameter(description = "月份 yyyy-MM") @RequestParam(required = false) String month,
      @Parameter(description = "状态") @RequestParam(required = false) BillStatus status,
      @Parameter(description = "页码，从0开始") @RequestParam(defaultValue = "0") @Min(0) int page,
      @Parameter(description = "每页条数，最大200") @RequestParam(defaultValue = "20") @Min(1) @Max(200)
          int size) {
    Access caller = access.current();
    YearMonth ym = month == null ? null : Months.parse(month);
    Listing listing = access.listing(caller, memberId, orgId);
    if (listing.none()) {
      return PageResponse.empty(page, size);
    }
    long total = bills.count(listing.pathPrefix(), listing.memberId(), ym, status);
    List<BillView> items =
        bills
            .page(listing.pathPrefix(), listing.memberId(), ym, status, size, (long) page * size)
            .stream()
            .map(BillView::of)
            .toList();
    return PageResponse.of(items, page, size, total);
  }

  @GetMapping("/{id}")
  @Operation(summary = "查询账单 (get a bill)")
  BillView get(@PathVariable UUID id) {
    Access caller = access.current();
    Bill bill =
        bills
            .find(id)
            .filter(b -> access.seesRow(caller, b.orgPath(), b.memberId()))
            .orElseThrow(() -> ProblemException.notFound("dues.bill-not-found", id));
    return BillView.of(bill);
  }

  @Schema(description = "因缺少党费核定而未能开具账单的党员 (members without an assessment)")
  record MissingProfiles(String month, int total, List<UUID> memberIds) {}

  @GetMapping("/missing-profiles")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "listMissingDuesProfiles",
      summary = "未核定党费的党员 (members a month cannot be billed for)",
      description = "按收入计缴的类别须先核定基数。Income categories need a declared base first.")
  MissingProfiles missing(
      @RequestParam String month,
      @RequestParam(required = false) UUID orgId,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    Access caller = access.current();
    YearMonth ym = Months.parse(month);
    String path = access.subtreePath(caller, orgId);
    return new MissingProfiles(
        ym.toString(),
        billRuns.countMissingProfiles(ym, path),
        billRuns.missingProfiles(ym, path, size, page * size));
  }
}
