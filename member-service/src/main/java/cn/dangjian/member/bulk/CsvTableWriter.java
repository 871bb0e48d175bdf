package cn.dangjian.member.bulk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** CSV with a UTF-8 BOM (so Excel shows Chinese correctly) and CRLF line ends. */
final class CsvTableWriter implements TableWriter {

  private final Writer out;

  CsvTableWriter(OutputStream stream) {
    this.out =
        new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
  }

  @Override
  public void header(List<? extends BulkColumn> columns) throws IOException {
    out.write(CsvCodec.BOM);
    line(columns.stream().map(BulkColumn::label).toList());
  }

  @Override
  public void row(List<?> values) throws IOException {
    line(values);
  }

  private void line(List<?> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      Object value = values.get(i);
      out.write(CsvCodec.cell(value instanceof LocalDate date ? date.toString() : (String) value));
    }
    out.write("\r\n");
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  @Override
  public void close() {
    // the servlet stream belongs to the container
  }
}
