package cn.dangjian.member.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * .xlsx through POI's streaming workbook: only a small window of rows is in memory, the rest goes
 * to a compressed temporary file until the workbook is written out. Dates are date cells
 * (yyyy-mm-dd), everything else text cells, so Excel never turns an ID into a number or a name into
 * a formula.
 */
final class XlsxTableWriter implements TableWriter {

  private static final int WINDOW = 200;

  private final OutputStream out;
  private final SXSSFWorkbook workbook;
  private final SXSSFSheet sheet;
  private final CellStyle dateStyle;
  private final CellStyle textStyle;
  private int next;

  XlsxTableWriter(OutputStream out, String sheetName) {
    this.out = out;
    this.workbook = new SXSSFWorkbook(WINDOW);
    workbook.setCompressTempFiles(true);
    this.sheet = workbook.createSheet(sheetName);
    this.dateStyle = workbook.createCellStyle();
    dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
    this.textStyle = workbook.createCellStyle();
    textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
  }

  @Override
  public void header(List<? extends BulkColumn> columns) {
    CellStyle bold = workbook.createCellStyle();
    Font font = workbook.createFont();
    font.setBold(true);
    bold.setFont(font);
    Row row = sheet.createRow(next++);
    for (int i = 0; i < columns.size(); i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(columns.get(i).label());
      cell.setCellStyle(bold);
      sheet.setColumnWidth(
          i, Math.min(60, Math.max(12, columns.get(i).label().length() * 3 + 4)) * 256);
    }
    sheet.createFreezePane(0, 1);
  }

  @Override
  public void row(List<?> values) {
    Row row = sheet.createRow(next++);
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value == null) {
        continue;
      }
      Cell cell = row.createCell(i);
      if (value instanceof LocalDate date) {
        cell.setCellValue(date);
        cell.setCellStyle(dateStyle);
      } else {
        cell.setCellValue(value.toString());
        cell.setCellStyle(textStyle);
      }
    }
  }

  @Override
  public void finish() throws IOException {
    workbook.write(out);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    workbook.dispose();
    workbook.close();
  }
}
