package cn.dangjian.member.bulk;

import cn.dangjian.member.privacy.ChineseIdNumber;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Import files built in code: CSV text and .xlsx workbooks made with POI, and test people. */
final class BulkTestFiles {

  static final List<String> MEMBER_HEADER =
      List.of(
          "所在组织ID", "姓名", "性别", "民族", "出生日期", "身份证号", "手机号", "学历", "工作单位", "发展阶段", "党费类别", "入党日期",
          "转正日期");

  /** Distinct valid ID numbers: area 320102 (not used by other tests), birth from 1960 on. */
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private BulkTestFiles() {}

  static String newIdNumber() {
    int n = SERIAL.getAndIncrement();
    LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n / 900);
    String first17 =
        "320102" + birth.toString().replace("-", "") + String.format("%03d", 100 + n % 900);
    return ChineseIdNumber.withCheckDigit(first17);
  }

  static String birthOf(String idNumber) {
    return idNumber.substring(6, 10)
        + "-"
        + idNumber.substring(10, 12)
        + "-"
        + idNumber.substring(12, 14);
  }

  static String phoneFor(String idNumber) {
    return "139" + idNumber.substring(9, 17);
  }

  /** A full member row that passes every rule. */
  static List<String> fullMember(UUID org, String name, String idNumber) {
    return new ArrayList<>(
        List.of(
            org.toString(),
            name,
            "女",
            "汉族",
            birthOf(idNumber),
            idNumber,
            phoneFor(idNumber),
            "本科",
            "县供电公司",
            "正式党员",
            "在职",
            "2019-07-01",
            "2020-07-01"));
  }

  static List<String> with(List<String> row, int column, String value) {
    List<String> copy = new ArrayList<>(row);
    copy.set(column, value);
    return copy;
  }

  static byte[] csv(List<String> header, List<List<String>> rows) {
    StringBuilder text = new StringBuilder();
    text.append(CsvCodec.BOM);
    line(text, header);
    rows.forEach(row -> line(text, row));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder text, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(CsvCodec.cell(cells.get(i)));
    }
    text.append("\r\n");
  }

  /**
   * An .xlsx as people make them: dates as date cells (m/d/yy), all-digit values such as phones as
   * numbers, the rest as text.
   */
  static byte[] xlsx(List<String> header, List<List<String>> rows) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("名册");
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
      Row headerRow = sheet.createRow(0);
      for (int i = 0; i < header.size(); i++) {
        headerRow.createCell(i).setCellValue(header.get(i));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<String> cells = rows.get(r);
        for (int i = 0; i < cells.size(); i++) {
          String value = cells.get(i);
          if (value == null || value.isEmpty()) {
            continue;
          }
          Cell cell = row.createCell(i);
          LocalDate date = isoDate(value);
          if (date != null) {
            cell.setCellValue(date);
            cell.setCellStyle(dateStyle);
          } else if (value.matches("1\\d{10}")) {
            cell.setCellValue(Double.parseDouble(value));
          } else {
            cell.setCellValue(value);
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LocalDate isoDate(String value) {
    if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Every cell of the first sheet as text, row by row. */
  static List<List<String>> readXlsx(byte[] bytes) {
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      DataFormatter formatter = new DataFormatter();
      List<List<String>> rows = new ArrayList<>();
      for (Row row : workbook.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
          Cell cell = row.getCell(i);
          cells.add(cell == null ? "" : formatter.formatCellValue(cell));
        }
        rows.add(cells);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
