package cn.dangjian.assessment.indicator;

import java.math.BigDecimal;
import java.util.UUID;

/** A leaf indicator of a version, as scoring needs it. */
public record Leaf(
    UUID id,
    String code,
    String name,
    IndicatorKind kind,
    BigDecimal weight,
    ScoringMethod method,
    ScorerKind scorer,
    AutoSource source) {}
