package cn.dangjian.member.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.member.bulk.RawTable.RawRow;
import cn.dangjian.member.org.OrgType;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BulkOrgRowsTest {

  static ValidatorFactory factory;
  static Validator validator;
  final ResolvedHeader<OrgColumn> header =
      HeaderResolver.resolve(
          1, List.of("临时编号", "上级临时编号", "上级组织ID", "组织名称", "组织类型"), OrgColumn.values());

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  private List<RowState<OrgRow>> rows(String[]... cells) {
    List<RowState<OrgRow>> rows = new ArrayList<>();
    int number = 2;
    for (String[] row : cells) {
      rows.add(OrgRows.map(new RawRow(number++, List.of(row)), header, validator));
    }
    OrgRows.checkKeys(rows);
    return rows;
  }

  private static String[] row(String... cells) {
    return cells;
  }

  @Test
  void subtreeRowsNameTheirParentByAnEarlierRowsKey() {
    String committee = UUID.randomUUID().toString();
    var rows =
        rows(
            row("A", "", committee, "城关镇第一党总支", "党总支"),
            row("A1", "A", "", "第一党支部", "党支部"),
            row("", "A1", "", "第一党小组", "PARTY_GROUP"));
    assertThat(rows).allSatisfy(r -> assertThat(r.valid()).isTrue());
    assertThat(rows.get(0).request().parentId()).hasToString(committee);
    assertThat(rows.get(2).request().parentKey()).isEqualTo("A1");
    assertThat(rows.get(2).request().type()).isEqualTo(OrgType.PARTY_GROUP);
  }

  @Test
  void parentMustComeEarlierInTheFile() {
    var rows = rows(row("B", "A", "", "支部", "党支部"), row("A", "", "", "党委", "党委"));
    assertThat(rows.get(0).issues())
        .singleElement()
        .satisfies(
            issue -> {
              assertThat(issue.rule()).isEqualTo("parent-key-below");
              assertThat(issue.column()).isEqualTo(OrgColumn.PARENT_KEY);
            });
    assertThat(rows.get(1).valid()).isTrue();
  }

  @Test
  void unknownParentKeyIsReported() {
    var rows = rows(row("B", "Z", "", "支部", "党支部"));
    assertThat(rows.get(0).issues()).extracting(Issue::rule).containsExactly("unknown-parent-key");
  }

  @Test
  void duplicateTemporaryKeysRejectEveryCopy() {
    var rows = rows(row("A", "", "", "甲", "党委"), row("A", "", "", "乙", "党委"));
    assertThat(rows)
        .allSatisfy(r -> assertThat(r.issues()).extracting(Issue::rule).contains("duplicate-key"));
  }

  @Test
  void parentGivenTwiceIsRefused() {
    var rows =
        rows(row("A", "", "", "甲", "党委"), row("B", "A", UUID.randomUUID().toString(), "乙", "党支部"));
    assertThat(rows.get(1).issues()).extracting(Issue::rule).containsExactly("parent-given-twice");
  }

  @Test
  void nameAndTypeFollowTheApiConstraints() {
    var rows = rows(row("", "", "", "", "党部"), row("", "", "", "x".repeat(101), "党支部"));
    assertThat(rows.get(0).issues())
        .extracting(Issue::column, Issue::rule)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(OrgColumn.NAME, "required"),
            org.assertj.core.groups.Tuple.tuple(OrgColumn.TYPE, "invalid-value"));
    assertThat(rows.get(1).issues())
        .extracting(Issue::column, Issue::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(OrgColumn.NAME, "too-long"));
  }
}
