package cn.dangjian.member.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.member.bulk.RawTable.RawRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkHeaderResolverTest {

  private static final List<String> CHINESE =
      List.of(
          "所在组织ID", "姓名", "性别", "民族", "出生日期", "身份证号", "手机号", "学历", "工作单位", "发展阶段", "党费类别", "入党日期",
          "转正日期");

  @Test
  void chineseAndEnglishHeadersResolveToTheSameColumns() {
    ResolvedHeader<MemberColumn> chinese =
        HeaderResolver.resolve(1, CHINESE, MemberColumn.values());
    ResolvedHeader<MemberColumn> english =
        HeaderResolver.resolve(
            1,
            List.of(
                "orgId",
                "NAME",
                "gender",
                "ethnicity",
                "birthDate",
                "idNumber",
                "phone",
                "education",
                "workplace",
                "stage",
                "duesCategory",
                "joinDate",
                "fullMemberDate"),
            MemberColumn.values());
    assertThat(chinese.issues()).isEmpty();
    assertThat(english.issues()).isEmpty();
    assertThat(english.indexes()).isEqualTo(chinese.indexes());
  }

  @Test
  void errorsNameColumnsAsTheFileHeadsThem() {
    ResolvedHeader<MemberColumn> english =
        HeaderResolver.resolve(
            1,
            List.of("orgId", "name", "gender", "birthDate", "idNumber", "stage", "duesCategory"),
            MemberColumn.values());
    assertThat(english.display(MemberColumn.ID_NUMBER)).isEqualTo("idNumber");
    assertThat(english.display(MemberColumn.JOIN_DATE)).isEqualTo("入党日期");
  }

  @Test
  void unknownColumnIsNamed() {
    ResolvedHeader<MemberColumn> header =
        HeaderResolver.resolve(1, concat(CHINESE, "籍贯"), MemberColumn.values());
    assertThat(header.issues())
        .singleElement()
        .satisfies(
            issue -> {
              assertThat(issue.column()).isEqualTo("籍贯");
              assertThat(issue.rule()).isEqualTo("unknown-column");
            });
  }

  @Test
  void missingRequiredColumnIsNamedButOptionalOnesMayBeLeftOut() {
    ResolvedHeader<MemberColumn> header =
        HeaderResolver.resolve(
            1, List.of("所在组织ID", "姓名", "性别", "出生日期", "发展阶段", "党费类别"), MemberColumn.values());
    assertThat(header.issues())
        .singleElement()
        .satisfies(
            issue -> {
              assertThat(issue.column()).isEqualTo("身份证号");
              assertThat(issue.rule()).isEqualTo("missing-column");
            });
  }

  @Test
  void sameColumnTwiceIsRefused() {
    ResolvedHeader<MemberColumn> header =
        HeaderResolver.resolve(1, concat(CHINESE, "name"), MemberColumn.values());
    assertThat(header.issues()).extracting(HeaderIssue::rule).containsExactly("duplicate-column");
  }

  @Test
  void requiredMarkersBomsAliasesAndBlankHeadersAreTolerated() {
    List<String> header =
        List.of("\uFEFF所在组织ID*", "*姓名", "性别", "出生日期", "身份证号码", "发展阶段", "党费类别", "", "  ");
    ResolvedHeader<MemberColumn> resolved =
        HeaderResolver.resolve(1, header, MemberColumn.values());
    assertThat(resolved.issues()).isEmpty();
    RawRow row = new RawRow(2, List.of("x", " 张三 ", "男", "", "110", "", "", "", ""));
    assertThat(resolved.value(row, MemberColumn.NAME)).isEqualTo("张三");
    assertThat(resolved.value(row, MemberColumn.ETHNICITY)).isNull();
    assertThat(resolved.value(row, MemberColumn.ID_NUMBER)).isEqualTo("110");
  }

  private static List<String> concat(List<String> list, String extra) {
    return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(extra))
        .toList();
  }
}
