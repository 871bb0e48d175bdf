package cn.dangjian.member.statistics;

import cn.dangjian.member.statistics.StatisticsScope.OrgRef;
import cn.dangjian.member.statistics.StatisticsViews.ActivityView;
import cn.dangjian.member.statistics.StatisticsViews.FiguresView;
import cn.dangjian.member.statistics.StatisticsViews.OverviewView;
import cn.dangjian.member.statistics.StatisticsViews.RecordView;
import cn.dangjian.member.statistics.StatisticsViews.SeriesView;
import cn.dangjian.member.statistics.StatisticsViews.StatusView;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.time.PartyCalendar;
import cn.dangjian.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/statistics")
@Tag(
    name = "党内统计 Statistics",
    description =
        "党员队伍、党组织、发展与变动、组织生活与党费等统计：任一下级范围、任一月末时点，数字可下钻到记录；由事件驱动的读模型 (figures"
            + " for any subtree as of any month-end, drill-down to the records)")
@Validated
@PreAuthorize(
    "hasAnyRole('platform-admin','secretary','party-worker','discipline-commission','integration')")
class StatisticsController {

  private static final String ORG = "统计范围：组织ID（含全部下级）；默认为调用者所在组织，平台管理员默认为根组织";
  private static final String AS_OF = "时点：月份 yyyy-MM，取该月月末；默认本月";

  private final StatisticsService statistics;
  private final OverviewService overview;
  private final StatisticsScope scope;
  private final StatisticsRebuild rebuild;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;
  private final Clock clock;

  StatisticsController(
      StatisticsService statistics,
      OverviewService overview,
      StatisticsScope scope,
      StatisticsRebuild rebuild,
      CurrentCaller caller,
      DataScopeResolver scopes,
      Clock clock) {
    this.statistics = statistics;
    this.overview = overview;
    this.scope = scope;
    this.rebuild = rebuild;
    this.caller = caller;
    this.scopes = scopes;
    this.clock = clock;
  }

  @GetMapping("/overview")
  @Operation(summary = "首页与大屏概览：关键数字、趋势、预警、薄弱党组织 (overview)")
  OverviewView getStatisticsOverview(
      @Parameter(description = ORG) @RequestParam(required = false) @Nullable UUID orgId,
      @Parameter(description = AS_OF)
          @RequestParam(required = false)
          @DateTimeFormat(pattern = "yyyy-MM")
          @Nullable YearMonth asOf) {
    Caller c = caller.get();
    return overview.overview(org(orgId, c), month(asOf), StatisticsScope.forIntegrators(c));
  }

  @GetMapping("/members")
  @Operation(
      summary = "党员队伍结构：性别、民族、年龄、学历、职业、正式/预备、党龄、流动/失联、发展对象等 (member structure)",
      description = "每个党员在全平台只计一次：计入其组织关系所在党组织（流动党员计入原党支部，转接途中计入转出方）。")
  FiguresView getMemberStructure(
      @Parameter(description = ORG) @RequestParam(required = false) @Nullable UUID orgId,
      @Parameter(description = AS_OF)
          @RequestParam(required = false)
          @DateTimeFormat(pattern = "yyyy-MM")
          @Nullable YearMonth asOf) {
    Caller c = caller.get();
    return statistics.stocks(
        org(orgId, c), month(asOf), Dimension.Kind.MEMBER_STOCK, StatisticsScope.forIntegrators(c));
  }

  @GetMapping("/orgs")
  @Operation(summary = "党组织结构：组织类型、单位类型、隶属关系、设/未设支委会、应换届 (organisations)")
  FiguresView getOrgStructure(
      @Parameter(description = ORG) @RequestParam(required = false) @Nullable UUID orgId,
      @Parameter(description = AS_OF)
          @RequestParam(required = false)
          @DateTimeFormat(pattern = "yyyy-MM")
          @Nullable YearMonth asOf) {
    return statistics.stocks(
        org(orgId, caller.get()), month(asOf), Dimension.Kind.ORG_STOCK, false);
  }

  @GetMapping("/flows")
  @Operation(summary = "发展与变动：发展党员（女性、35岁及以下、一线）、转正、转入、转出、各类减少 (flows in a period)")
  FiguresView getFlows(
      @Parameter(description = ORG) @RequestParam(required = false) @Nullable UUID orgId,
      @Parameter(description = "起始月 yyyy-MM（含）；默认本年1月")
          @RequestParam(required = false)
          @DateTimeFormat(pattern = "yyyy-MM")
          @Nullable YearMonth from,
      @Parameter(description = "截止月 yyyy-MM（含）；默认本月")
          @RequestParam(required = false)
          @DateTimeFormat(pattern = "yyyy-MM")
          @Nullable YearMonth to) {
    Caller c = caller.get();
    YearMonth end = month(to);
    return statistics.flows(
        org(orgId, c),
        from == null ? YearMonth.of(end.getYear(), 1) : from,
        end,
        StatisticsScope.forIntegrators(c));
  }

  @GetMapping("/activity")
  @Operation(summary = "组织生活、党费收缴、预警、考核等次 (activity in a period)")
  ActivityView getActivity(
      @Parameter(description = ORG) @RequestParam(required = false) @Nullable UUID orgId,
      @Parameter(description = "起始月 yyyy-MM（含）；默认本年1月")
          @RequestParam(required = false)
          @DateTimeFormat(pattern = "yyyy-MM")
          @Nullable YearMonth from,
      @Parameter(description = "截止月 yyyy-MM（含）；默认本月")
          @RequestParam(required = false)
          @DateTimeFormat(pattern = "yyyy-MM")
          @Nullable YearMonth to) {
    YearMonth end = month(to);
    return statistics.activity(
        org(orgId, caller.get()), from == null ? YearMonth.of(end.getYear(), 1) : from, end);
  }

  @GetMapping("/series")
  @Operation(summary = "时间序列：存量取各月末数，流量取当月数 (a figure month by month)")
  SeriesView getStatisticsSeries(
      @Parameter(description = ORG) @RequestParam(required = false) @Nullable UUID orgId,
      @Parameter(description = "统计维度，如 MEMBERS、GENDER、DEVELOPED") @RequestParam String dimension,
      @Parameter(description = "分类代码，如 ALL、FEMALE") @RequestParam(defaultValue = "ALL")
          String value,
      @Parameter(description = "起始月 yyyy-MM；默认截止月前11个月")
          @RequestParam(required = false)
          @DateTimeFormat(pattern = "yyyy-MM")
          @Nullable YearMonth from,
      @Parameter(description = "截止月 yyyy-MM；默认本月")
          @RequestParam(required = false)
          @DateTimeFormat(pattern = "yyyy-MM")
          @Nullable YearMonth to) {
    Caller c = caller.get();
    YearMonth end = month(to);
    return statistics.series(
        org(orgId, c),
        dimension(dimension),
        value,
        from == null ? end.minusMonths(11) : from,
        end,
        StatisticsScope.forIntegrators(c));
  }

  @GetMapping("/records")
  @Operation(
      summary = "下钻：统计数字背后的党员或党组织 (the records behind a figure)",
      description = "存量维度用 asOf，流量维度用 from/to；total 与对应统计数字一致。组织生活、党费等活动数字请到对应服务查询。")
  PageResponse<RecordView> listStatisticsRecords(
      @Parameter(description = ORG) @RequestParam(required = false) @Nullable UUID orgId,
      @Parameter(description = "统计维度，如 GENDER、AGE_BAND、DEVELOPED、ORG_TYPE") @RequestParam
          String dimension,
      @Parameter(description = "分类代码，如 FEMALE、31_35、ALL、BRANCH") @RequestParam(defaultValue = "ALL")
          String value,
      @Parameter(description = "存量时点 yyyy-MM")
          @RequestParam(required = false)
          @DateTimeFormat(pattern = "yyyy-MM")
          @Nullable YearMonth asOf,
      @Parameter(description = "流量起始月 yyyy-MM")
          @RequestParam(required = false)
          @DateTimeFormat(pattern = "yyyy-MM")
          @Nullable YearMonth from,
      @Parameter(description = "流量截止月 yyyy-MM")
          @RequestParam(required = false)
          @DateTimeFormat(pattern = "yyyy-MM")
          @Nullable YearMonth to,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return statistics.records(
        org(orgId, caller.get()), dimension(dimension), value, asOf, from, to, page, size);
  }

  @GetMapping("/status")
  @Operation(summary = "读模型状态：已处理事件数、最后事件时间、最近重建 (read model status)")
  StatusView getStatisticsStatus() {
    return overview.status();
  }

  @PostMapping("/rebuild")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PreAuthorize("hasRole('platform-admin')")
  @Operation(
      summary = "从各主题重放，重建统计读模型（仅平台管理员） (rebuild the read model by replay)",
      description = "清空读模型并从各 Kafka 主题开头重新消费；进度见 /api/statistics/status。重建完成前数字不完整。")
  StatusView rebuildStatistics() {
    rebuild.rebuild();
    return overview.status();
  }

  private OrgRef org(@Nullable UUID orgId, Caller c) {
    return scope.resolve(orgId, c, scopes.resolve(c));
  }

  private YearMonth month(@Nullable YearMonth asked) {
    return asked == null ? PartyCalendar.thisMonth(clock) : asked;
  }

  private static Dimension dimension(String name) {
    return Dimension.find(name)
        .orElseThrow(() -> ProblemException.badRequest("statistics.unknown-dimension", name));
  }
}
