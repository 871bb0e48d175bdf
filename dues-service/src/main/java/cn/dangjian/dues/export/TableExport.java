package cn.dangjian.dues.export;

import cn.dangjian.platform.export.CsvCells;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Writes a header and rows as CSV (UTF-8 with BOM, so Excel opens Chinese correctly) or xlsx. */
@Component
public class TableExport {

  public static final int MAX_ROWS = 100_000;

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  public ResponseEntity<byte[]> respond(
      String name, ExportFormat format, List<String> header, List<List<Object>> rows) {
    byte[] body = format == ExportFormat.xlsx ? xlsx(header, rows) : csv(header, rows);
    return ResponseEntity.ok()
        .contentType(
            format == ExportFormat.xlsx
                ? XLSX
                : new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name + "." + format.name()).build().toString())
        .body(body);
  }

  /** Rows produced one at a time (e.g. page by page from the database). */
  @FunctionalInterface
  public interface Rows {
    void forEach(java.util.function.Consumer<List<Object>> sink);
  }

  /**
   * Writes the export straight to the response as rows arrive: nothing holds the whole table (CSV
   * line by line; xlsx through POI's streaming workbook, which keeps 500 rows in memory).
   */
  public void stream(
      jakarta.servlet.http.HttpServletResponse response,
      String name,
      ExportFormat format,
      List<String> header,
      Rows rows)
      throws IOException {
    response.setContentType(
        format == ExportFormat.xlsx ? XLSX.toString() : "text/csv;charset=UTF-8");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(name + "." + format.name()).build().toString());
    java.io.OutputStream out = response.getOutputStream();
    if (format == ExportFormat.xlsx) {
      try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
        Sheet sheet = workbook.createSheet("data");
        write(sheet.createRow(0), header);
        int[] r = {1};
        rows.forEach(row -> write(sheet.createRow(r[0]++), row));
        workbook.write(out);
        workbook.dispose();
      }
    } else {
      java.io.Writer writer =
          new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
      StringBuilder line = new StringBuilder("\uFEFF");
      line(line, header);
      writer.write(line.toString());
      rows.forEach(
          row -> {
            StringBuilder text = new StringBuilder();
            line(text, row);
            try {
              writer.write(text.toString());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      writer.flush();
    }
  }

  static byte[] csv(List<String> header, List<List<Object>> rows) {
    StringBuilder out = new StringBuilder("\uFEFF");
    line(out, header);
    for (List<Object> row : rows) {
      line(out, row);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder out, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(escape(cells.get(i)));
    }
    out.append("\r\n");
  }

  /** RFC 4180 quoting, formula-like text neutralised (the platform's {@link CsvCells}). */
  static String escape(Object value) {
    return CsvCells.cell(value);
  }

  static byte[] xlsx(List<String> header, List<List<Object>> rows) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(500);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("data");
      write(sheet.createRow(0), header);
      int r = 1;
      for (List<Object> row : rows) {
        write(sheet.createRow(r++), row);
      }
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Row row, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      Cell cell = row.createCell(i);
      Object value = cells.get(i);
      if (value instanceof Number number) {
        cell.setCellValue(number.doubleValue());
      } else {
        cell.setCellValue(value == null ? "" : value.toString());
      }
    }
  }
}
