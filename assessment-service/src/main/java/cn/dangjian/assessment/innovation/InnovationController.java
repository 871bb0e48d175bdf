package cn.dangjian.assessment.innovation;

import cn.dangjian.assessment.innovation.InnovationViews.CaseView;
import cn.dangjian.assessment.innovation.InnovationViews.Material;
import cn.dangjian.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/assessments/innovation-cases")
@Tag(name = "党建创新奖 Innovation cases", description = "案例申报（含材料）、审核、年度评选、入选案例库检索")
@Validated
class InnovationController {

  private final InnovationService service;

  InnovationController(InnovationService service) {
    this.service = service;
  }

  @Schema(description = "材料：TEXT 文字 / LINK 链接 / ATTACHMENT 附件编号")
  record MaterialInput(
      @NotNull
          @Pattern(regexp = "TEXT|LINK|ATTACHMENT")
          @Schema(
              description = "TEXT 文字 / LINK 链接 / ATTACHMENT 附件",
              allowableValues = {"TEXT", "LINK", "ATTACHMENT"})
          String kind,
      @NotBlank @Size(max = 200) String title,
      @Size(max = 1000) String ref,
      @Size(max = 20000) String body) {}

  @Schema(description = "申报创新案例 (submit a case)")
  record SubmitInput(
      @NotNull UUID orgId,
      @NotNull @Min(2000) @Max(2100) Integer year,
      @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = 1000) String summary,
      @NotBlank @Size(max = 50000) String content,
      @Size(max = 20) List<@Valid @NotNull MaterialInput> materials) {}

  @Schema(description = "审核 (review)")
  record ReviewInput(
      @NotNull
          @Pattern(regexp = "ACCEPT|REJECT")
          @Schema(
              description = "ACCEPT 通过 / REJECT 不通过",
              allowableValues = {"ACCEPT", "REJECT"})
          String decision,
      @NotBlank @Size(max = 1000) String note) {}

  @Schema(description = "年度评选 (yearly selection)")
  record SelectionInput(
      @NotNull @Min(2000) @Max(2100) Integer year,
      @NotEmpty @Size(max = 200) List<@NotNull UUID> caseIds,
      @NotBlank @Size(max = 50) String award) {}

  @PostMapping
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "申报党建创新案例 (submit)")
  ResponseEntity<CaseView> submit(@Valid @RequestBody SubmitInput body) {
    List<Material> materials =
        body.materials() == null
            ? List.of()
            : body.materials().stream()
                .map(m -> new Material(m.kind(), m.title(), m.ref(), m.body()))
                .toList();
    CaseView submitted =
        service.submit(
            body.orgId(), body.year(), body.title(), body.summary(), body.content(), materials);
    return ResponseEntity.created(URI.create("/api/assessments/innovation-cases/" + submitted.id()))
        .body(submitted);
  }

  @GetMapping
  @Operation(summary = "本组织及下级申报的案例 (cases under an org)")
  List<CaseView> list(
      @RequestParam UUID orgId,
      @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
      @RequestParam(required = false) @Pattern(regexp = "SUBMITTED|ACCEPTED|REJECTED|SELECTED")
          String status) {
    return service.list(orgId, year, status);
  }

  @GetMapping("/library")
  @Operation(summary = "入选案例库检索 (search the library of selected cases)")
  PageResponse<CaseView> library(
      @RequestParam(required = false) @Size(max = 100) String q,
      @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return service.library(q, year, page, size);
  }

  @GetMapping("/{id}")
  @Operation(summary = "案例详情（含材料） (a case with its materials)")
  CaseView get(@PathVariable UUID id) {
    return service.get(id);
  }

  @PostMapping("/{id}/review")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "审核案例（上级组织） (review)")
  CaseView review(@PathVariable UUID id, @Valid @RequestBody ReviewInput body) {
    return service.review(id, "ACCEPT".equals(body.decision()), body.note());
  }

  @PostMapping("/selections")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "年度评选入选 (select accepted cases of a year)")
  List<CaseView> select(@Valid @RequestBody SelectionInput body) {
    return service.select(body.year(), body.caseIds(), body.award());
  }
}
