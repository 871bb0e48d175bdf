package cn.dangjian.assessment.indicator;

/** How a leaf is scored; a node with children is a GROUP (its score is its children's sum). */
public enum ScoringMethod {
  GROUP,
  /** 人工评分 by the assigned scorer. */
  MANUAL,
  /** 自动评分 from the data this service receives as events. */
  AUTOMATIC
}
