package cn.dangjian.member.bulk;

import io.swagger.v3.oas.annotations.media.Schema;

/** One problem in an import file, as the user sees the file. */
@Schema(description = "导入错误：哪一行、哪一列、违反了哪条规则 (one error: row, column, rule)")
public record RowError(
    @Schema(description = "行号，表头为第1行 (row number as shown in Excel; the header is row 1)") int row,
    @Schema(description = "列名，与文件表头一致；整行错误时为空 (column as headed in the file)") String column,
    @Schema(description = "单元格的值；身份证号和手机号已脱敏 (cell value; ID number and phone masked)")
        String value,
    @Schema(
            description = "规则名，稳定不变，可供程序判断 (stable rule name)",
            example = "probation-one-to-two-years")
        String rule,
    @Schema(description = "说明 (message in the caller's language)") String message) {}
