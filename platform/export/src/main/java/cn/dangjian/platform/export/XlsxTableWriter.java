package cn.dangjian.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * .xlsx through POI's streaming workbook: only a window of rows is in memory, the rest goes to a
 * compressed temporary file until the workbook is written out. The header is bold and frozen;
 * numbers are numeric cells, dates yyyy-mm-dd date cells, everything else text-formatted cells, so
 * Excel never turns an ID into a number or a name into a formula. {@link #sheet} starts another
 * sheet.
 */
final class XlsxTableWriter implements TableWriter {

  private static final int WINDOW = 500;

  private final OutputStream out;
  private final SXSSFWorkbook workbook;
  private SXSSFSheet sheet;
  private final CellStyle dateStyle;
  private final CellStyle textStyle;
  private int next;
  private long rows;

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
  public void sheet(String name) {
    String safe = WorkbookUtil.createSafeSheetName(name);
    if (next == 0 && workbook.getNumberOfSheets() == 1) {
      workbook.setSheetName(0, safe);
    } else {
      sheet = workbook.createSheet(safe);
      next = 0;
    }
  }

  @Override
  public void header(List<String> labels) {
    CellStyle bold = workbook.createCellStyle();
    Font font = workbook.createFont();
    font.setBold(true);
    bold.setFont(font);
    Row row = sheet.createRow(next++);
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i) == null ? "" : labels.get(i);
      Cell cell = row.createCell(i);
      cell.setCellValue(label);
      cell.setCellStyle(bold);
      sheet.setColumnWidth(i, Math.min(60, Math.max(12, label.length() * 3 + 4)) * 256);
    }
    sheet.createFreezePane(0, 1);
  }

  @Override
  public void row(List<?> cells) {
    Row row = sheet.createRow(next++);
    for (int i = 0; i < cells.size(); i++) {
      Object value = cells.get(i);
      if (value == null) {
        continue;
      }
      Cell cell = row.createCell(i);
      if (value instanceof Number number) {
        cell.setCellValue(number.doubleValue());
      } else if (value instanceof LocalDate date) {
        cell.setCellValue(date);
        cell.setCellStyle(dateStyle);
      } else {
        cell.setCellValue(value.toString());
        cell.setCellStyle(textStyle);
      }
    }
    rows++;
  }

  @Override
  public long rows() {
    return rows;
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
