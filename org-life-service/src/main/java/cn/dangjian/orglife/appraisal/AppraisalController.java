package cn.dangjian.orglife.appraisal;

import cn.dangjian.orglife.appraisal.AppraisalViews.BranchGrades;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/org-life/appraisals")
@Tag(name = "民主评议 Appraisal", description = "民主评议党员等次：优秀不超过三分之一 (democratic appraisal)")
@Validated
class AppraisalController {

  private final AppraisalService service;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  AppraisalController(AppraisalService service, CurrentCaller caller, DataScopeResolver scopes) {
    this.service = service;
    this.caller = caller;
    this.scopes = scopes;
  }

  @Schema(description = "一名党员的等次 (one grade)")
  record GradeInput(@NotNull UUID memberId, @NotNull Grade grade) {}

  @Schema(description = "评定等次（支委会或党员大会决定后录入） (record grades)")
  record GradeBranch(
      @NotNull UUID orgId,
      @NotNull @Min(2000) @Max(2100) Integer year,
      @Schema(description = "作出决定的会议") UUID meetingId,
      @NotEmpty @Size(max = 500) List<@Valid @NotNull GradeInput> grades) {}

  @PostMapping
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(operationId = "gradeAppraisals", summary = "录入评议等次（优秀不超过正式党员的三分之一） (record grades)")
  BranchGrades grade(@Valid @RequestBody GradeBranch body) {
    Caller c = caller.get();
    Map<UUID, Grade> grades = new LinkedHashMap<>();
    body.grades().forEach(g -> grades.put(g.memberId(), g.grade()));
    return service.grade(
        body.orgId(), body.year(), body.meetingId(), grades, scopes.resolve(c), c.username());
  }

  @GetMapping
  @Operation(summary = "支部年度评议结果 (a branch's grades)")
  BranchGrades list(@RequestParam UUID orgId, @RequestParam @Min(2000) @Max(2100) int year) {
    return service.of(orgId, year, scopes.resolve(caller.get()));
  }
}
