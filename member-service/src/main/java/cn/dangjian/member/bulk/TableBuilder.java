package cn.dangjian.member.bulk;

import cn.dangjian.member.bulk.RawTable.RawRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects rows as a reader produces them: the first non-blank row is the header, blank rows are
 * skipped, and reading stops with a 400 as soon as the data rows pass the limit (so a huge file is
 * never held in memory).
 */
final class TableBuilder {

  private final int maxRows;
  private List<String> header;
  private int headerRow;
  private final List<RawRow> rows = new ArrayList<>();

  TableBuilder(int maxRows) {
    this.maxRows = maxRows;
  }

  void row(int number, List<String> cells) {
    if (isBlank(cells)) {
      return;
    }
    if (header == null) {
      header = List.copyOf(cells);
      headerRow = number;
      return;
    }
    if (rows.size() >= maxRows) {
      throw FileProblems.badFile(
          "too-many-rows", "bulk.file.too-many-rows", String.valueOf(maxRows));
    }
    rows.add(new RawRow(number, List.copyOf(cells)));
  }

  RawTable build() {
    if (header == null || rows.isEmpty()) {
      throw FileProblems.badFile("empty-file", "bulk.file.empty");
    }
    return new RawTable(headerRow, header, List.copyOf(rows));
  }

  private static boolean isBlank(List<String> cells) {
    for (String cell : cells) {
      if (cell != null && !cell.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
