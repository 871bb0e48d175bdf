package cn.dangjian.member.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BulkReportValuesTest {

  @Test
  void idNumbersAndPhonesAreNeverShownAsTyped() {
    assertThat(ReportValues.shown(MemberColumn.ID_NUMBER, "11010519900307123X"))
        .isEqualTo("1****************X");
    assertThat(ReportValues.shown(MemberColumn.PHONE, "13812345678")).isEqualTo("138******78");
    assertThat(ReportValues.shown(MemberColumn.ID_NUMBER, "123")).isEqualTo("***");
  }

  @Test
  void otherCellsAreShownAsTyped() {
    assertThat(ReportValues.shown(MemberColumn.NAME, "李红")).isEqualTo("李红");
    assertThat(ReportValues.shown(OrgColumn.TYPE, "党部")).isEqualTo("党部");
    assertThat(ReportValues.shown(null, "x")).isNull();
  }
}
