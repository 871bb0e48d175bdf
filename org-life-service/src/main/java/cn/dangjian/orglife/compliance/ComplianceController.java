package cn.dangjian.orglife.compliance;

import cn.dangjian.orglife.compliance.ComplianceViews.OrgPlan;
import cn.dangjian.orglife.compliance.ComplianceViews.Requirement;
import cn.dangjian.orglife.compliance.ComplianceViews.Summary;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.web.ExpectedVersion;
import cn.dangjian.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/org-life/compliance")
@Tag(name = "计划与实际 Compliance", description = "会议频次要求、应开/已开/缺项、辖区完成情况汇总 (plan vs actual)")
@Validated
class ComplianceController {

  private final ComplianceService service;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  ComplianceController(ComplianceService service, CurrentCaller caller, DataScopeResolver scopes) {
    this.service = service;
    this.caller = caller;
    this.scopes = scopes;
  }

  @GetMapping("/requirements")
  @Operation(summary = "会议频次要求（按组织类型和会议类型） (frequency requirements)")
  List<Requirement> requirements() {
    return service.requirements();
  }

  @Schema(description = "设置频次要求 (set a frequency requirement)")
  record SetRequirement(
      @NotNull PeriodUnit unit,
      @NotNull @Min(1) @Max(31) Integer minCount,
      @NotNull Boolean enabled,
      @Size(max = 100) String basis) {}

  @PutMapping("/requirements/{orgType}/{meetingType}")
  @PreAuthorize("hasRole('platform-admin')")
  @Operation(
      operationId = "setComplianceRequirement",
      summary = "修改或新增频次要求；修改需 If-Match，新增用 If-None-Match: * (set a requirement)")
  ResponseEntity<Requirement> set(
      @PathVariable @Pattern(regexp = "BRANCH|JOINT_BRANCH|TEMPORARY_BRANCH|PARTY_GROUP")
          String orgType,
      @PathVariable
          @Pattern(
              regexp =
                  "BRANCH_GENERAL_MEETING|COMMITTEE_MEETING|GROUP_MEETING|PARTY_LECTURE"
                      + "|THEMED_PARTY_DAY|ORG_LIFE_MEETING|DEMOCRATIC_APPRAISAL")
          String meetingType,
      ExpectedVersion expected,
      @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
      @Valid @RequestBody SetRequirement body) {
    long version = "*".equals(ifNoneMatch) ? -1 : expected.value();
    Requirement r =
        service.setRequirement(
            orgType,
            meetingType,
            body.unit(),
            body.minCount(),
            body.enabled(),
            body.basis(),
            version,
            caller.get().username());
    return Versions.ok(r, r.version());
  }

  @GetMapping("/orgs/{orgId}")
  @Operation(summary = "某组织某期间的应开、已开（审核通过）、待审与缺项 (plan vs actual of one org)")
  OrgPlan plan(
      @PathVariable UUID orgId,
      @RequestParam @Schema(description = "期间：2026、2026-Q4 或 2026-11") @Size(max = 10)
          String period) {
    return service.plan(orgId, period, scopes.resolve(caller.get()));
  }

  @GetMapping("/summary")
  @Operation(summary = "辖区（组织及其下级）月度、季度、年度完成情况汇总 (compliance summary of a subtree)")
  Summary summary(
      @RequestParam UUID orgId,
      @RequestParam @Schema(description = "期间：2026、2026-Q4 或 2026-11") @Size(max = 10)
          String period) {
    return service.summary(orgId, period, scopes.resolve(caller.get()));
  }
}
