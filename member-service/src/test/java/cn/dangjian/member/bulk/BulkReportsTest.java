package cn.dangjian.member.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.member.bulk.BulkViews.ImportReport;
import cn.dangjian.member.bulk.BulkViews.RowError;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class BulkReportsTest {

  private final StaticMessageSource messages = new StaticMessageSource();
  private final BulkReports reports = new BulkReports(messages);
  private final ResolvedHeader<MemberColumn> header =
      HeaderResolver.resolve(
          1,
          List.of("所在组织ID", "姓名", "性别", "出生日期", "idNumber", "手机号", "发展阶段", "党费类别"),
          MemberColumn.values());

  BulkReportsTest() {
    messages.addMessage("bulk.value.not-allowed", Locale.getDefault(), "“{0}”不可选");
  }

  private static RowState<String> written(int row) {
    RowState<String> state = new RowState<>(row, Map.of(), "request", List.of());
    state.created(UUID.randomUUID());
    return state;
  }

  private static RowState<String> failed(int row, Issue... issues) {
    return new RowState<>(
        row,
        Map.of(MemberColumn.ID_NUMBER, "11010519900307123X", MemberColumn.GENDER, "未知"),
        "request",
        List.of(issues));
  }

  @Test
  void allOrNothingWithAFailedRowReportsNothingImported() {
    List<RowState<String>> rows =
        List.of(written(2), failed(3, Issue.localized(MemberColumn.NAME, "required", "必填")));
    ImportReport allOrNothing = reports.report(ImportMode.ALL_OR_NOTHING, false, rows, header);
    assertThat(allOrNothing.rejected()).isTrue();
    assertThat(allOrNothing.imported()).isZero();
    assertThat(allOrNothing.failed()).isEqualTo(1);
    ImportReport perRow = reports.report(ImportMode.PER_ROW, false, rows, header);
    assertThat(perRow.rejected()).isFalse();
    assertThat(perRow.imported()).isEqualTo(1);
  }

  @Test
  void errorsAreOrderedByRowThenColumnAndNameTheFilesHeader() {
    List<RowState<String>> rows =
        List.of(
            failed(
                4,
                Issue.localized(null, "conflict", "冲突"),
                Issue.localized(MemberColumn.ID_NUMBER, "invalid-id-number", "格式"),
                Issue.of(MemberColumn.GENDER, "invalid-value", "bulk.value.not-allowed", "未知")),
            failed(3, Issue.localized(MemberColumn.NAME, "required", "必填")));
    ImportReport report = reports.report(ImportMode.PER_ROW, false, rows, header);
    assertThat(report.errors())
        .extracting(RowError::row, RowError::column, RowError::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "姓名", "required"),
            org.assertj.core.groups.Tuple.tuple(4, "性别", "invalid-value"),
            org.assertj.core.groups.Tuple.tuple(4, "idNumber", "invalid-id-number"),
            org.assertj.core.groups.Tuple.tuple(4, null, "conflict"));
    assertThat(report.errors().get(1).message()).isEqualTo("“未知”不可选");
    assertThat(report.errors().get(2).value()).isEqualTo("1****************X");
  }
}
