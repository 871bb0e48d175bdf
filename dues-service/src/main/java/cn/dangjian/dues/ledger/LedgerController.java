package cn.dangjian.dues.ledger;

import cn.dangjian.dues.access.DuesAccess;
import cn.dangjian.dues.access.DuesAccess.Access;
import cn.dangjian.dues.ledger.LedgerRequests.DuesAccountView;
import cn.dangjian.dues.ledger.LedgerRequests.LedgerEntries;
import cn.dangjian.dues.ledger.LedgerRequests.LedgerEntryView;
import cn.dangjian.dues.ledger.LedgerRequests.LedgerYearReport;
import cn.dangjian.dues.ledger.LedgerRequests.RecordAllocation;
import cn.dangjian.dues.ledger.LedgerRequests.RecordExpense;
import cn.dangjian.dues.ledger.LedgerRequests.RecordInterest;
import cn.dangjian.dues.ledger.LedgerRequests.RunRemittance;
import cn.dangjian.dues.ledger.LedgerStore.Entry;
import cn.dangjian.dues.support.Money;
import cn.dangjian.platform.jobs.JobView;
import cn.dangjian.platform.jobs.Jobs;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.security.Roles;
import cn.dangjian.platform.web.IdempotencyFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/dues/ledgers")
@Tag(name = "党费专户 Dues ledger", description = "党费收支：党费收入、利息、支出、下拨、上缴，年度公布 (where the dues go)")
@Validated
class LedgerController {

  private static final String KEY = "幂等键：必填，重试时用同一个 (required; reuse it when retrying)";

  private final LedgerService ledger;
  private final LedgerYears years;
  private final DuesAccess access;
  private final MemberProjection projection;
  private final Jobs jobs;

  LedgerController(
      LedgerService ledger,
      LedgerYears years,
      DuesAccess access,
      MemberProjection projection,
      Jobs jobs) {
    this.ledger = ledger;
    this.years = years;
    this.access = access;
    this.projection = projection;
    this.jobs = jobs;
  }

  @GetMapping("/{orgId}")
  @Operation(
      operationId = "getDuesAccount",
      summary = "党费专户余额 (balance of an org's dues account)",
      description = "书记、党务工作者（管辖范围内）与管理员。Staff over the org.")
  DuesAccountView account(@PathVariable UUID orgId) {
    return ledger.account(orgId, access.current());
  }

  @GetMapping("/{orgId}/entries")
  @Operation(
      operationId = "listLedgerEntries",
      summary = "党费收支明细 (a year's entries)",
      description =
          "党费收入按缴费记录逐笔列出（冲正为负数），一次性多交1000元及以上列为代收上缴中央，不计入余额。"
              + " Dues come from the payments credited to the org; reversals are negative.")
  LedgerEntries entries(@PathVariable UUID orgId, @RequestParam @Min(2000) @Max(2100) int year) {
    long[] balances = new long[2];
    List<LedgerEntryView> entries =
        ledger.entries(orgId, year, access.current(), balances).stream()
            .map(LedgerController::view)
            .toList();
    return new LedgerEntries(orgId, year, balances[0], entries, balances[1]);
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/{orgId}/interest")
  @Operation(
      operationId = "recordLedgerInterest",
      summary = "登记利息收入 (record bank interest)",
      description = "专户利息属党费收入，须填银行回单号。Needs Idempotency-Key.")
  ResponseEntity<LedgerEntryView> interest(
      @PathVariable UUID orgId,
      @Parameter(required = true, description = KEY)
          @RequestHeader(value = IdempotencyFilter.HEADER, required = false)
          String idempotencyKey,
      @Valid @RequestBody RecordInterest request) {
    requireKey(idempotencyKey);
    return created(ledger.interest(orgId, request, access.current()));
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/{orgId}/expenses")
  @Operation(
      operationId = "recordLedgerExpense",
      summary = "登记支出 (record an expense)",
      description =
          "须引用本组织已召开的支委会或支部党员大会（集体决定，会议日期不晚于支出日期），用途限于党员教育培训、"
              + "购置教材和设备、表彰、补助生活困难党员、救灾及修缮；不得超过余额（量入为出）。"
              + " Needs a collective decision of the org held on or before the date, an allowed use, and"
              + " the balance.")
  ResponseEntity<LedgerEntryView> expense(
      @PathVariable UUID orgId,
      @Parameter(required = true, description = KEY)
          @RequestHeader(value = IdempotencyFilter.HEADER, required = false)
          String idempotencyKey,
      @Valid @RequestBody RecordExpense request) {
    requireKey(idempotencyKey);
    return created(ledger.expense(orgId, request, access.current()));
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/{orgId}/allocations")
  @Operation(
      operationId = "recordLedgerAllocation",
      summary = "向直属下级下拨 (allocate to a direct child org)",
      description =
          "只能下拨给直属下级组织，须有本组织的集体决定，指定用途，下级入账同一用途（专款专用）。"
              + " One level down only, on the parent's collective decision, earmarked.")
  ResponseEntity<LedgerEntryView> allocation(
      @PathVariable UUID orgId,
      @Parameter(required = true, description = KEY)
          @RequestHeader(value = IdempotencyFilter.HEADER, required = false)
          String idempotencyKey,
      @Valid @RequestBody RecordAllocation request) {
    requireKey(idempotencyKey);
    return created(ledger.allocate(orgId, request, access.current()));
  }

  @GetMapping("/{orgId}/years/{year}")
  @Operation(
      operationId = "getLedgerYear",
      summary = "党费收支年度报告 (a year of the dues account)",
      description =
          "年初余额、各类收入、按用途的支出、下拨、上缴、年末余额、逐月收缴。已公布的年度按公布时冻结的数字返回；"
              + "本组织党员只能查看已公布的年度。 Members of the org read published years only.")
  LedgerYearReport year(@PathVariable UUID orgId, @PathVariable @Min(2000) @Max(2100) int year) {
    return years.report(orgId, year, access.current());
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/{orgId}/years/{year}/publication")
  @Operation(
      operationId = "publishLedgerYear",
      summary = "向党员公布年度党费收支 (publish a year to the members)",
      description =
          "年度结束后由书记、党务工作者或管理员公布，公布后该年度数字冻结，不再接受该年度的收支登记，"
              + "并发布 dues.ledger-published 事件。 Freezes the year; publishes dues.ledger-published.")
  ResponseEntity<LedgerYearReport> publish(
      @PathVariable UUID orgId,
      @PathVariable @Min(2000) @Max(2100) int year,
      @Parameter(required = true, description = KEY)
          @RequestHeader(value = IdempotencyFilter.HEADER, required = false)
          String idempotencyKey) {
    requireKey(idempotencyKey);
    LedgerYearReport report = years.publish(orgId, year, access.current());
    return ResponseEntity.created(URI.create("/api/dues/ledgers/" + orgId + "/years/" + year))
        .body(report);
  }

  @PostMapping("/remittance-runs")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "runRemittance",
      summary = "按季度上缴党费（后台任务）(run a quarter's remittance, as a job)",
      description =
          "管理员或党委的书记、党务工作者，为已结束的季度运行：各组织按配置比例将该季度党费收入上缴上级，"
              + "同一组织同一季度只上缴一次，重复运行不改变任何数据。每季度初自动运行上一季度。"
              + " Admins or a party committee's staff; idempotent per org and quarter.")
  ResponseEntity<JobView> remittance(@Valid @RequestBody RunRemittance request) {
    Access caller = access.current();
    Quarter quarter = Quarter.parse(request.quarter());
    if (!caller.caller().hasRole(Roles.PLATFORM_ADMIN) && !committeeStaff(caller)) {
      throw ProblemException.forbidden("ledger.remittance-by-committee");
    }
    if (quarter.end().isAfter(ledger.today())) {
      throw ProblemException.businessRule(
          "remittance-quarter-not-ended", "ledger.rule.quarter-not-ended", quarter.toString());
    }
    String path = access.subtreePath(caller, request.orgId());
    return jobs.accepted(
        RemittanceJob.submit(jobs, quarter, request.orgId(), path, caller.username()));
  }

  /** A secretary or party worker of a 党委 (a committee over branches). */
  private boolean committeeStaff(Access caller) {
    return caller.staff()
        && caller
            .caller()
            .orgId()
            .flatMap(projection::org)
            .map(org -> "PARTY_COMMITTEE".equals(org.orgType()))
            .orElse(false);
  }

  private static ResponseEntity<LedgerEntryView> created(Entry entry) {
    return ResponseEntity.created(
            URI.create(
                "/api/dues/ledgers/" + entry.orgId() + "/entries?year=" + entry.date().getYear()))
        .body(view(entry));
  }

  static LedgerEntryView view(Entry e) {
    String direction =
        switch (e.kind().sign()) {
          case 1 -> "IN";
          case -1 -> "OUT";
          default -> "PASSED_ON";
        };
    return new LedgerEntryView(
        e.id(),
        e.orgId(),
        e.kind(),
        e.kind().label(),
        direction,
        e.date(),
        e.amountFen(),
        Money.yuan(e.amountFen()),
        e.purpose(),
        e.meetingId(),
        e.counterpartOrgId(),
        e.period(),
        e.reference(),
        e.note(),
        e.recordedBy(),
        e.recordedAt());
  }

  private static void requireKey(String key) {
    if (key == null || key.isBlank()) {
      throw ProblemException.badRequest("ledger.idempotency-key-required");
    }
  }
}
