package cn.dangjian.member.bulk;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What an import answers: the report and its row errors (web types, documented for the API). */
public final class BulkViews {

  private BulkViews() {}

  /** The outcome of one import file. */
  @Schema(description = "导入报告 (import report)")
  public record ImportReport(
      @Schema(description = "导入方式 (mode)") ImportMode mode,
      @Schema(description = "是否仅校验未写入 (validated only, nothing written)") boolean dryRun,
      @Schema(description = "数据行数，不含表头 (data rows, header excluded)") int totalRows,
      @Schema(description = "已导入的行数；仅校验时为可导入的行数 (rows written, or writable in a dry run)")
          int imported,
      @Schema(description = "有错误的行数 (rows with at least one error)") int failed,
      @Schema(description = "错误明细 (errors)") List<RowError> errors) {

    /** Whether nothing may be written: all-or-nothing with at least one failed row. */
    public boolean rejected() {
      return mode == ImportMode.ALL_OR_NOTHING && failed > 0;
    }
  }

  /** One problem in an import file, as the user sees the file. */
  @Schema(description = "导入错误：哪一行、哪一列、违反了哪条规则 (one error: row, column, rule)")
  public record RowError(
      @Schema(description = "行号，表头为第1行 (row number as shown in Excel; the header is row 1)")
          int row,
      @Schema(description = "列名，与文件表头一致；整行错误时为空 (column as headed in the file)")
          @Nullable String column,
      @Schema(description = "单元格的值；身份证号和手机号已脱敏 (cell value; ID number and phone masked)")
          @Nullable String value,
      @Schema(
              description = "规则名，稳定不变，可供程序判断 (stable rule name)",
              example = "probation-one-to-two-years")
          @Nullable String rule,
      @Schema(description = "说明 (message in the caller's language)") String message) {}
}
