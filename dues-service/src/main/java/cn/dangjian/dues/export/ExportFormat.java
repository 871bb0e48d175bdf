package cn.dangjian.dues.export;

/** Export file formats. */
public enum ExportFormat {
  csv,
  xlsx
}
