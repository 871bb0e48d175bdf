package cn.dangjian.member.bulk;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Converts the cells of one row, recording a failed conversion as an issue instead of throwing. */
final class CellConverter<C extends BulkColumn> {

  private final Map<BulkColumn, String> cells;
  private final List<Issue> issues;
  private final Set<C> failed;

  CellConverter(Map<BulkColumn, String> cells, List<Issue> issues, Set<C> failed) {
    this.cells = cells;
    this.issues = issues;
    this.failed = failed;
  }

  <V> V apply(C column, Function<String, V> parser) {
    try {
      return parser.apply(cells.get(column));
    } catch (ValueException e) {
      issues.add(e.toIssue(column));
      failed.add(column);
      return null;
    }
  }
}
