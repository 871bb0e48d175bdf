package cn.dangjian.assessment.indicator;

/** Who enters a manual score. */
public enum ScorerKind {
  /** 考核部门: the superior org's staff (platform admin, secretary or party worker above the org). */
  DEPARTMENT,
  /** 第三方评估机构: an assessor, only for the orgs assigned to it. */
  ASSESSOR
}
