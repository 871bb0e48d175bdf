package cn.dangjian.events.assessment;

/**
 * Annual or quarterly assessment cycle. Published as a string, see {@link
 * cn.dangjian.events.OneOf}.
 */
public enum CycleKind {
  ANNUAL,
  QUARTERLY
}
