package cn.dangjian.alert.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rule catalogue as configured: what is watched, on what basis, with which thresholds. */
@RestController
@RequestMapping("/api/alerts/rules")
@Tag(name = "预警规则 rules", description = "规则目录：依据、级别阈值、评估方式、整改建议模板、默认期限")
public class CatalogueController {

  private final RuleCatalogue catalogue;

  CatalogueController(RuleCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Schema(description = "预警规则")
  public record RuleResponse(
      String id,
      @Schema(description = "名称") String name,
      @Schema(description = "依据（法规及条款）") String basis,
      SubjectType subject,
      Evaluation evaluation,
      @Schema(description = "评估方式") String evaluationLabel,
      @Schema(description = "阈值单位") String unit,
      @Schema(description = "各级别阈值（提示/预警/严重）") Map<Severity, Integer> levels,
      @Schema(description = "按组织类型覆盖的阈值") Map<String, Map<Severity, Integer>> orgTypeLevels,
      @Schema(description = "标题模板") String titleTemplate,
      @Schema(description = "整改建议模板") String suggestionTemplate,
      @Schema(description = "默认整改期限（天）") int deadlineDays,
      boolean enabled,
      @Schema(description = "办理时拦截的规则：由哪个服务拦截（evaluation = BLOCKING 时才有）")
          @Nullable String enforcedBy,
      @Schema(description = "拦截时问题响应（problem+json）的 rule 值") @Nullable List<String> problemRules) {}

  @GetMapping
  @Operation(operationId = "listAlertRules", summary = "预警规则目录 (the rule catalogue)")
  public List<RuleResponse> list() {
    return catalogue.all().stream().map(CatalogueController::response).toList();
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getAlertRule", summary = "单条规则 (one rule)")
  public RuleResponse get(@PathVariable String id) {
    return catalogue
        .find(id)
        .map(CatalogueController::response)
        .orElseThrow(
            () -> cn.dangjian.platform.problem.ProblemException.notFound("alert.unknown-rule", id));
  }

  static RuleResponse response(RuleDefinition r) {
    Map<String, Map<Severity, Integer>> byType = new TreeMap<>();
    r.orgTypeLevels().forEach((type, levels) -> byType.put(type, ordered(levels)));
    return new RuleResponse(
        r.id(),
        r.name(),
        r.basis(),
        r.subject(),
        r.evaluation(),
        r.evaluation().label(),
        r.unit(),
        ordered(r.levels()),
        byType,
        r.titleTemplate(),
        r.suggestionTemplate(),
        r.deadlineDays(),
        r.enabled(),
        r.enforcement() == null ? null : r.enforcement().service(),
        r.enforcement() == null ? null : r.enforcement().problemRules());
  }

  private static Map<Severity, Integer> ordered(Levels levels) {
    Map<Severity, Integer> map = new EnumMap<>(Severity.class);
    map.putAll(levels.from());
    return map;
  }
}
