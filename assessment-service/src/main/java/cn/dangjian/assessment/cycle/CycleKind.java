package cn.dangjian.assessment.cycle;

/** 年度 or 季度 (the seed: quarterly 述职评议, annual 考核). */
public enum CycleKind {
  ANNUAL,
  QUARTERLY
}
