package cn.dangjian.member.statistics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * One table of the annual report as it is written: a title, the column headers and the rows (the
 * first cell of a row names it, the others are numbers, {@link Suppressed} marks or empty), and
 * notes written under it. Plain data, the same for xlsx, CSV and JSON.
 */
@Schema(description = "年报中的一张表 (one table of the annual report)")
public record AnnualTable(
    @Schema(description = "表名", example = "表1 党员基本情况") String title,
    @Schema(description = "列名；第一列为单位或指标") List<String> header,
    @Schema(
            description =
                "各行：第一格为单位（各下级党组织、本级、合计）或指标，其余为数值；"
                    + "向集成客户端隐去的小人数为 null (rows; counts hidden from integrators are null)")
        List<List<Object>> rows,
    @Schema(description = "表注 (notes under the table)") List<String> notes) {

  /** A count of people hidden from an integration client: written as {@code <N}. */
  public record Suppressed(int below) {
    @Override
    public String toString() {
      return "<" + below;
    }
  }

  /** The same table with every hidden count as null (the JSON answer). */
  AnnualTable withHiddenAsNull() {
    List<List<Object>> shown = new ArrayList<>();
    for (List<Object> row : rows) {
      List<Object> cells = new ArrayList<>(row.size());
      for (Object cell : row) {
        cells.add(cell instanceof Suppressed ? null : cell);
      }
      shown.add(cells);
    }
    return new AnnualTable(title, header, shown, notes);
  }

  /** The rows as written to a file: the table's rows, then each note alone in the first cell. */
  List<List<Object>> rowsWithNotes() {
    List<List<Object>> all = new ArrayList<>(rows);
    notes.forEach(note -> all.add(List.of(note)));
    return all;
  }
}
