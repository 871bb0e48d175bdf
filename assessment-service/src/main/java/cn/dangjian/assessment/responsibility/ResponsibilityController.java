package cn.dangjian.assessment.responsibility;

import cn.dangjian.assessment.responsibility.ResponsibilityViews.Goal;
import cn.dangjian.assessment.responsibility.ResponsibilityViews.Lists;
import cn.dangjian.assessment.responsibility.ResponsibilityViews.Task;
import cn.dangjian.platform.web.ExpectedVersion;
import cn.dangjian.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
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
@RequestMapping("/api/assessments/responsibility")
@Tag(name = "责任清单 Responsibility lists", description = "三年行动计划的目标清单、任务清单、责任清单；逾期任务发出事件")
@Validated
class ResponsibilityController {

  private final ResponsibilityService service;

  ResponsibilityController(ResponsibilityService service) {
    this.service = service;
  }

  @Schema(description = "目标 (a goal)")
  record GoalInput(
      @NotNull UUID orgId,
      @NotBlank @Size(max = 200) String title,
      @Size(max = 2000) String description,
      @NotNull @Min(2000) @Max(2100) Integer startYear,
      @NotNull @Min(2000) @Max(2100) Integer endYear) {}

  @Schema(description = "任务：责任组织或责任人二选一 (a task: an owner org or an owner member)")
  record TaskInput(
      @NotBlank @Size(max = 200) String title,
      @Size(max = 1000) String responsibility,
      UUID ownerOrgId,
      UUID ownerMemberId,
      @NotBlank @Size(max = 100) String ownerName,
      @NotNull LocalDate deadline) {}

  @Schema(description = "进度 (a progress report)")
  record ProgressInput(
      @NotNull @Min(0) @Max(100) Integer progress, @Size(max = 1000) String note) {}

  @PostMapping("/goals")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(operationId = "createResponsibilityGoal", summary = "新建目标 (a goal)")
  Goal goal(@Valid @RequestBody GoalInput body) {
    return service.createGoal(
        body.orgId(), body.title(), body.description(), body.startYear(), body.endYear());
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/goals/{goalId}/tasks")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(operationId = "createResponsibilityTask", summary = "新建任务（含责任人与期限） (a task)")
  ResponseEntity<Task> task(@PathVariable UUID goalId, @Valid @RequestBody TaskInput body) {
    Task t =
        service.createTask(
            goalId,
            body.title(),
            body.responsibility(),
            body.ownerOrgId(),
            body.ownerMemberId(),
            body.ownerName(),
            body.deadline());
    return Versions.created("/api/assessments/responsibility/tasks/" + t.id(), t, t.version());
  }

  @GetMapping("/tasks/{id}")
  @Operation(summary = "任务 (a task)")
  ResponseEntity<Task> get(@PathVariable UUID id) {
    Task t = service.task(id);
    return Versions.ok(t, t.version());
  }

  @PutMapping("/tasks/{id}/progress")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "reportResponsibilityProgress",
      summary = "报告进度（100%即完成） (report progress)")
  ResponseEntity<Task> progress(
      @PathVariable UUID id, ExpectedVersion expected, @Valid @RequestBody ProgressInput body) {
    Task t = service.progress(id, expected.value(), body.progress(), body.note());
    return Versions.ok(t, t.version());
  }

  @GetMapping("/lists")
  @Operation(summary = "目标清单、任务清单、责任清单 (the three lists of an org)")
  Lists lists(@RequestParam UUID orgId) {
    return service.lists(orgId);
  }

  @PostMapping("/overdue-check")
  @PreAuthorize("hasRole('platform-admin')")
  @Operation(
      operationId = "checkOverdueResponsibilityTasks",
      summary = "按指定日期检查逾期任务（每日定时执行的同一检查） (run the overdue check)")
  Map<String, Object> overdue(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf) {
    LocalDate day = asOf == null ? service.today() : asOf;
    return Map.of("asOf", day.toString(), "overdue", service.overdueCheck(day));
  }
}
