package cn.dangjian.assessment.accountability;

import cn.dangjian.assessment.accountability.AccountabilityViews.Case;
import cn.dangjian.platform.web.ExpectedVersion;
import cn.dangjian.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/assessments/accountability")
@Tag(name = "问责 Accountability", description = "连续两年排名靠后：提醒谈话、限期整改，记录谈话与整改结果")
@Validated
class AccountabilityController {

  private final AccountabilityService service;

  AccountabilityController(AccountabilityService service) {
    this.service = service;
  }

  @Schema(description = "提醒谈话记录 (the reminder talk)")
  record TalkInput(
      @NotNull LocalDate heldOn,
      @NotBlank @Size(max = 100) @Schema(description = "谈话人") String talkedBy,
      @NotBlank @Size(max = 20000) @Schema(description = "谈话记录") String record) {}

  @Schema(description = "整改结果 (the rectification outcome)")
  record OutcomeInput(
      @NotNull
          @Pattern(regexp = "RECTIFIED|NOT_RECTIFIED")
          @Schema(
              description = "RECTIFIED 已整改 / NOT_RECTIFIED 未整改",
              allowableValues = {"RECTIFIED", "NOT_RECTIFIED"})
          String outcome,
      @NotNull LocalDate checkedOn,
      @NotBlank @Size(max = 2000) String note) {}

  @GetMapping
  @Operation(summary = "问责事项 (cases in the caller's scope, or under an org)")
  List<Case> list(@RequestParam(required = false) UUID orgId) {
    return service.list(orgId);
  }

  @GetMapping("/{id}")
  @Operation(summary = "问责事项详情 (a case)")
  ResponseEntity<Case> get(@PathVariable UUID id) {
    return withEtag(service.get(id));
  }

  @PutMapping("/{id}/talk")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(operationId = "recordAccountabilityTalk", summary = "记录提醒谈话 (record the talk)")
  ResponseEntity<Case> talk(
      @PathVariable UUID id, ExpectedVersion expected, @Valid @RequestBody TalkInput body) {
    return withEtag(
        service.talk(id, expected.value(), body.heldOn(), body.talkedBy(), body.record()));
  }

  @PutMapping("/{id}/outcome")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      operationId = "recordAccountabilityOutcome",
      summary = "记录整改结果（销号或未整改） (record the outcome)")
  ResponseEntity<Case> outcome(
      @PathVariable UUID id, ExpectedVersion expected, @Valid @RequestBody OutcomeInput body) {
    return withEtag(
        service.outcome(id, expected.value(), body.outcome(), body.checkedOn(), body.note()));
  }

  private static ResponseEntity<Case> withEtag(Case c) {
    return Versions.ok(c, c.version());
  }
}
