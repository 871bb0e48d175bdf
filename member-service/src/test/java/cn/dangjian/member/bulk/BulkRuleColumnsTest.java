package cn.dangjian.member.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.member.person.DuesCategory;
import cn.dangjian.member.person.Gender;
import cn.dangjian.member.person.MemberRequests.RegisterMember;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.platform.problem.ProblemException;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BulkRuleColumnsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private static RegisterMember member(LocalDate join, LocalDate full) {
    return new RegisterMember(
        UUID.randomUUID(),
        "李红",
        Gender.FEMALE,
        null,
        LocalDate.of(1990, 3, 7),
        "x",
        null,
        null,
        null,
        MemberStage.FULL,
        DuesCategory.EMPLOYED,
        join,
        full,
        null,
        null,
        null);
  }

  @Test
  void serviceRulesPointAtTheColumnToChange() {
    RegisterMember r = member(LocalDate.of(2019, 7, 1), LocalDate.of(2020, 7, 1));
    assertThat(RuleColumns.forMember("probation-one-to-two-years", r, TODAY))
        .isEqualTo(MemberColumn.FULL_MEMBER_DATE);
    assertThat(RuleColumns.forMember("org-cannot-hold-members", r, TODAY))
        .isEqualTo(MemberColumn.ORG_ID);
    assertThat(RuleColumns.forMember("org-not-found", r, TODAY)).isEqualTo(MemberColumn.ORG_ID);
    assertThat(RuleColumns.forMember("member-must-be-adult", r, TODAY))
        .isEqualTo(MemberColumn.BIRTH_DATE);
    assertThat(RuleColumns.forMember("duplicate-id-number", r, TODAY))
        .isEqualTo(MemberColumn.ID_NUMBER);
    assertThat(RuleColumns.forMember("some-future-rule", r, TODAY)).isNull();
  }

  @Test
  void dateInTheFutureNamesTheDateThatIs() {
    RegisterMember r = member(LocalDate.of(2019, 7, 1), LocalDate.of(2027, 1, 1));
    assertThat(RuleColumns.forMember("date-in-future", r, TODAY))
        .isEqualTo(MemberColumn.FULL_MEMBER_DATE);
  }

  @Test
  void orgRulesPointAtTypeOrTheParentColumnUsed() {
    OrgRow byKey = new OrgRow("B", "A", null, "支部", null, null, null);
    OrgRow byId = new OrgRow("B", null, UUID.randomUUID(), "支部", null, null, null);
    assertThat(RuleColumns.forOrg("child-type-not-allowed", byId)).isEqualTo(OrgColumn.TYPE);
    assertThat(RuleColumns.forOrg("parent-dissolved", byKey)).isEqualTo(OrgColumn.PARENT_KEY);
    assertThat(RuleColumns.forOrg("org-not-found", byId)).isEqualTo(OrgColumn.PARENT_ID);
  }

  @Test
  void ruleOfAProblemIsItsRulePropertyOrItsMessageKey() {
    assertThat(RuleColumns.ruleOf(ProblemException.businessRule("tree-too-deep", "k")))
        .isEqualTo("tree-too-deep");
    assertThat(RuleColumns.ruleOf(ProblemException.conflict("member.duplicate-id-number")))
        .isEqualTo("duplicate-id-number");
    assertThat(RuleColumns.ruleOf(ProblemException.notFound("org.not-found", "x")))
        .isEqualTo("org-not-found");
    assertThat(RuleColumns.ruleOf(ProblemException.forbidden("org.root-needs-platform-admin")))
        .isEqualTo("root-needs-platform-admin");
  }
}
