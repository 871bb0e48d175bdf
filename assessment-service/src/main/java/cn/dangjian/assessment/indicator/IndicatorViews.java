package cn.dangjian.assessment.indicator;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the indicator API answers with. */
public final class IndicatorViews {

  private IndicatorViews() {}

  @Schema(description = "指标 (an indicator and its children)")
  public record IndicatorView(
      UUID id,
      String code,
      String name,
      IndicatorKind kind,
      BigDecimal weight,
      ScoringMethod method,
      @Nullable ScorerKind scorer,
      @Nullable String scorerName,
      @Nullable AutoSource source,
      @Nullable String description,
      List<IndicatorView> children) {}

  @Schema(description = "指标体系版本 (a version of an indicator system)")
  public record VersionView(
      UUID id,
      UUID systemId,
      int versionNo,
      int year,
      @Schema(
              description = "DRAFT 草稿 / PUBLISHED 已发布（不可修改）",
              allowableValues = {"DRAFT", "PUBLISHED"})
          String status,
      long version,
      List<IndicatorView> indicators) {}

  @Schema(description = "指标体系 (an indicator system with its versions)")
  public record SystemView(
      UUID id,
      UUID ownerOrgId,
      String name,
      @Nullable String description,
      List<VersionSummary> versions) {}

  @Schema(description = "版本摘要 (version summary)")
  public record VersionSummary(
      UUID id,
      int versionNo,
      int year,
      @Schema(
              description = "DRAFT 草稿 / PUBLISHED 已发布",
              allowableValues = {"DRAFT", "PUBLISHED"})
          String status) {}
}
