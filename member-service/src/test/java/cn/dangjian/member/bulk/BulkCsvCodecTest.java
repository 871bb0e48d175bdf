package cn.dangjian.member.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.platform.problem.ProblemException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkCsvCodecTest {

  private static RawTable parse(String text) {
    return TableReader.read("x.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8), 100);
  }

  @Test
  void quotedCommasQuotesAndLineBreaksSurvive() {
    RawTable table = parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    assertThat(table.rows().get(0).cells()).containsExactly("x, y", "say \"hi\"", "two\nlines");
  }

  @Test
  void rowNumbersCountRecordsAsExcelShowsThemAndBlankRowsKeepTheirNumber() {
    RawTable table = parse("a,b\n\"1\n1\",x\n,\n2,y\n3,z");
    assertThat(table.headerRow()).isEqualTo(1);
    assertThat(table.rows()).extracting(RawTable.RawRow::number).containsExactly(2, 4, 5);
  }

  @Test
  void byteOrderMarkIsStripped() {
    RawTable table = parse("\uFEFF姓名,性别\n张三,男\n");
    assertThat(table.header()).containsExactly("姓名", "性别");
  }

  @Test
  void fileSavedAsGbkIsRefusedWithAHintToSaveAsUtf8() {
    byte[] gbk = "姓名,性别\n张三,男\n".getBytes(Charset.forName("GBK"));
    assertThatThrownBy(() -> TableReader.read("roster.csv", "text/csv", gbk, 100))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.properties()).containsEntry("rule", "not-utf8");
              assertThat(e.type().status().value()).isEqualTo(400);
            });
  }

  @Test
  void unclosedQuoteIsMalformed() {
    assertThatThrownBy(() -> parse("a,b\n\"open,x\n"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.properties()).containsEntry("rule", "malformed-csv"));
  }

  @Test
  void formulaLikeCellsAreNeutralisedOnExportAndRestoredOnImport() {
    assertThat(CsvCodec.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(CsvCodec.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCodec.cell("张三")).isEqualTo("张三");
    assertThat(CsvCodec.cell(null)).isEmpty();
    RawTable table = parse("a,b\n" + CsvCodec.cell("=1+2") + "," + CsvCodec.cell("-x") + "\n");
    assertThat(table.rows().get(0).cells()).containsExactly("=1+2", "-x");
  }

  @Test
  void cellsWithSurroundingBlanksAreQuotedSoTheyRoundTrip() {
    assertThat(CsvCodec.cell(" a ")).isEqualTo("\" a \"");
    assertThat(parse("h\n" + CsvCodec.cell("a,b") + "\n").rows().get(0).cells())
        .isEqualTo(List.of("a,b"));
  }
}
