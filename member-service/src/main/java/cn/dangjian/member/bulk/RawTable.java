package cn.dangjian.member.bulk;

import java.util.List;

/**
 * A sheet as read from a file: the header row and the non-blank data rows, each with the row number
 * the user sees (1-based; blank rows are skipped but keep their numbers).
 */
public record RawTable(int headerRow, List<String> header, List<RawRow> rows) {

  /** One data row. */
  public record RawRow(int number, List<String> cells) {

    public String cell(int index) {
      return index >= 0 && index < cells.size() ? cells.get(index) : null;
    }
  }
}
