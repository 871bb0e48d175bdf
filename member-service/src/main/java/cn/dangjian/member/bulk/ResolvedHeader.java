package cn.dangjian.member.bulk;

import cn.dangjian.member.bulk.RawTable.RawRow;
import java.util.List;
import java.util.Map;

/**
 * Which file column holds which {@link BulkColumn}, and how the file names it (errors name columns
 * the way the user's own header does).
 */
public record ResolvedHeader<C extends BulkColumn>(
    int row, Map<C, Integer> indexes, Map<C, String> headers, List<HeaderIssue> issues) {

  public boolean present(C column) {
    return indexes.containsKey(column);
  }

  /** The cell's text, or null when the column is absent or the cell blank. */
  public String value(RawRow row, C column) {
    Integer index = indexes.get(column);
    return index == null ? null : BulkValues.text(row.cell(index));
  }

  /** The column's header as written in the file, or its Chinese label when the file lacks it. */
  public String display(BulkColumn column) {
    if (column == null) {
      return null;
    }
    String header = headers.get(column);
    return header != null ? header : column.label();
  }
}
