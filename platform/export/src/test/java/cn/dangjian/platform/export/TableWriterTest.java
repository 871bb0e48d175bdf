package cn.dangjian.platform.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableWriterTest {

  private static final List<String> HEADER = List.of("姓名", "人数", "日期", "备注");

  private static byte[] write(ExportFormat format, List<? extends List<?>> rows)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long written;
    try (TableWriter writer = TableWriter.open(format, out, "党员名册")) {
      writer.header(HEADER);
      for (List<?> row : rows) {
        writer.row(row);
      }
      writer.finish();
      written = writer.rows();
    }
    assertThat(written).isEqualTo(rows.size());
    return out.toByteArray();
  }

  @Test
  void csvStartsWithTheBomAndEndsEveryRowWithCrLf() throws IOException {
    byte[] bytes = write(ExportFormat.csv, List.of(List.of("张三", 3, "x")));

    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo("\uFEFF姓名,人数,日期,备注\r\n张三,3,x\r\n");
  }

  @Test
  void csvQuotesAndNeutralisesEveryCell() throws IOException {
    byte[] bytes =
        write(
            ExportFormat.csv,
            List.of(
                List.of("=HYPERLINK(\"http://x\")", "a,b", " 空格 ", "正常\n@SUM(A1)"),
                List.of("+86 138", new BigDecimal("-12.50"), LocalDate.of(2020, 7, 1), "-1"),
                Arrays.asList(null, "", "\t=1", "it's \"q\"")));

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(
            "\uFEFF姓名,人数,日期,备注\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",\"a,b\",\" 空格 \",\"正常\n'@SUM(A1)\"\r\n"
                + "'+86 138,-12.50,2020-07-01,'-1\r\n"
                + ",,'\t=1,\"it's \"\"q\"\"\"\r\n");
  }

  @Test
  void csvOfAnEmptyTableIsTheBomAndTheHeader() throws IOException {
    assertThat(new String(write(ExportFormat.csv, List.of()), StandardCharsets.UTF_8))
        .isEqualTo("\uFEFF姓名,人数,日期,备注\r\n");
  }

  @Test
  void xlsxReadsBackWithItsHeaderTypedCellsAndChinese() throws IOException {
    byte[] bytes =
        write(
            ExportFormat.xlsx,
            List.of(
                List.of("第一党支部", 4, LocalDate.of(2020, 7, 1), "=1+1"),
                Arrays.asList("合计", new BigDecimal("243.50"), null, "243.00")));

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(1);
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("党员名册");
      assertThat(sheet.getLastRowNum()).isEqualTo(2);

      Row header = sheet.getRow(0);
      assertThat(header.getLastCellNum()).isEqualTo((short) 4);
      for (int i = 0; i < HEADER.size(); i++) {
        assertThat(header.getCell(i).getStringCellValue()).isEqualTo(HEADER.get(i));
        assertThat(book.getFontAt(header.getCell(i).getCellStyle().getFontIndex()).getBold())
            .isTrue();
      }
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();

      Row first = sheet.getRow(1);
      assertThat(first.getCell(0).getStringCellValue()).isEqualTo("第一党支部");
      assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(4.0);
      Cell date = first.getCell(2);
      assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
      assertThat(date.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
      assertThat(date.getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.of(2020, 7, 1));
      // text is never a formula in xlsx, and keeps the text format when edited
      assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.STRING);
      assertThat(first.getCell(3).getStringCellValue()).isEqualTo("=1+1");
      assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("@");

      Row total = sheet.getRow(2);
      assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
      assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(243.5);
      assertThat(total.getCell(2)).isNull();
      assertThat(total.getCell(3).getCellType()).isEqualTo(CellType.STRING);
      assertThat(total.getCell(3).getStringCellValue()).isEqualTo("243.00");
    }
  }

  @Test
  void xlsxOfAnEmptyTableHasOnlyItsHeader() throws IOException {
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(write(ExportFormat.xlsx, List.of())))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isZero();
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
    }
  }
}
