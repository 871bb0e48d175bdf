package cn.dangjian.member.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.platform.problem.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class BulkTableReaderTest {

  private static byte[] bytes(Workbook workbook) throws IOException {
    try (workbook;
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void xlsxDateAndNumberCellsArriveAsTheTextTheParsersRead() throws IOException {
    XSSFWorkbook workbook = new XSSFWorkbook();
    Sheet sheet = workbook.createSheet("名册");
    Row header = sheet.createRow(0);
    header.createCell(0).setCellValue("出生日期");
    header.createCell(1).setCellValue("手机号");
    header.createCell(2).setCellValue("姓名");
    header.createCell(3).setCellValue("学历");
    Row row = sheet.createRow(1);
    CellStyle date = workbook.createCellStyle();
    date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
    row.createCell(0).setCellValue(LocalDate.of(1990, 3, 7));
    row.getCell(0).setCellStyle(date);
    row.createCell(1).setCellValue(13812345678d);
    // column 2 left empty: the reader keeps positions
    row.createCell(3).setCellValue("本科");
    RawTable table = TableReader.read("roster.xlsx", null, bytes(workbook), 100);
    assertThat(table.header()).containsExactly("出生日期", "手机号", "姓名", "学历");
    assertThat(table.rows().get(0).cells()).containsExactly("1990-03-07", "13812345678", "", "本科");
    assertThat(table.rows().get(0).number()).isEqualTo(2);
  }

  @Test
  void blankXlsxRowsAreSkippedButKeepTheirNumbers() throws IOException {
    XSSFWorkbook workbook = new XSSFWorkbook();
    Sheet sheet = workbook.createSheet();
    sheet.createRow(0).createCell(0).setCellValue("姓名");
    sheet.createRow(1).createCell(0).setCellValue("  ");
    sheet.createRow(4).createCell(0).setCellValue("李红");
    RawTable table = TableReader.read("a.xlsx", null, bytes(workbook), 100);
    assertThat(table.rows()).extracting(RawTable.RawRow::number).containsExactly(5);
  }

  @Test
  void moreRowsThanTheLimitAreRefusedBeforeAnythingIsImported() {
    String csv = "姓名\n" + "张三\n".repeat(11);
    assertThatThrownBy(
            () -> TableReader.read("a.csv", null, csv.getBytes(StandardCharsets.UTF_8), 10))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.properties()).containsEntry("rule", "too-many-rows"));
    assertThat(TableReader.read("a.csv", null, csv.getBytes(StandardCharsets.UTF_8), 11).rows())
        .hasSize(11);
  }

  @Test
  void emptyFileAndHeaderOnlyFileAreEmpty() {
    for (String text : new String[] {"", "\uFEFF", "姓名,性别\r\n", "\n\n"}) {
      assertThatThrownBy(
              () -> TableReader.read("a.csv", null, text.getBytes(StandardCharsets.UTF_8), 10))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.properties()).containsEntry("rule", "empty-file"));
    }
  }

  @Test
  void legacyXlsIsUnsupportedMediaType() throws IOException {
    byte[] xls = bytes(new HSSFWorkbook());
    assertThatThrownBy(() -> TableReader.read("old.xls", null, xls, 10))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type().status().value()).isEqualTo(415);
              assertThat(e.properties()).containsEntry("rule", "xls-not-supported");
            });
  }

  @Test
  void otherFileTypesAreUnsupportedAndBrokenWorkbooksUnreadable() {
    assertThatThrownBy(
            () -> TableReader.read("photo.png", "image/png", new byte[] {(byte) 0x89, 'P'}, 10))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.type().status().value()).isEqualTo(415));
    byte[] brokenZip = {0x50, 0x4B, 0x03, 0x04, 1, 2, 3};
    assertThatThrownBy(() -> TableReader.read("a.xlsx", null, brokenZip, 10))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.properties()).containsEntry("rule", "unreadable-file"));
  }
}
