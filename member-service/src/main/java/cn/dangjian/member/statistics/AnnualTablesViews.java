package cn.dangjian.member.statistics;

import cn.dangjian.member.statistics.AnnualTable.Suppressed;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON form of the annual report tables. */
public final class AnnualTablesViews {

  private AnnualTablesViews() {}

  @Schema(description = "年度党内统计报表 (the annual report tables of a subtree)")
  public record AnnualTablesView(
      @Schema(description = "统计范围：组织ID（含全部下级）") UUID orgId,
      @Schema(description = "组织名称") String orgName,
      @Schema(description = "年度", example = "2025") int year,
      @Schema(description = "表1至表5") List<AnnualTableView> tables) {}

  @Schema(description = "年报中的一张表 (one table of the annual report)")
  public record AnnualTableView(
      @Schema(description = "表名", example = "表1 党员基本情况") String title,
      @Schema(description = "列名：第一个为行名一列（单位或指标），其后依次对应 values (column headers)")
          List<String> header,
      @Schema(description = "各行：表1至表4为各直属下级党组织、本级、合计；表5为各指标 (rows)") List<AnnualRowView> rows,
      @Schema(description = "表注 (notes under the table)") List<String> notes) {}

  @Schema(description = "表中的一行 (one row)")
  public record AnnualRowView(
      @Schema(description = "单位或指标", example = "合计") String label,
      @ArraySchema(
              arraySchema =
                  @Schema(
                      description =
                          "数值，依次对应 header 第二列起；无从计算的比率，及向集成客户端隐去的小人数为 null"
                              + " (values; null for a rate without a base or a hidden small count)"),
              schema = @Schema(types = {"number", "null"}))
          List<@Nullable BigDecimal> values) {}

  static AnnualTablesView of(AnnualTablesService.AnnualReport report) {
    return new AnnualTablesView(
        report.org().id(),
        report.org().name(),
        report.year(),
        report.tables().stream().map(AnnualTablesViews::table).toList());
  }

  /** A table with each hidden count as null and every number as a decimal. */
  static AnnualTableView table(AnnualTable table) {
    List<AnnualRowView> rows = new ArrayList<>();
    for (List<Object> row : table.rows()) {
      List<@Nullable BigDecimal> values = new ArrayList<>();
      for (Object cell : row.subList(1, row.size())) {
        values.add(number(cell));
      }
      rows.add(new AnnualRowView(String.valueOf(row.get(0)), values));
    }
    return new AnnualTableView(table.title(), table.header(), rows, table.notes());
  }

  private static @Nullable BigDecimal number(@Nullable Object cell) {
    if (cell instanceof Long n) {
      return BigDecimal.valueOf(n);
    }
    if (cell instanceof BigDecimal d) {
      return d;
    }
    if (cell == null || cell instanceof Suppressed) {
      return null;
    }
    throw new IllegalArgumentException("not a number of the annual tables: " + cell);
  }
}
