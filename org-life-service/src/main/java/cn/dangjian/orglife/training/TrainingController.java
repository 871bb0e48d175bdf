package cn.dangjian.orglife.training;

import cn.dangjian.orglife.training.TrainingViews.CourseView;
import cn.dangjian.orglife.training.TrainingViews.LessonView;
import cn.dangjian.orglife.training.TrainingViews.MemberYear;
import cn.dangjian.orglife.training.TrainingViews.OrgYear;
import cn.dangjian.orglife.training.TrainingViews.StudyView;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/org-life/training")
@Tag(name = "教育培训 Training", description = "学时：党课、集中培训、书记轮训、微党课（每日上限）；年度要求 (training hours)")
@Validated
class TrainingController {

  private final TrainingService service;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  TrainingController(TrainingService service, CurrentCaller caller, DataScopeResolver scopes) {
    this.service = service;
    this.caller = caller;
    this.scopes = scopes;
  }

  @Schema(description = "登记集中培训或书记轮训并为参训党员记入学时 (record a course)")
  record NewCourse(
      @NotNull UUID orgId,
      @Schema(description = "CONCENTRATED（集中培训）或 ROTATION（书记轮训）") @NotNull TrainingKind kind,
      @NotBlank @Size(max = 200) String title,
      @Schema(description = "举办单位") @Size(max = 200) String provider,
      @NotNull LocalDate startOn,
      @NotNull LocalDate endOn,
      @Schema(description = "学时")
          @NotNull
          @DecimalMin("0.5")
          @DecimalMax("800")
          @Digits(integer = 3, fraction = 1)
          BigDecimal hours,
      @Schema(description = "参训党员") @NotEmpty @Size(max = 1000) List<@NotNull UUID> memberIds) {}

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/courses")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "createTrainingCourse",
      summary = "登记培训并记入学时 (record a course and credit its hours)")
  ResponseEntity<CourseView> course(@Valid @RequestBody NewCourse body) {
    Caller c = caller.get();
    CourseView v =
        service.course(
            body.orgId(),
            body.kind(),
            body.title(),
            body.provider(),
            body.startOn(),
            body.endOn(),
            body.hours(),
            body.memberIds(),
            scopes.resolve(c),
            c.username());
    return ResponseEntity.created(URI.create("/api/org-life/training/courses/" + v.id())).body(v);
  }

  @Schema(description = "发布微党课 (publish a micro-lesson)")
  record NewLesson(
      @Schema(description = "发布组织（对其下级全部开放）") @NotNull UUID orgId,
      @NotBlank @Size(max = 200) String title,
      @Size(max = 1000) String summary,
      @Schema(description = "时长（分钟）") @NotNull @Min(1) @Max(240) Integer durationMinutes,
      @Schema(description = "学时")
          @NotNull
          @DecimalMin("0.1")
          @DecimalMax("4")
          @Digits(integer = 1, fraction = 1)
          BigDecimal hours) {}

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/lessons")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(operationId = "createTrainingLesson", summary = "发布微党课 (publish a micro-lesson)")
  ResponseEntity<LessonView> lesson(@Valid @RequestBody NewLesson body) {
    Caller c = caller.get();
    LessonView v =
        service.lesson(
            body.orgId(),
            body.title(),
            body.summary(),
            body.durationMinutes(),
            body.hours(),
            scopes.resolve(c),
            c.username());
    return ResponseEntity.created(URI.create("/api/org-life/training/lessons/" + v.id())).body(v);
  }

  @GetMapping("/lessons")
  @Operation(summary = "可学习的微党课 (lessons open to the caller)")
  List<LessonView> lessons() {
    return service.lessons(scopes.resolve(caller.get()));
  }

  @Schema(description = "微党课学习记录 (a study)")
  record NewStudy(
      @Schema(description = "党员ID；党员本人可省略") UUID memberId,
      @NotNull LocalDate studiedOn,
      @Schema(description = "观看分钟数") @NotNull @Min(0) @Max(600) Integer minutesWatched) {}

  @PostMapping("/lessons/{id}/studies")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker','member')")
  @Operation(
      operationId = "recordTrainingStudy",
      summary = "登记学习并按每日上限记入学时 (record a study; hours within the daily cap)")
  ResponseEntity<StudyView> study(@PathVariable UUID id, @Valid @RequestBody NewStudy body) {
    Caller c = caller.get();
    DataScope scope = scopes.resolve(c);
    UUID member =
        body.memberId() != null
            ? body.memberId()
            : scope.kind() == DataScope.Kind.SELF ? scope.selfMemberId() : null;
    if (member == null) {
      throw cn.dangjian.platform.problem.ProblemException.badRequest("training.rule.self-only");
    }
    return ResponseEntity.created(URI.create("/api/org-life/training/members/" + member))
        .body(service.study(id, member, body.studiedOn(), body.minutesWatched(), scope));
  }

  @GetMapping("/members/{memberId}")
  @Operation(operationId = "getMemberTraining", summary = "党员年度学时与要求 (a member's yearly hours)")
  MemberYear member(@PathVariable UUID memberId, @RequestParam @Min(2000) @Max(2100) int year) {
    return service.memberYear(memberId, year, scopes.resolve(caller.get()));
  }

  @GetMapping("/orgs/{orgId}")
  @Operation(
      operationId = "getOrgTraining",
      summary = "辖区党员年度学时达标情况 (the subtree's members against the requirement)")
  OrgYear org(@PathVariable UUID orgId, @RequestParam @Min(2000) @Max(2100) int year) {
    return service.orgYear(orgId, year, scopes.resolve(caller.get()));
  }
}
