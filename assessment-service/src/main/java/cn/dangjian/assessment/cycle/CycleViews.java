package cn.dangjian.assessment.cycle;

import cn.dangjian.assessment.indicator.IndicatorKind;
import cn.dangjian.assessment.indicator.ScorerKind;
import cn.dangjian.assessment.indicator.ScoringMethod;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the cycle API answers with; the schema names are the published ones. */
public final class CycleViews {

  private CycleViews() {}

  /** A cycle as the API shows it (the stored {@link Cycle}, field for field). */
  @Schema(name = "Cycle", description = "考核周期 (an assessment cycle)")
  public record CycleView(
      UUID id,
      String name,
      CycleKind kind,
      int year,
      int quarter,
      LocalDate periodFrom,
      LocalDate periodTo,
      UUID rootOrgId,
      @JsonIgnore String rootPath,
      UUID indicatorVersionId,
      @Schema(
              description = "OPEN 评分中 / REVIEW 审核中 / PUBLISHED 已发布",
              allowableValues = {"OPEN", "REVIEW", "PUBLISHED"})
          String status,
      @Schema(
              description = "ORG_TYPE 同类组织 / PARENT 同一上级 / ALL 全部",
              allowableValues = {"ORG_TYPE", "PARENT", "ALL"})
          String peerGroupBy,
      BigDecimal bottomPercent,
      BigDecimal indicatorShare,
      BigDecimal ballotShare,
      int publicationNo,
      int orgCount,
      long version) {

    static CycleView of(Cycle c) {
      return new CycleView(
          c.id(),
          c.name(),
          c.kind(),
          c.year(),
          c.quarter(),
          c.periodFrom(),
          c.periodTo(),
          c.rootOrgId(),
          c.rootPath(),
          c.indicatorVersionId(),
          c.status(),
          c.peerGroupBy(),
          c.bottomPercent(),
          c.indicatorShare(),
          c.ballotShare(),
          c.publicationNo(),
          c.orgCount(),
          c.version());
    }
  }

  @Schema(description = "周期中的一个组织 (an org of a cycle)")
  public record CycleOrg(
      UUID orgId,
      String name,
      String orgType,
      String peerGroup,
      boolean reportSubmitted,
      boolean ballotEntered,
      int scored) {}

  @Schema(description = "一项指标得分及依据 (a score with its evidence)")
  public record ScoreView(
      UUID indicatorId,
      String code,
      String name,
      IndicatorKind kind,
      BigDecimal weight,
      ScoringMethod method,
      @Nullable ScorerKind scorer,
      @Nullable BigDecimal points,
      @Nullable String evidence,
      @Nullable String origin,
      @Nullable String scoredBy) {}

  @Schema(description = "组织考核结果 (an org's result)")
  public record ResultView(
      UUID orgId,
      String orgName,
      String peerGroup,
      BigDecimal basePoints,
      BigDecimal bonusPoints,
      BigDecimal penaltyPoints,
      BigDecimal indicatorScore,
      @Nullable BigDecimal ballotScore,
      @Schema(description = "综合得分") BigDecimal combined,
      @Schema(description = "同类组织中的名次") int rank,
      int peerGroupSize,
      @Schema(description = "百分位，100为最好") BigDecimal percentile,
      Grade grade,
      String gradeLabel,
      int stars,
      @Schema(description = "软弱涣散候选（后X%）") boolean weakCandidate) {}

  @Schema(description = "组织考核结果详情 (an org's result with scores and 整改清单)")
  public record OrgResult(
      UUID cycleId,
      @Schema(
              description = "考核周期状态 OPEN 评分中 / REVIEW 审核中 / PUBLISHED 已发布",
              allowableValues = {"OPEN", "REVIEW", "PUBLISHED"})
          String cycleStatus,
      int publicationNo,
      ResultView result,
      List<ScoreView> scores,
      @Nullable String report,
      Map<String, Integer> ballots,
      List<RectificationItem> rectification) {}

  @Schema(description = "整改清单条目 (a rectification item)")
  public record RectificationItem(String key, String text, String origin) {}

  @Schema(description = "一次发布或更正发布 (a publication)")
  public record Publication(
      int publicationNo, String reason, int changedOrgs, String publishedBy, String publishedAt) {}
}
