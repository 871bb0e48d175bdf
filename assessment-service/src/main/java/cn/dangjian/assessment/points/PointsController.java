package cn.dangjian.assessment.points;

import cn.dangjian.assessment.points.PointsLedger.Rule;
import cn.dangjian.assessment.points.PointsViews.BranchTotal;
import cn.dangjian.assessment.points.PointsViews.Ledger;
import cn.dangjian.assessment.points.PointsViews.RankRow;
import cn.dangjian.assessment.points.PointsViews.Setting;
import cn.dangjian.assessment.points.PointsViews.Volunteer;
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
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/assessments/points")
@Tag(name = "党员积分 Member points", description = "积分规则、每日上限、年度台账、支部合计；积分与排名按组织开关，关闭时不排名")
@Validated
class PointsController {

  private final PointsService service;

  PointsController(PointsService service) {
    this.service = service;
  }

  @Schema(description = "积分开关 (switch points and rankings for an org subtree)")
  record SettingInput(@NotNull Boolean pointsEnabled, @NotNull Boolean rankingEnabled) {}

  @Schema(description = "积分规则 (a rule of the table)")
  record RuleInput(
      @NotNull @DecimalMin("-100") @DecimalMax("100") BigDecimal points,
      @NotNull @DecimalMin("0.1") @DecimalMax("1000") BigDecimal dailyCap,
      @NotNull Boolean enabled) {}

  @Schema(description = "志愿服务（党务工作者录入，另一人审核后计分） (volunteer service)")
  record VolunteerInput(
      @NotNull UUID memberId,
      @NotNull LocalDate servedOn,
      @NotNull @DecimalMin("0.5") @DecimalMax("24") BigDecimal hours,
      @NotBlank @Size(max = 1000) String description) {}

  @GetMapping("/members/{memberId}")
  @Operation(summary = "党员年度积分台账（含每条来源） (a member's yearly ledger)")
  Ledger ledger(@PathVariable UUID memberId, @RequestParam @Min(2000) @Max(2100) int year) {
    return service.ledger(memberId, year);
  }

  @GetMapping("/orgs/{orgId}/branch-totals")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(summary = "各支部积分合计（按名称排列，不排名） (totals per branch)")
  List<BranchTotal> totals(@PathVariable UUID orgId, @RequestParam @Min(2000) @Max(2100) int year) {
    return service.branchTotals(orgId, year);
  }

  @GetMapping("/orgs/{orgId}/ranking")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(summary = "党员积分排名（仅开启排名的组织） (member ranking, only where switched on)")
  List<RankRow> ranking(
      @PathVariable UUID orgId,
      @RequestParam @Min(2000) @Max(2100) int year,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    return service.ranking(orgId, year, limit);
  }

  @GetMapping("/settings/{orgId}")
  @Operation(summary = "生效的积分与排名开关 (the switch in force)")
  ResponseEntity<Setting> setting(@PathVariable UUID orgId) {
    Setting setting = service.setting(orgId);
    return Versions.ok(setting, setting.version());
  }

  @PutMapping("/settings/{orgId}")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      operationId = "updatePointsSetting",
      summary = "设置本组织及下级的积分与排名开关 (switch for an org subtree)")
  ResponseEntity<Setting> set(
      @PathVariable UUID orgId, ExpectedVersion expected, @Valid @RequestBody SettingInput body) {
    Setting setting =
        service.set(orgId, expected.value(), body.pointsEnabled(), body.rankingEnabled());
    return Versions.ok(setting, setting.version());
  }

  @GetMapping("/rules")
  @Operation(summary = "积分规则表 (the rule table)")
  List<Rule> rules() {
    return service.rules();
  }

  @PutMapping("/rules/{action}")
  @PreAuthorize("hasRole('platform-admin')")
  @Operation(operationId = "updatePointsRule", summary = "修改积分规则 (change a rule)")
  ResponseEntity<Rule> rule(
      @PathVariable PointsAction action,
      ExpectedVersion expected,
      @Valid @RequestBody RuleInput body) {
    Rule rule =
        service.updateRule(
            action, expected.value(), body.points(), body.dailyCap(), body.enabled());
    return Versions.ok(rule, rule.version());
  }

  @PostMapping("/volunteer")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      operationId = "recordVolunteerService",
      summary = "录入志愿服务（待审核） (enter volunteer service)")
  Volunteer volunteer(@Valid @RequestBody VolunteerInput body) {
    return service.enterVolunteer(
        body.memberId(), body.servedOn(), body.hours(), body.description());
  }

  @PostMapping("/volunteer/{id}/approve")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(operationId = "approveVolunteerService", summary = "审核通过志愿服务并计分 (approve)")
  Volunteer approve(@PathVariable UUID id) {
    return service.decideVolunteer(id, true);
  }

  @PostMapping("/volunteer/{id}/reject")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(operationId = "rejectVolunteerService", summary = "驳回志愿服务 (reject)")
  Volunteer reject(@PathVariable UUID id) {
    return service.decideVolunteer(id, false);
  }
}
