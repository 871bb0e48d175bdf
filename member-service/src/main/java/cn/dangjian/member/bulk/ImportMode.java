package cn.dangjian.member.bulk;

/** What happens to the valid rows of a file that also has invalid ones. */
public enum ImportMode {
  /** 全部成功才导入: one transaction for the whole file; any error and nothing is written. */
  ALL_OR_NOTHING,
  /** 逐行导入: every valid row is written in its own transaction; invalid rows are reported. */
  PER_ROW
}
