package cn.dangjian.member.bulk;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import java.util.Locale;
import java.util.Map;

/** File formats of an export. */
public enum ExportFormat {
  CSV("csv", "text/csv;charset=UTF-8"),
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final String extension;
  private final String contentType;

  ExportFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  public static ExportFormat parse(String text) {
    String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (ExportFormat format : values()) {
      if (format.extension.equals(value)) {
        return format;
      }
    }
    throw new ProblemException(
        ProblemType.BAD_REQUEST,
        "bulk.export.format",
        new Object[] {text},
        Map.of("rule", "unsupported-export-format"));
  }
}
