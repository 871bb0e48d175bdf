package cn.dangjian.assessment.cycle;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An assessment cycle as stored. */
@Schema(description = "考核周期 (an assessment cycle)")
public record Cycle(
    UUID id,
    String name,
    CycleKind kind,
    int year,
    int quarter,
    LocalDate periodFrom,
    LocalDate periodTo,
    UUID rootOrgId,
    @Schema(hidden = true) String rootPath,
    UUID indicatorVersionId,
    @Schema(description = "OPEN 评分中 / REVIEW 审核中 / PUBLISHED 已发布") String status,
    @Schema(description = "ORG_TYPE 同类组织 / PARENT 同一上级 / ALL 全部") String peerGroupBy,
    BigDecimal bottomPercent,
    BigDecimal indicatorShare,
    BigDecimal ballotShare,
    int publicationNo,
    int orgCount,
    long rowVersion) {

  public static final String OPEN = "OPEN";
  public static final String REVIEW = "REVIEW";
  public static final String PUBLISHED = "PUBLISHED";

  public CycleRules.Period period() {
    return new CycleRules.Period(periodFrom, periodTo);
  }
}
