package cn.dangjian.assessment.cycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An assessment cycle as stored (the API answers with {@link CycleViews.CycleView}). */
public record Cycle(
    UUID id,
    String name,
    CycleKind kind,
    int year,
    int quarter,
    LocalDate periodFrom,
    LocalDate periodTo,
    UUID rootOrgId,
    String rootPath,
    UUID indicatorVersionId,
    String status,
    String peerGroupBy,
    BigDecimal bottomPercent,
    BigDecimal indicatorShare,
    BigDecimal ballotShare,
    int publicationNo,
    int orgCount,
    long version) {

  public static final String OPEN = "OPEN";
  public static final String REVIEW = "REVIEW";
  public static final String PUBLISHED = "PUBLISHED";

  public CycleRules.Period period() {
    return new CycleRules.Period(periodFrom, periodTo);
  }
}
