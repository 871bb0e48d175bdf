package cn.dangjian.platform.export;

import java.io.IOException;
import java.util.List;

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
}
