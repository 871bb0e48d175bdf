package cn.dangjian.platform.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as Excel opens it: UTF-8 starting with a {@link TableWriter#BOM BOM} (so Chinese shows
 * correctly), comma separated, CRLF after every row, cells by {@link CsvCells#cell}.
 */
final class CsvTableWriter implements TableWriter {

  private final Writer out;
  private long rows;
  private boolean written;

  CsvTableWriter(OutputStream stream) {
    this.out =
        new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
    try {
      out.write(BOM);
    } catch (IOException e) {
      throw new IllegalStateException("a buffered writer does not fail before it flushes", e);
    }
  }

  @Override
  public void sheet(String name) throws IOException {
    if (written) {
      out.write("\r\n");
    }
    line(List.of(name));
  }

  @Override
  public void header(List<String> labels) throws IOException {
    line(labels);
  }

  @Override
  public void row(List<?> cells) throws IOException {
    line(cells);
    rows++;
  }

  private void line(List<?> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(CsvCells.cell(cells.get(i)));
    }
    out.write("\r\n");
    written = true;
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  @Override
  public void close() {
    // nothing to free; the stream belongs to the caller
  }
}
