package cn.dangjian.events.assessment;

/** 好, 较好, 一般, 差. Published as a string, see {@link cn.dangjian.events.OneOf}. */
public enum CycleGrade {
  GOOD,
  FAIRLY_GOOD,
  AVERAGE,
  POOR
}
