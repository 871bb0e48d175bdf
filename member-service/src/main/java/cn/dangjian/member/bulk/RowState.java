package cn.dangjian.member.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One data row on its way through an import: the cells as read, the request built from them (null
 * when a cell could not be converted), what went wrong, and what was created.
 */
public final class RowState<T> {

  private final int number;
  private final Map<BulkColumn, String> cells;
  private final T request;
  private final List<Issue> issues = new ArrayList<>();
  private UUID createdId;

  public RowState(int number, Map<BulkColumn, String> cells, T request, List<Issue> issues) {
    this.number = number;
    this.cells = cells;
    this.request = request;
    this.issues.addAll(issues);
  }

  public int number() {
    return number;
  }

  /** The cell's text as read (trimmed), or null. */
  public String cell(BulkColumn column) {
    return column == null ? null : cells.get(column);
  }

  public T request() {
    return request;
  }

  public List<Issue> issues() {
    return issues;
  }

  public void fail(Issue issue) {
    issues.add(issue);
  }

  /** Worth handing to the service: converted and no problem found so far. */
  public boolean valid() {
    return request != null && issues.isEmpty();
  }

  public UUID createdId() {
    return createdId;
  }

  public void created(UUID id) {
    this.createdId = id;
  }
}
