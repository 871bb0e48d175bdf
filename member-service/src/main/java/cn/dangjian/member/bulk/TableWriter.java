package cn.dangjian.member.bulk;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes an export row by row; values are text, {@link java.time.LocalDate} or null. */
interface TableWriter extends Closeable {

  void header(List<? extends BulkColumn> columns) throws IOException;

  void row(List<?> values) throws IOException;

  /** Completes the file on the stream; the stream stays open. */
  void finish() throws IOException;

  /** Frees what writing used (temporary files), finished or not. */
  @Override
  void close() throws IOException;

  static TableWriter of(ExportFormat format, OutputStream out, String sheetName) {
    return format == ExportFormat.CSV
        ? new CsvTableWriter(out)
        : new XlsxTableWriter(out, sheetName);
  }
}
