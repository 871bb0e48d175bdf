package cn.dangjian.member.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * One table of the annual report as it is written: a title, the column headers and the rows (the
 * first cell of a row names it, the others are numbers, {@link Suppressed} marks or empty), and
 * notes written under it. Plain data, the same for xlsx and CSV ({@link AnnualTablesViews} for
 * JSON).
 */
record AnnualTable(String title, List<String> header, List<List<Object>> rows, List<String> notes) {

  /** A count of people hidden from an integration client: written as {@code <N}. */
  record Suppressed(int below) {
    @Override
    public String toString() {
      return "<" + below;
    }
  }

  /** The rows as written to a file: the table's rows, then each note alone in the first cell. */
  List<List<Object>> rowsWithNotes() {
    List<List<Object>> all = new ArrayList<>(rows);
    notes.forEach(note -> all.add(List.of(note)));
    return all;
  }
}
