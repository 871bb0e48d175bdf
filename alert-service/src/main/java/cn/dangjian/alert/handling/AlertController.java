package cn.dangjian.alert.handling;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.alert.handling.AlertRequests.Dismissal;
import cn.dangjian.alert.handling.AlertRequests.ExportRequest;
import cn.dangjian.alert.handling.AlertRequests.Feedback;
import cn.dangjian.alert.handling.AlertRequests.Review;
import cn.dangjian.alert.handling.AlertViews.AlertResponse;
import cn.dangjian.alert.handling.AlertViews.HistoryEntry;
import cn.dangjian.alert.handling.AlertViews.Statistics;
import cn.dangjian.alert.handling.AlertWorkflowRules.Action;
import cn.dangjian.alert.rules.Calendar;
import cn.dangjian.platform.export.TableDownload;
import cn.dangjian.platform.jobs.JobView;
import cn.dangjian.platform.jobs.Jobs;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.web.ExpectedVersion;
import cn.dangjian.platform.web.PageResponse;
import cn.dangjian.platform.web.Sorting;
import cn.dangjian.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/** Alerts of the caller's subtree: list, read, statistics, export, stream, rectification loop. */
@RestController
@RequestMapping("/api/alerts")
@Validated
@Tag(name = "预警 alerts", description = "预警、证据、整改建议与期限，整改闭环")
@PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker','integration')")
public class AlertController {

  /** What the alert list may be sorted by; newest first unless asked otherwise. */
  static final Set<String> SORTABLE =
      Set.of("raisedAt", "deadline", "severity", "status", "updatedAt");

  private static final Sort NEWEST_FIRST =
      Sort.by(Sort.Order.desc("raisedAt"), Sort.Order.desc("id"));

  private final AlertService service;
  private final AlertMapper mapper;
  private final RuleCatalogue catalogue;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;
  private final AlertStreams stream;
  private final Clock clock;
  private final MessageSource messages;
  private final AlertExports exports;
  private final Jobs jobs;
  private final JsonMapper problemJson = JsonMapper.builder().build();

  AlertController(
      AlertService service,
      AlertMapper mapper,
      RuleCatalogue catalogue,
      CurrentCaller caller,
      DataScopeResolver scopes,
      AlertStreams stream,
      Clock clock,
      MessageSource messages,
      AlertExports exports,
      Jobs jobs) {
    this.service = service;
    this.mapper = mapper;
    this.catalogue = catalogue;
    this.caller = caller;
    this.scopes = scopes;
    this.stream = stream;
    this.clock = clock;
    this.messages = messages;
    this.exports = exports;
    this.jobs = jobs;
  }

  private DataScope scope() {
    return scopes.resolve(caller.get());
  }

  private AlertResponse response(Alert alert) {
    return mapper.toResponse(alert, catalogue, Calendar.today(clock));
  }

  @GetMapping
  @Operation(
      summary = "分页查询预警 (list alerts)",
      description = "仅返回调用者管辖子树内的预警，按提出时间倒序。Only the caller's subtree, newest first.")
  public PageResponse<AlertResponse> list(
      @Parameter(description = "状态，可多选") @RequestParam(required = false) List<AlertStatus> status,
      @Parameter(description = "级别") @RequestParam(required = false) Severity severity,
      @Parameter(description = "规则编号") @RequestParam(required = false) String ruleId,
      @Parameter(description = "组织（含下级）") @RequestParam(required = false) UUID orgId,
      @Parameter(description = "预警对象（党员或组织）") @RequestParam(required = false) UUID subjectId,
      @Parameter(description = "提出日期起")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate raisedFrom,
      @Parameter(description = "提出日期止")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate raisedTo,
      @Parameter(description = "仅逾期未办结") @RequestParam(required = false) Boolean overdue,
      @Parameter(description = "页码，从0开始") @RequestParam(defaultValue = "0") @Min(0) int page,
      @Parameter(description = "每页条数，最大200") @RequestParam(defaultValue = "20") @Min(1) @Max(200)
          int size,
      @Parameter(description = Sorting.DESCRIPTION) @RequestParam(required = false)
          List<String> sort) {
    Page<Alert> result =
        service.search(
            scope(),
            new AlertService.Filter(
                status, severity, ruleId, orgId, subjectId, raisedFrom, raisedTo, overdue),
            PageRequest.of(page, size, Sorting.parse(sort, NEWEST_FIRST, SORTABLE)));
    return PageResponse.of(result, this::response);
  }

  @GetMapping("/{id}")
  @Operation(summary = "预警详情 (one alert)")
  public ResponseEntity<AlertResponse> get(@PathVariable UUID id) {
    Alert alert = service.get(id, scope());
    return Versions.ok(response(alert), alert.getVersion());
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "处理记录 (history)")
  public List<HistoryEntry> history(@PathVariable UUID id) {
    return service.history(id, scope()).stream().map(mapper::toEntry).toList();
  }

  @PostMapping("/{id}/acknowledge")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(summary = "签收 (acknowledge)")
  public ResponseEntity<AlertResponse> acknowledge(
      @PathVariable UUID id, ExpectedVersion expected) {
    return act(id, Action.ACKNOWLEDGE, null, null, expected);
  }

  @PostMapping("/{id}/rectify")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(summary = "整改中：反馈整改情况 (rectifying, with feedback and attachments)")
  public ResponseEntity<AlertResponse> rectify(
      @PathVariable UUID id, @Valid @RequestBody Feedback body, ExpectedVersion expected) {
    return act(id, Action.RECTIFY, body.feedback(), body.attachments(), expected);
  }

  @PostMapping("/{id}/submit")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(summary = "提交上级审核 (submit for review)")
  public ResponseEntity<AlertResponse> submit(
      @PathVariable UUID id, @Valid @RequestBody Feedback body, ExpectedVersion expected) {
    return act(id, Action.SUBMIT, body.feedback(), body.attachments(), expected);
  }

  @PostMapping("/{id}/review")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "上级审核：通过则关闭，退回则继续整改 (review by the superior org)")
  public ResponseEntity<AlertResponse> review(
      @PathVariable UUID id, @Valid @RequestBody Review body, ExpectedVersion expected) {
    Action action =
        body.decision() == AlertRequests.Decision.ACCEPT ? Action.ACCEPT : Action.REJECT;
    return act(id, action, body.reason(), null, expected);
  }

  @PostMapping("/{id}/dismiss")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "撤销预警（须说明理由，仅上级或组织部）(dismiss with a reason)")
  public ResponseEntity<AlertResponse> dismiss(
      @PathVariable UUID id, @Valid @RequestBody Dismissal body, ExpectedVersion expected) {
    return act(id, Action.DISMISS, body.reason(), null, expected);
  }

  private ResponseEntity<AlertResponse> act(
      UUID id,
      Action action,
      String note,
      List<AlertRequests.Attachment> attachments,
      ExpectedVersion expected) {
    Alert alert =
        service.act(
            id, action, note, attachments, scope(), caller.usernameOrSystem(), expected.value());
    return Versions.ok(response(alert), alert.getVersion());
  }

  @GetMapping("/stats")
  @Operation(summary = "组织预警统计：按规则和级别的在办数、逾期数、平均办结时长 (per-org statistics)")
  public Statistics statistics(@RequestParam UUID orgId) {
    return service.statistics(orgId, scope());
  }

  @GetMapping(value = "/export", produces = "text/csv")
  @Operation(
      summary = "导出预警 CSV（与列表相同的筛选，至多 10,000 条）(export, up to 10,000 rows)",
      description =
          "超过 10,000 条时为422（rule export-too-large），请改用 POST /api/alerts/exports 以后台任务导出全部。"
              + " Above 10,000 rows: 422; export them all as a job with POST /api/alerts/exports.")
  public ResponseEntity<StreamingResponseBody> export(
      @RequestParam(required = false) List<AlertStatus> status,
      @RequestParam(required = false) Severity severity,
      @RequestParam(required = false) String ruleId,
      @RequestParam(required = false) UUID orgId,
      @RequestParam(required = false) Boolean overdue) {
    DataScope scope = scope();
    AlertService.Filter filter =
        new AlertService.Filter(status, severity, ruleId, orgId, null, null, null, overdue);
    long total = exports.count(scope, filter);
    if (total > AlertExports.SYNCHRONOUS_LIMIT) {
      throw ProblemException.businessRule(
          "export-too-large", "alert.export-too-large", total, AlertExports.SYNCHRONOUS_LIMIT);
    }
    TableDownload file = AlertExports.file();
    return file.ok()
        .header("X-Total-Count", Long.toString(total))
        .body(file.body(writer -> exports.writeRows(writer, scope, filter, null)));
  }

  @PostMapping("/exports")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      summary = "导出预警（后台任务，不限条数）(export every matching alert, as a job)",
      description =
          "立即返回202与任务；任务生成 CSV 文件，file.href 下载，保留24小时。筛选条件与列表相同，范围为调用者管辖子树。"
              + " Runs as a job writing a CSV file (no row limit), downloaded from file.href.")
  public ResponseEntity<JobView> exportAsJob(@Valid @RequestBody ExportRequest request) {
    DataScope scope = scope();
    AlertService.Filter filter =
        new AlertService.Filter(
            request.status(),
            request.severity(),
            request.ruleId(),
            request.orgId(),
            null,
            null,
            null,
            request.overdue());
    String orgPath =
        request.orgId() == null
            ? scope.pathFilter().orElse(null)
            : service.orgPathInScope(request.orgId(), scope); // 404 now, not an empty file later
    return jobs.accepted(
        jobs.submit(
            AlertExports.KIND,
            new AlertExports.Payload(scope, filter),
            null,
            orgPath,
            caller.usernameOrSystem()));
  }

  @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      operationId = "streamAlerts",
      summary = "预警实时推送 (Server-Sent Events)",
      description =
          "新的和变化的预警（event: alert.raised / alert.changed / alert.resolved，仅限调用者管辖子树），以及推送给本人的"
              + " job（长时任务进度）。每个事件带 id（递增序号）；重连时以 Last-Event-ID 请求头或 lastEventId 参数补发 24"
              + " 小时内错过的事件（无法补发时先收到 reset）。每 15 秒一条注释行作心跳。令牌到期时收到 token-expired"
              + " 后流关闭，请用新令牌（或新票据）重连。浏览器的 EventSource 不能带 Authorization：先以 POST"
              + " /api/alerts/stream-tickets 换取一次性票据（30 秒内有效），再以 ?ticket= 打开本流。"
              + " (Alert events of the caller's subtree and the caller's own job events; every event"
              + " has an id; reconnect with Last-Event-ID (header or lastEventId) to get what was"
              + " missed within 24 h, or a reset event; a comment heartbeat every 15 s; token-expired"
              + " then close when the token expires. Browsers authenticate with a single-use ticket"
              + " from POST /api/alerts/stream-tickets.)")
  @ApiResponse(
      responseCode = "200",
      description =
          "事件流 (server-sent events)：data 按 event 为 StreamEvent（alert.*）、JobProgress（job）或"
              + " StreamNotice（token-expired、reset）",
      content =
          @Content(
              mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
              schema =
                  @Schema(
                      oneOf = {
                        AlertViews.StreamEvent.class,
                        AlertViews.JobProgress.class,
                        AlertViews.StreamNotice.class
                      })))
  @ApiResponse(
      responseCode = "429",
      description = "同一用户同时打开的推送流已达上限 (too many streams for this caller)",
      content = @Content(mediaType = "application/problem+json"))
  public SseEmitter stream(
      @Parameter(
              description =
                  "一次性推送票据（POST /api/alerts/stream-tickets），代替 Authorization 请求头；仅本接口接受"
                      + " (single-use stream ticket instead of the Authorization header; this"
                      + " operation only)")
          @RequestParam(required = false)
          String ticket,
      @Parameter(description = "最后收到的事件 id，从其后补发 (resume after this event id)")
          @RequestHeader(value = "Last-Event-ID", required = false)
          String lastEventIdHeader,
      @Parameter(description = "同 Last-Event-ID，供不能设置请求头的客户端使用 (same, as a query parameter)")
          @RequestParam(required = false)
          String lastEventId,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Jwt token =
        ((JwtAuthenticationToken) SecurityContextHolder.getContext().getAuthentication())
            .getToken();
    // a ticket stands for the token that bought it: its expiry ends the stream
    Instant expiresAt = token.getExpiresAt() == null ? Instant.now() : token.getExpiresAt();
    var who = caller.get();
    Optional<SseEmitter> emitter =
        stream.open(
            new AlertStreams.Subscriber(
                who.subject(),
                who.username(),
                scope(),
                expiresAt,
                lastEventIdHeader != null ? lastEventIdHeader : lastEventId),
            30L * 60 * 1000);
    if (emitter.isEmpty()) {
      tooManyStreams(request, response);
      return null; // answered above
    }
    return emitter.get();
  }

  /** 429 as problem+json, written here: the platform's problem types have no 429. */
  private void tooManyStreams(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Locale locale = LocaleContextHolder.getLocale();
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", ProblemType.BASE_URI + "too-many-streams");
    problem.put("title", messages.getMessage("alert.stream.too-many.title", null, locale));
    problem.put("status", 429);
    problem.put("detail", messages.getMessage("alert.stream.too-many", null, locale));
    problem.put("instance", request.getRequestURI());
    response.setStatus(429);
    response.setHeader("Retry-After", "30");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(problemJson.writeValueAsBytes(problem));
  }
}
