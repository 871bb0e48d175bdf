package cn.dangjian.member.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Matches a file's header row to columns. A column may be headed by its Chinese label, its English
 * field name (any case) or a common alias, optionally marked required with *. Every header must be
 * known, every required column present and no column given twice; blank header cells are ignored.
 */
public final class HeaderResolver {

  private HeaderResolver() {}

  public static <C extends Enum<C> & BulkColumn> ResolvedHeader<C> resolve(
      int headerRow, List<String> header, C[] columns) {
    Map<String, C> names = new HashMap<>();
    for (C column : columns) {
      Stream.concat(Stream.of(column.label(), column.field()), column.aliases().stream())
          .forEach(name -> names.put(BulkColumn.normalize(name), column));
    }
    Map<C, Integer> indexes = new LinkedHashMap<>();
    Map<C, String> headers = new HashMap<>();
    List<HeaderIssue> issues = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String text = header.get(i) == null ? "" : header.get(i).replace("\uFEFF", "").strip();
      if (text.isEmpty()) {
        continue;
      }
      C column = names.get(BulkColumn.normalize(text));
      if (column == null) {
        issues.add(
            new HeaderIssue(
                text,
                "unknown-column",
                "bulk.header.unknown-column",
                new Object[] {text, known(columns)}));
      } else if (indexes.containsKey(column)) {
        issues.add(
            new HeaderIssue(
                text, "duplicate-column", "bulk.header.duplicate-column", new Object[] {text}));
      } else {
        indexes.put(column, i);
        headers.put(column, text);
      }
    }
    for (C column : columns) {
      if (column.required() && !indexes.containsKey(column)) {
        issues.add(
            new HeaderIssue(
                column.label(),
                "missing-column",
                "bulk.header.missing-column",
                new Object[] {column.label()}));
      }
    }
    return new ResolvedHeader<>(
        headerRow, Map.copyOf(indexes), Map.copyOf(headers), List.copyOf(issues));
  }

  private static <C extends BulkColumn> String known(C[] columns) {
    return Stream.of(columns).map(BulkColumn::label).collect(Collectors.joining("、"));
  }
}
