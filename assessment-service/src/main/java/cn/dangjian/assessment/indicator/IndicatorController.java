package cn.dangjian.assessment.indicator;

import cn.dangjian.assessment.indicator.IndicatorRules.Node;
import cn.dangjian.assessment.indicator.IndicatorViews.SystemView;
import cn.dangjian.assessment.indicator.IndicatorViews.VersionView;
import cn.dangjian.platform.web.ExpectedVersion;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/assessments")
@Tag(name = "指标体系 Indicator systems", description = "版本化的考核指标树：权重、加减分项、人工或自动评分")
@Validated
class IndicatorController {

  private final IndicatorService service;

  IndicatorController(IndicatorService service) {
    this.service = service;
  }

  @Schema(description = "新建指标体系 (a new system with an empty draft version 1)")
  record CreateSystem(
      @NotNull UUID ownerOrgId,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 2000) String description,
      @NotNull @Min(2000) @Max(2100) Integer year) {}

  @Schema(description = "新年度版本 (a new draft version copied from the latest)")
  record NewVersion(@NotNull @Min(2000) @Max(2100) Integer year) {}

  @Schema(description = "指标 (an indicator; children make it a group)")
  record IndicatorInput(
      @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
      @NotBlank @Size(max = 200) String name,
      @NotNull IndicatorKind kind,
      @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal weight,
      @Schema(description = "叶子指标必填：MANUAL 人工 / AUTOMATIC 自动") ScoringMethod method,
      @Schema(description = "人工评分者：DEPARTMENT 考核部门 / ASSESSOR 第三方") ScorerKind scorer,
      @Size(max = 100) String scorerName,
      @Schema(description = "自动评分数据来源") AutoSource source,
      @Size(max = 1000) String description,
      @Size(max = 50) List<@Valid @NotNull IndicatorInput> children) {

    Entered entered() {
      List<Entered> kids =
          children == null ? List.of() : children.stream().map(IndicatorInput::entered).toList();
      return new Entered(
          new Node(
              code,
              name,
              kind,
              weight,
              method,
              scorer,
              source,
              kids.stream().map(Entered::node).toList()),
          scorerName,
          description,
          kids);
    }
  }

  @Schema(description = "整棵指标树 (the whole tree of a draft)")
  record Tree(@NotNull @Size(max = 50) List<@Valid @NotNull IndicatorInput> indicators) {}

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/indicator-systems")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "新建指标体系 (create an indicator system)")
  ResponseEntity<SystemView> create(@Valid @RequestBody CreateSystem body) {
    SystemView s = service.create(body.ownerOrgId(), body.name(), body.description(), body.year());
    return ResponseEntity.created(URI.create("/api/assessments/indicator-systems/" + s.id()))
        .body(s);
  }

  @GetMapping("/indicator-systems")
  @Operation(summary = "指标体系列表 (indicator systems)")
  List<SystemView> systems() {
    return service.systems();
  }

  @GetMapping("/indicator-systems/{id}")
  @Operation(summary = "指标体系及其版本 (a system and its versions)")
  SystemView system(@PathVariable UUID id) {
    return service.readableSystem(id);
  }

  @PostMapping("/indicator-systems/{id}/versions")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      operationId = "createIndicatorVersion",
      summary = "新年度新版本（复制上一版本为草稿） (a new version for a new year)")
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<VersionView> newVersion(
      @PathVariable UUID id, @Valid @RequestBody NewVersion body) {
    VersionView created = service.newVersion(id, body.year());
    return Versions.created(
        "/api/assessments/indicator-versions/" + created.id(), created, created.version());
  }

  @GetMapping("/indicator-versions/{id}")
  @Operation(summary = "指标体系版本与指标树 (a version with its tree)")
  ResponseEntity<VersionView> version(@PathVariable UUID id) {
    return withEtag(service.readableVersion(id));
  }

  @PutMapping("/indicator-versions/{id}/indicators")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "替换草稿的指标树（需 If-Match；已发布版本不可修改） (replace a draft's tree)")
  ResponseEntity<VersionView> replace(
      @PathVariable UUID id, ExpectedVersion expected, @Valid @RequestBody Tree body) {
    return withEtag(
        service.replaceTree(
            id,
            expected.value(),
            body.indicators().stream().map(IndicatorInput::entered).toList()));
  }

  @PostMapping("/indicator-versions/{id}/publish")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "发布版本（权重须合计100，发布后不可修改） (publish a version)")
  ResponseEntity<VersionView> publish(@PathVariable UUID id, ExpectedVersion expected) {
    return withEtag(service.publish(id, expected.value()));
  }

  private static ResponseEntity<VersionView> withEtag(VersionView v) {
    return Versions.ok(v, v.version());
  }
}
