package cn.dangjian.assessment.indicator;

/** How an indicator counts: towards the 100 points, or as a bonus / penalty on top. */
public enum IndicatorKind {
  /** 基本指标: weights add up to 100. */
  BASE,
  /** 加分项: up to its weight on top. */
  BONUS,
  /** 扣分项: up to its weight taken off. */
  PENALTY
}
