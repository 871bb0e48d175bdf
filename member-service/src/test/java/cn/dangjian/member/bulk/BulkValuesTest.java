package cn.dangjian.member.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.events.member.Affiliation;
import cn.dangjian.events.member.EducationLevel;
import cn.dangjian.events.member.Occupation;
import cn.dangjian.events.member.UnitType;
import cn.dangjian.member.org.OrgType;
import cn.dangjian.member.person.DuesCategory;
import cn.dangjian.member.person.Gender;
import cn.dangjian.member.person.MemberStage;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BulkValuesTest {

  private static final LocalDate MARCH_7 = LocalDate.of(1990, 3, 7);

  @Test
  void datesAcceptIsoSlashDotCompactAndChineseForms() {
    assertThat(BulkValues.date("1990-03-07")).isEqualTo(MARCH_7);
    assertThat(BulkValues.date("1990-3-7")).isEqualTo(MARCH_7);
    assertThat(BulkValues.date("1990/3/7")).isEqualTo(MARCH_7);
    assertThat(BulkValues.date("1990.03.07")).isEqualTo(MARCH_7);
    assertThat(BulkValues.date("19900307")).isEqualTo(MARCH_7);
    assertThat(BulkValues.date("1990年3月7日")).isEqualTo(MARCH_7);
    assertThat(BulkValues.date(" 1990/03/07 00:00:00 ")).isEqualTo(MARCH_7);
  }

  @Test
  void impossibleDatesAreInvalidNotRolledOver() {
    assertThatThrownBy(() -> BulkValues.date("2023-02-29"))
        .isInstanceOfSatisfying(
            ValueException.class, e -> assertThat(e.rule()).isEqualTo("invalid-date"));
    assertThatThrownBy(() -> BulkValues.date("07/03/1990")).isInstanceOf(ValueException.class);
  }

  @Test
  void blankCellsAreAbsentValues() {
    assertThat(BulkValues.date("  ")).isNull();
    assertThat(BulkValues.gender("")).isNull();
    assertThat(BulkValues.text(" \t")).isNull();
    assertThat(BulkValues.text(" 张三 ")).isEqualTo("张三");
  }

  @Test
  void genderAcceptsChineseAndEnumNames() {
    assertThat(BulkValues.gender("男")).isEqualTo(Gender.MALE);
    assertThat(BulkValues.gender("女")).isEqualTo(Gender.FEMALE);
    assertThat(BulkValues.gender("female")).isEqualTo(Gender.FEMALE);
    assertThat(BulkValues.gender("MALE")).isEqualTo(Gender.MALE);
  }

  @Test
  void stageAndDuesCategoryAcceptLabelsAndEnumNames() {
    assertThat(BulkValues.stage("正式党员")).isEqualTo(MemberStage.FULL);
    assertThat(BulkValues.stage("入党积极分子")).isEqualTo(MemberStage.ACTIVIST);
    assertThat(BulkValues.stage("PROBATIONARY")).isEqualTo(MemberStage.PROBATIONARY);
    assertThat(BulkValues.duesCategory("离退休")).isEqualTo(DuesCategory.RETIRED);
    assertThat(BulkValues.duesCategory("student")).isEqualTo(DuesCategory.STUDENT);
    assertThat(BulkValues.orgType("党支部")).isEqualTo(OrgType.BRANCH);
    assertThat(BulkValues.orgType("JOINT_BRANCH")).isEqualTo(OrgType.JOINT_BRANCH);
  }

  @Test
  void unknownChoiceNamesTheAllowedValues() {
    assertThatThrownBy(() -> BulkValues.stage("党员"))
        .isInstanceOfSatisfying(
            ValueException.class,
            e -> {
              Issue issue = e.toIssue(MemberColumn.STAGE);
              assertThat(issue.rule()).isEqualTo("invalid-value");
              assertThat(issue.args()[1].toString()).contains("正式党员").contains("入党申请人");
            });
  }

  @Test
  void orgIdsMustBeFullUuids() {
    UUID id = UUID.randomUUID();
    assertThat(BulkValues.uuid(" " + id + " ")).isEqualTo(id);
    assertThatThrownBy(() -> BulkValues.uuid("1-2-3-4-5"))
        .isInstanceOfSatisfying(
            ValueException.class, e -> assertThat(e.rule()).isEqualTo("invalid-id"));
  }

  @Test
  void phonesLoseBlanksHyphensAndCountryCode() {
    assertThat(BulkValues.phone("138 1234 5678")).isEqualTo("13812345678");
    assertThat(BulkValues.phone("138-1234-5678")).isEqualTo("13812345678");
    assertThat(BulkValues.phone("+86 13812345678")).isEqualTo("13812345678");
    assertThat(BulkValues.phone("8613812345678")).isEqualTo("13812345678");
  }

  @Test
  void idNumbersLoseBlanksAndUpperCaseTheCheckLetter() {
    assertThat(BulkValues.idNumber(" 11010519900307123x ")).isEqualTo("11010519900307123X");
    assertThat(BulkValues.idNumber("110105 19900307 123X")).isEqualTo("11010519900307123X");
  }

  @Test
  void classificationsAcceptTheLabelTheCodeOrACommonShortForm() {
    assertThat(BulkValues.occupation("工人")).isEqualTo(Occupation.WORKER);
    assertThat(BulkValues.occupation("farmer_herder_fisher"))
        .isEqualTo(Occupation.FARMER_HERDER_FISHER);
    assertThat(BulkValues.occupation("农民")).isEqualTo(Occupation.FARMER_HERDER_FISHER);
    assertThat(BulkValues.occupation("企事业单位、民办非企业单位专业技术人员")).isEqualTo(Occupation.PROFESSIONAL);
    assertThat(BulkValues.occupation("公务员")).isEqualTo(Occupation.PUBLIC_SERVANT);
    assertThat(BulkValues.educationLevel("大学本科")).isEqualTo(EducationLevel.UNDERGRADUATE);
    assertThat(BulkValues.educationLevel("JUNIOR_COLLEGE"))
        .isEqualTo(EducationLevel.JUNIOR_COLLEGE);
    assertThat(BulkValues.educationLevel("硕士")).isEqualTo(EducationLevel.POSTGRADUATE);
    assertThat(BulkValues.unitType("行政村")).isEqualTo(UnitType.ADMINISTRATIVE_VILLAGE);
    assertThat(BulkValues.unitType("社区（居委会）")).isEqualTo(UnitType.COMMUNITY);
    assertThat(BulkValues.unitType("国企")).isEqualTo(UnitType.STATE_OWNED_ENTERPRISE);
    assertThat(BulkValues.affiliation("县（市、区、旗）")).isEqualTo(Affiliation.COUNTY);
    assertThat(BulkValues.affiliation("县")).isEqualTo(Affiliation.COUNTY);
    assertThat(BulkValues.affiliation("central")).isEqualTo(Affiliation.CENTRAL);
    assertThat(BulkValues.occupation(" ")).isNull();
    assertThat(BulkValues.educationLevel(null)).isNull();
  }

  @Test
  void anUnknownClassificationNamesTheLabelsAllowed() {
    assertThatThrownBy(() -> BulkValues.occupation("宇航员"))
        .isInstanceOfSatisfying(
            ValueException.class,
            e -> {
              assertThat(e.rule()).isEqualTo("invalid-value");
              assertThat(java.util.Arrays.toString(e.toIssue(MemberColumn.OCCUPATION).args()))
                  .contains("工人", "离退休人员");
            });
    assertThatThrownBy(() -> BulkValues.educationLevel("大学")).isInstanceOf(ValueException.class);
    assertThatThrownBy(() -> BulkValues.unitType("工厂")).isInstanceOf(ValueException.class);
    assertThatThrownBy(() -> BulkValues.affiliation("村")).isInstanceOf(ValueException.class);
  }

  @Test
  void anExportWritesClassificationLabelsAndLeavesUnspecifiedEmpty() {
    assertThat(BulkValues.classificationLabel(Occupation.RETIRED)).isEqualTo("离退休人员");
    assertThat(BulkValues.classificationLabel(Occupation.UNSPECIFIED)).isNull();
    assertThat(BulkValues.classificationLabel(Affiliation.TOWNSHIP)).isEqualTo("乡镇、街道");
  }
}
