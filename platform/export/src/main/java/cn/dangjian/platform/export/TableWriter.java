package cn.dangjian.platform.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a table — one header row, then rows of cells — as CSV or xlsx straight to a stream, so no
 * export holds the whole table in memory. The same cells are typed the same way in both formats:
 *
 * <ul>
 *   <li>{@code null}: an empty cell;
 *   <li>a {@link Number}: a number (a numeric cell in xlsx, its {@code toString()} in CSV);
 *   <li>a {@link java.time.LocalDate}: a date (a yyyy-mm-dd date cell in xlsx, ISO text in CSV);
 *   <li>anything else: its {@code toString()} as text (a text-formatted cell in xlsx, which never
 *       becomes a formula; in CSV quoted as RFC 4180 needs and neutralised by {@link CsvCells}).
 * </ul>
 *
 * <p>Use: {@link #header}, {@link #row} for each row, {@link #finish}, and always {@link #close}
 * (try-with-resources): it frees the temporary files of the xlsx writer. The stream is never
 * closed. A file of several tables (e.g. the sheets of a report) calls {@link #sheet} before each
 * table's header.
 */
public sealed interface TableWriter extends Closeable permits CsvTableWriter, XlsxTableWriter {

  /** The byte order mark every CSV starts with, so that Excel reads it as UTF-8. */
  String BOM = "\uFEFF";

  /** A writer of {@code format} onto {@code out}; {@code sheetName} names the xlsx sheet. */
  static TableWriter open(ExportFormat format, OutputStream out, String sheetName) {
    return switch (format) {
      case csv -> new CsvTableWriter(out);
      case xlsx -> new XlsxTableWriter(out, sheetName);
    };
  }

  /**
   * Starts the next table of a file of several. In xlsx: a new sheet called {@code name} (made safe
   * for Excel: at most 31 characters, no {@code []:*?/\}); the first call only renames the sheet
   * the writer opened with while nothing is written on it. In CSV: the tables follow one another,
   * each preceded by {@code name} alone on a line as its title, with an empty line between tables.
   * The next {@link #header} is the new table's.
   */
  void sheet(String name) throws IOException;

  /** The header row: one label per column. */
  void header(List<String> labels) throws IOException;

  /** One data row; cells are typed as the class documentation says. */
  void row(List<?> cells) throws IOException;

  /** How many data rows were written (the header not counted). */
  long rows();

  /** Completes the file on the stream; the stream stays open. */
  void finish() throws IOException;

  /** Frees what writing used (temporary files), finished or not; the stream stays open. */
  @Override
  void close() throws IOException;
}
