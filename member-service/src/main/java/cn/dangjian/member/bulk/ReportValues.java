package cn.dangjian.member.bulk;

import cn.dangjian.member.privacy.Masking;

/** What a report may show of a cell: personal data only masked, never as typed. */
public final class ReportValues {

  private ReportValues() {}

  public static String shown(BulkColumn column, String value) {
    if (column == null || value == null) {
      return null;
    }
    if (!column.sensitive()) {
      return value;
    }
    return column == MemberColumn.PHONE ? Masking.phone(value) : Masking.idNumber(value);
  }
}
