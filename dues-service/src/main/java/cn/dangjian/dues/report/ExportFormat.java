package cn.dangjian.dues.report;

/** Export file formats. */
public enum ExportFormat {
  csv,
  xlsx
}
