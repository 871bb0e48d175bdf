package cn.dangjian.platform.export;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** What an export writes: the header and its rows, e.g. page by page from the database. */
@FunctionalInterface
public interface TableContent {

  void writeTo(TableWriter writer) throws IOException;

  /** A header and rows already in memory. */
  static TableContent of(List<String> header, Iterable<? extends List<?>> rows) {
    return writer -> {
      writer.header(header);
      for (List<?> row : rows) {
        writer.row(row);
      }
    };
  }

  /**
   * Several tables in one file, in the map's order: one sheet each in xlsx, one after the other
   * under their titles in CSV (see {@link TableWriter#sheet}).
   */
  static TableContent sheets(Map<String, ? extends TableContent> tables) {
    return writer -> {
      for (Map.Entry<String, ? extends TableContent> table : tables.entrySet()) {
        writer.sheet(table.getKey());
        table.getValue().writeTo(writer);
      }
    };
  }
}
