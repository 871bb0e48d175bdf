package cn.dangjian.member.bulk;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

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
