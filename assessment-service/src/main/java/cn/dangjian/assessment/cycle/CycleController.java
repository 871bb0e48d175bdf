package cn.dangjian.assessment.cycle;

import cn.dangjian.assessment.cycle.CycleViews.CycleOrg;
import cn.dangjian.assessment.cycle.CycleViews.CycleView;
import cn.dangjian.assessment.cycle.CycleViews.OrgResult;
import cn.dangjian.assessment.cycle.CycleViews.Publication;
import cn.dangjian.assessment.cycle.CycleViews.ResultView;
import cn.dangjian.assessment.cycle.CycleViews.ScoreView;
import cn.dangjian.platform.jobs.JobView;
import cn.dangjian.platform.jobs.Jobs;
import cn.dangjian.platform.web.ExpectedVersion;
import cn.dangjian.platform.web.PageResponse;
import cn.dangjian.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/assessments/cycles")
@Tag(
    name = "考核周期 Assessment cycles",
    description = "开启考核 → 自动评分 → 人工评分 → 述职报告 → 述职评议 → 综合评分与排名 → 审核 → 发布；发布后更正为留痕的再次发布")
@Validated
class CycleController {

  private final CycleOpening opening;
  private final CycleScoring scoring;
  private final CycleReview review;
  private final CycleResults results;
  private final Jobs jobs;

  CycleController(
      CycleOpening opening,
      CycleScoring scoring,
      CycleReview review,
      CycleResults results,
      Jobs jobs) {
    this.opening = opening;
    this.scoring = scoring;
    this.review = review;
    this.results = results;
    this.jobs = jobs;
  }

  @Schema(description = "开启考核周期 (open a cycle for a subtree or a list of orgs)")
  record OpenCycle(
      @NotBlank @Size(max = 200) String name,
      @NotNull CycleKind kind,
      @NotNull @Min(2000) @Max(2100) Integer year,
      @Min(1) @Max(4) Integer quarter,
      @NotNull @Schema(description = "考核组织所在的上级组织") UUID rootOrgId,
      @Size(max = 5000) @Schema(description = "指定被考核组织；为空则为上级组织下全部支部") List<@NotNull UUID> orgIds,
      @NotNull UUID indicatorVersionId,
      @Pattern(regexp = "ORG_TYPE|PARENT|ALL") String peerGroupBy,
      @DecimalMin("0") @DecimalMax("50") BigDecimal bottomPercent) {}

  @Schema(description = "指派第三方评估机构 (assign an assessor to orgs)")
  record Assign(
      @NotBlank @Size(max = 100) String assessor,
      @NotEmpty @Size(max = 5000) List<@NotNull UUID> orgIds) {}

  @Schema(description = "人工评分 (a manual score)")
  record ScoreInput(
      @NotNull UUID orgId,
      @NotNull UUID indicatorId,
      @Schema(
              description =
                  "得分：0 至该指标的分值（weight，不超过100）；超过分值为 422 points-within-weight"
                      + " (0 up to the indicator's weight)")
          @NotNull
          @DecimalMin("0")
          @DecimalMax("100")
          BigDecimal points,
      @NotBlank @Size(max = 2000) @Schema(description = "评分依据") String evidence) {}

  @Schema(description = "述职报告 (the secretary's report)")
  record ReportInput(@NotBlank @Size(max = 20000) String text) {}

  @Schema(description = "述职评议票数 (ballot counts)")
  record BallotInput(
      @NotNull @Min(0) @Max(100000) Integer good,
      @NotNull @Min(0) @Max(100000) Integer fairlyGood,
      @NotNull @Min(0) @Max(100000) Integer average,
      @NotNull @Min(0) @Max(100000) Integer poor) {}

  @Schema(description = "整改清单条目 (a reviewer's rectification item)")
  record RectificationInput(@NotNull UUID orgId, @NotBlank @Size(max = 500) String text) {}

  @Schema(description = "发布后更正 (a correction after publication)")
  record CorrectionInput(
      @NotNull UUID orgId,
      @NotNull UUID indicatorId,
      @Schema(description = "更正后的得分：0 至该指标的分值（weight） (0 up to the indicator's weight)")
          @NotNull
          @DecimalMin("0")
          @DecimalMax("100")
          BigDecimal points,
      @NotBlank @Size(max = 1000) String reason) {}

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "开启考核周期 (open a cycle)")
  ResponseEntity<CycleView> open(@Valid @RequestBody OpenCycle body) {
    Cycle c =
        opening.open(
            new CycleOpening.Opening(
                body.name(),
                body.kind(),
                body.year(),
                body.quarter(),
                body.rootOrgId(),
                body.orgIds(),
                body.indicatorVersionId(),
                body.peerGroupBy(),
                body.bottomPercent()));
    return Versions.created("/api/assessments/cycles/" + c.id(), CycleView.of(c), c.version());
  }

  @GetMapping
  @Operation(summary = "考核周期列表 (cycles the caller may see)")
  List<CycleView> list(@RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
    return results.list(year).stream().map(CycleView::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "考核周期 (a cycle)")
  ResponseEntity<CycleView> get(@PathVariable UUID id) {
    return withEtag(results.get(id));
  }

  @GetMapping("/{id}/orgs")
  @Operation(operationId = "listCycleOrgs", summary = "被考核组织（第三方只见指派给它的组织） (orgs of the cycle)")
  List<CycleOrg> orgs(@PathVariable UUID id) {
    return results.orgs(id);
  }

  @PostMapping("/{id}/assessors")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(operationId = "assignCycleAssessors", summary = "指派第三方评估机构 (assign an assessor)")
  List<UUID> assign(@PathVariable UUID id, @Valid @RequestBody Assign body) {
    return opening.assignAssessor(id, body.assessor(), body.orgIds());
  }

  @PostMapping("/{id}/automatic-scores")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      operationId = "computeAutomaticScores",
      summary = "计算自动评分指标（后台任务） (compute the automatic indicators, as a job)",
      description =
          "考核周期须处于评分中，调用者须管理该周期；立即返回202与任务（Location 为任务地址）。任务结果 result："
              + "orgs 被评分的组织数、millis 耗时毫秒。同一周期的自动评分任务正在执行时，再次发起返回该任务。"
              + "可在执行中取消（已算完的指标保留，下次计算全部重算）。"
              + " Runs as a job: 202 with the job; result is {orgs, millis}. Starting it while one"
              + " runs for the cycle returns that job; it can be cancelled while running.")
  ResponseEntity<JobView> automatic(
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf) {
    return jobs.accepted(scoring.startAutomaticScores(id, asOf));
  }

  @PutMapping("/{id}/scores")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker','assessor')")
  @Operation(summary = "录入人工评分（由指标指定的评分者） (enter a manual score)")
  ScoreView score(@PathVariable UUID id, @Valid @RequestBody ScoreInput body) {
    return scoring.score(id, body.orgId(), body.indicatorId(), body.points(), body.evidence());
  }

  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PutMapping("/{id}/orgs/{orgId}/report")
  @PreAuthorize("hasRole('secretary')")
  @Operation(operationId = "submitCycleReport", summary = "提交述职报告（本组织书记） (submit the 述职报告)")
  ResponseEntity<Void> report(
      @PathVariable UUID id, @PathVariable UUID orgId, @Valid @RequestBody ReportInput body) {
    scoring.report(id, orgId, body.text());
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/{id}/orgs/{orgId}/ballot")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "enterCycleBallot",
      summary = "录入述职评议票数（好/较好/一般/差） (enter ballot counts)")
  Map<String, BigDecimal> ballot(
      @PathVariable UUID id, @PathVariable UUID orgId, @Valid @RequestBody BallotInput body) {
    return Map.of(
        "ballotScore",
        scoring.ballot(id, orgId, body.good(), body.fairlyGood(), body.average(), body.poor()));
  }

  @PostMapping("/{id}/compute")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      summary = "综合评分、排名、等次与整改清单，进入审核（后台任务） (compute and go to review, as a job)",
      description =
          "版本（If-Match）、状态（评分中）和人工评分是否齐全在返回前检查（412/422）；通过后立即返回202与任务。"
              + "任务结果 result 为进入审核后的考核周期（与 GET 考核周期相同，含 version）。同一周期的计算任务正在执行时，"
              + "再次发起返回该任务。"
              + " If-Match, the status and missing manual scores are checked before answering"
              + " (412/422); then 202 with the job, whose result is the cycle in review (as GET"
              + " answers it, with its version). Starting it while it runs returns that job.")
  ResponseEntity<JobView> compute(@PathVariable UUID id, ExpectedVersion expected) {
    return jobs.accepted(review.startCompute(id, expected.value()));
  }

  @PostMapping("/{id}/reopen")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "退回评分 (back from review to scoring)")
  ResponseEntity<CycleView> reopen(@PathVariable UUID id, ExpectedVersion expected) {
    return withEtag(review.reopen(id, expected.value()));
  }

  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PostMapping("/{id}/rectification-items")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      operationId = "addCycleRectificationItems",
      summary = "审核时补充整改清单 (add a rectification item)")
  ResponseEntity<Void> rectification(
      @PathVariable UUID id, @Valid @RequestBody RectificationInput body) {
    review.addRectification(id, body.orgId(), body.text());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/publish")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      summary = "发布考核结果（后台任务） (publish, as a job)",
      description =
          "版本（If-Match）和状态（审核中）在返回前检查（412/422）；通过后立即返回202与任务。任务结果 result 为"
              + "已发布的考核周期（与 GET 考核周期相同，含 version）；各组织的结果事件与发布记录一并写入，不会重复发布。"
              + " If-Match and the status are checked before answering (412/422); then 202 with the"
              + " job, whose result is the published cycle (as GET answers it). Starting it while"
              + " it runs returns that job; a publication is never sent twice.")
  ResponseEntity<JobView> publish(@PathVariable UUID id, ExpectedVersion expected) {
    return jobs.accepted(review.startPublish(id, expected.value()));
  }

  @PostMapping("/{id}/corrections")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "发布后更正并再次发布（留痕） (correct and re-publish)")
  ResponseEntity<CycleView> correct(
      @PathVariable UUID id, ExpectedVersion expected, @Valid @RequestBody CorrectionInput body) {
    return withEtag(
        review.correct(
            id, expected.value(), body.orgId(), body.indicatorId(), body.points(), body.reason()));
  }

  @GetMapping("/{id}/publications")
  @Operation(summary = "发布记录 (publications, the audit of corrections)")
  List<Publication> publications(@PathVariable UUID id) {
    return results.publications(id);
  }

  @GetMapping("/{id}/results")
  @Operation(summary = "考核结果与排名 (results in rank order)")
  PageResponse<ResultView> results(
      @PathVariable UUID id,
      @RequestParam(required = false) @Size(max = 60) String peerGroup,
      @RequestParam(defaultValue = "false") boolean weakOnly,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    return results.results(id, peerGroup, weakOnly, page, size);
  }

  @GetMapping("/{id}/weak-candidates")
  @Operation(operationId = "listWeakCandidates", summary = "软弱涣散候选（同类组织后X%） (bottom band)")
  PageResponse<ResultView> weak(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    return results.results(id, null, true, page, size);
  }

  @GetMapping("/{id}/orgs/{orgId}/result")
  @Operation(summary = "组织的各项得分、依据、述职评议与整改清单 (an org's result)")
  OrgResult orgResult(@PathVariable UUID id, @PathVariable UUID orgId) {
    return results.orgResult(id, orgId);
  }

  private static ResponseEntity<CycleView> withEtag(Cycle c) {
    return Versions.ok(CycleView.of(c), c.version());
  }
}
