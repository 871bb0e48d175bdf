package cn.dangjian.platform.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableSheetsTest {

  private static final Map<String, TableContent> TWO_TABLES = new LinkedHashMap<>();

  static {
    TWO_TABLES.put("表1 党员", TableContent.of(List.of("单位", "人数"), List.of(List.of("第一党支部", 3))));
    TWO_TABLES.put(
        "表2 组织",
        TableContent.of(List.of("单位", "个数"), List.of(List.of("第一党支部", 1), List.of("合计", 2))));
  }

  @Test
  void eachTableIsASheetOfItsOwnInXlsxAndTheFirstReplacesTheDefaultSheet() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    long rows =
        new TableDownload("年报", ExportFormat.xlsx).write(out, TableContent.sheets(TWO_TABLES));

    assertThat(rows).isEqualTo(3);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(2);
      Sheet first = book.getSheetAt(0);
      Sheet second = book.getSheetAt(1);
      assertThat(first.getSheetName()).isEqualTo("表1 党员");
      assertThat(second.getSheetName()).isEqualTo("表2 组织");
      assertThat(first.getRow(0).getCell(1).getStringCellValue()).isEqualTo("人数");
      assertThat(first.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3);
      assertThat(second.getRow(0).getCell(1).getStringCellValue()).isEqualTo("个数");
      assertThat(second.getRow(2).getCell(0).getStringCellValue()).isEqualTo("合计");
      assertThat(second.getLastRowNum()).isEqualTo(2);
    }
  }

  @Test
  void csvTablesFollowOneAnotherEachUnderItsTitleLine() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new TableDownload("年报", ExportFormat.csv).write(out, TableContent.sheets(TWO_TABLES));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "\uFEFF表1 党员\r\n单位,人数\r\n第一党支部,3\r\n" + "\r\n表2 组织\r\n单位,个数\r\n第一党支部,1\r\n合计,2\r\n");
  }

  @Test
  void aSheetNameExcelWouldRefuseIsMadeSafe() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableContent content =
        writer -> {
          writer.sheet("a/b:c*d?[e]" + "x".repeat(40));
          writer.header(List.of("h"));
        };

    new TableDownload("safe", ExportFormat.xlsx).write(out, content);

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      String name = book.getSheetAt(0).getSheetName();
      assertThat(name).hasSizeLessThanOrEqualTo(31).doesNotContain("/", ":", "*", "?", "[", "]");
    }
  }
}
