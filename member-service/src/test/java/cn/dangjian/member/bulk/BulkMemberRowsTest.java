package cn.dangjian.member.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.member.bulk.RawTable.RawRow;
import cn.dangjian.member.person.MemberRequests.RegisterMember;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.privacy.ChineseIdNumber;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BulkMemberRowsTest {

  static final String ID = ChineseIdNumber.withCheckDigit("11010519900307123");
  static final String ID_2 = ChineseIdNumber.withCheckDigit("11010519900307456");
  static final String ORG = UUID.randomUUID().toString();
  static final List<String> HEADER =
      List.of(
          "所在组织ID", "姓名", "性别", "民族", "出生日期", "身份证号", "手机号", "学历", "工作单位", "发展阶段", "党费类别", "入党日期",
          "转正日期");

  static jakarta.validation.ValidatorFactory factory;
  static Validator validator;
  final ResolvedHeader<MemberColumn> header =
      HeaderResolver.resolve(1, HEADER, MemberColumn.values());

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  private static RawRow row(int number, String... cells) {
    return new RawRow(number, List.of(cells));
  }

  private static RawRow valid(int number, String id) {
    return row(
        number,
        ORG,
        "李红",
        "女",
        "汉族",
        "1990/3/7",
        id,
        "138 1234 5678",
        "本科",
        "县供电公司",
        "正式党员",
        "在职",
        "2019-07-01",
        "2020年7月1日");
  }

  @Test
  void rowInChineseFormsBecomesTheApiRequest() {
    RowState<RegisterMember> state = MemberRows.map(valid(2, ID.toLowerCase()), header, validator);
    assertThat(state.issues()).isEmpty();
    RegisterMember request = state.request();
    assertThat(request.orgId()).hasToString(ORG);
    assertThat(request.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
    assertThat(request.idNumber()).isEqualTo(ID);
    assertThat(request.phone()).isEqualTo("13812345678");
    assertThat(request.stage()).isEqualTo(MemberStage.FULL);
    assertThat(request.fullMemberDate()).isEqualTo(LocalDate.of(2020, 7, 1));
  }

  @Test
  void unconvertibleCellReportsItsOwnRuleNotAlsoRequired() {
    RowState<RegisterMember> state =
        MemberRows.map(
            row(3, ORG, "李红", "未知", "", "1990-02-30", ID, "", "", "", "正式党员", "在职", "", ""),
            header,
            validator);
    assertThat(state.valid()).isFalse();
    assertThat(state.issues())
        .extracting(Issue::column, Issue::rule)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(MemberColumn.GENDER, "invalid-value"),
            org.assertj.core.groups.Tuple.tuple(MemberColumn.BIRTH_DATE, "invalid-date"));
  }

  @Test
  void apiConstraintsNameTheColumnAndARule() {
    RowState<RegisterMember> state =
        MemberRows.map(
            row(
                4,
                "",
                "",
                "男",
                "",
                "1990-03-07",
                ID.substring(0, 17) + "0",
                "12345",
                "",
                "",
                "正式党员",
                "在职",
                "",
                ""),
            header,
            validator);
    assertThat(state.issues())
        .extracting(Issue::column, Issue::rule)
        .contains(
            org.assertj.core.groups.Tuple.tuple(MemberColumn.ORG_ID, "required"),
            org.assertj.core.groups.Tuple.tuple(MemberColumn.NAME, "required"),
            org.assertj.core.groups.Tuple.tuple(MemberColumn.ID_NUMBER, "invalid-id-number"),
            org.assertj.core.groups.Tuple.tuple(MemberColumn.PHONE, "invalid-format"));
  }

  @Test
  void sameIdNumberTwiceInAFileRejectsEveryCopy() {
    List<RowState<RegisterMember>> rows = new ArrayList<>();
    rows.add(MemberRows.map(valid(2, ID), header, validator));
    rows.add(MemberRows.map(valid(3, ID_2), header, validator));
    rows.add(MemberRows.map(valid(4, " " + ID.toLowerCase()), header, validator));
    MemberRows.rejectDuplicateIdNumbers(rows);
    assertThat(rows.get(0).valid()).isFalse();
    assertThat(rows.get(1).valid()).isTrue();
    assertThat(rows.get(2).issues())
        .singleElement()
        .satisfies(
            issue -> {
              assertThat(issue.rule()).isEqualTo("duplicate-in-file");
              assertThat(issue.column()).isEqualTo(MemberColumn.ID_NUMBER);
              assertThat(issue.args()).containsExactly("2");
            });
  }
}
