package cn.dangjian.platform.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

  @Test
  void aLeadingFormulaCharacterIsNeutralised() {
    assertThat(CsvCells.cell("=HYPERLINK(\"http://x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(CsvCells.cell("+86 138")).isEqualTo("'+86 138");
    assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.cell("-1+2")).isEqualTo("'-1+2");
  }

  @Test
  void aLeadingTabOrCarriageReturnIsNeutralisedToo() {
    assertThat(CsvCells.cell("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(CsvCells.cell("\r=1+1")).startsWith("\"'\r");
  }

  @Test
  void aFormulaAfterANewlineInsideACellIsNeutralised() {
    assertThat(CsvCells.cell("正常备注\n=cmd|' /C calc'!A0"))
        .isEqualTo("\"正常备注\n'=cmd|' /C calc'!A0\"");
    assertThat(CsvCells.neutralize("a\r\n@x")).isEqualTo("a\r\n'@x");
  }

  @Test
  void numbersAndPlainTextStayAsTheyAre() {
    assertThat(CsvCells.cell(new BigDecimal("-12.50"))).isEqualTo("-12.50");
    assertThat(CsvCells.cell("第一党支部")).isEqualTo("第一党支部");
    assertThat(CsvCells.cell(null)).isEmpty();
    assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
  }

  @Test
  void whatIsExportedReadsBackUnchanged() {
    for (String value : new String[] {"=1+1", "\t=x", "a\n=b\n-c", "plain", "it's", "'quoted"}) {
      assertThat(CsvCells.restore(CsvCells.neutralize(value))).isEqualTo(value);
    }
  }
}
