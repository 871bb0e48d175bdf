package cn.dangjian.member.person;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.events.member.EducationLevel;
import cn.dangjian.events.member.Occupation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ClassificationRulesTest {

  private static Member.Profile profile(
      Gender gender, String ethnicity, EducationLevel level, Occupation occupation, String post) {
    return new Member.Profile(
        "李红",
        gender,
        ethnicity,
        LocalDate.of(1990, 3, 7),
        "本科",
        "县农业局",
        DuesCategory.EMPLOYED,
        level,
        occupation,
        post);
  }

  @Test
  void freeTextEducationIsGroupedAsTheStatisticsCountIt() {
    assertThat(ClassificationRules.educationLevel("硕士研究生")).isEqualTo(EducationLevel.POSTGRADUATE);
    assertThat(ClassificationRules.educationLevel("博士")).isEqualTo(EducationLevel.POSTGRADUATE);
    assertThat(ClassificationRules.educationLevel("在职研究生")).isEqualTo(EducationLevel.POSTGRADUATE);
    assertThat(ClassificationRules.educationLevel("大学本科")).isEqualTo(EducationLevel.UNDERGRADUATE);
    assertThat(ClassificationRules.educationLevel("学士")).isEqualTo(EducationLevel.UNDERGRADUATE);
    assertThat(ClassificationRules.educationLevel("大专")).isEqualTo(EducationLevel.JUNIOR_COLLEGE);
    assertThat(ClassificationRules.educationLevel("大学专科")).isEqualTo(EducationLevel.JUNIOR_COLLEGE);
    assertThat(ClassificationRules.educationLevel("中专"))
        .isEqualTo(EducationLevel.SECONDARY_VOCATIONAL);
    assertThat(ClassificationRules.educationLevel("中技"))
        .isEqualTo(EducationLevel.SECONDARY_VOCATIONAL);
    assertThat(ClassificationRules.educationLevel("职高"))
        .isEqualTo(EducationLevel.SECONDARY_VOCATIONAL);
    assertThat(ClassificationRules.educationLevel("高中")).isEqualTo(EducationLevel.HIGH_SCHOOL);
    assertThat(ClassificationRules.educationLevel("初中"))
        .isEqualTo(EducationLevel.JUNIOR_HIGH_OR_BELOW);
    assertThat(ClassificationRules.educationLevel("小学"))
        .isEqualTo(EducationLevel.JUNIOR_HIGH_OR_BELOW);
  }

  @Test
  void aTextNamingTwoLevelsCountsAsTheFirstGroupInOrder() {
    assertThat(ClassificationRules.educationLevel("本科学士")).isEqualTo(EducationLevel.UNDERGRADUATE);
    assertThat(ClassificationRules.educationLevel("研究生（本科学历）"))
        .isEqualTo(EducationLevel.POSTGRADUATE);
    assertThat(ClassificationRules.educationLevel("高中（中专）"))
        .isEqualTo(EducationLevel.SECONDARY_VOCATIONAL);
  }

  @Test
  void unknownOrMissingEducationIsUnspecified() {
    assertThat(ClassificationRules.educationLevel(null)).isEqualTo(EducationLevel.UNSPECIFIED);
    assertThat(ClassificationRules.educationLevel("  ")).isEqualTo(EducationLevel.UNSPECIFIED);
    assertThat(ClassificationRules.educationLevel("大学")).isEqualTo(EducationLevel.UNSPECIFIED);
    assertThat(ClassificationRules.educationLevel("bachelor"))
        .isEqualTo(EducationLevel.UNSPECIFIED);
  }

  @Test
  void registrationTakesTheGivenLevelElseClassifiesTheText() {
    assertThat(ClassificationRules.registeredLevel(EducationLevel.HIGH_SCHOOL, "硕士"))
        .isEqualTo(EducationLevel.HIGH_SCHOOL);
    assertThat(ClassificationRules.registeredLevel(null, "硕士"))
        .isEqualTo(EducationLevel.POSTGRADUATE);
    assertThat(ClassificationRules.registeredLevel(null, null))
        .isEqualTo(EducationLevel.UNSPECIFIED);
  }

  @Test
  void updateWithoutALevelKeepsItUnlessTheTextChanged() {
    assertThat(ClassificationRules.updatedLevel(null, "大学", "大学", EducationLevel.UNDERGRADUATE))
        .as("a client unaware of the code keeps the level set by hand")
        .isEqualTo(EducationLevel.UNDERGRADUATE);
    assertThat(ClassificationRules.updatedLevel(null, "硕士", "本科", EducationLevel.UNDERGRADUATE))
        .isEqualTo(EducationLevel.POSTGRADUATE);
    assertThat(
            ClassificationRules.updatedLevel(
                EducationLevel.JUNIOR_COLLEGE, "硕士", "本科", EducationLevel.UNDERGRADUATE))
        .isEqualTo(EducationLevel.JUNIOR_COLLEGE);
    assertThat(ClassificationRules.updatedLevel(null, " 本科 ", "本科", EducationLevel.HIGH_SCHOOL))
        .as("blanks around the same text are no change")
        .isEqualTo(EducationLevel.HIGH_SCHOOL);
  }

  @Test
  void absentOccupationKeepsTheOldOneOrIsUnspecified() {
    assertThat(ClassificationRules.occupation(null, Occupation.WORKER))
        .isEqualTo(Occupation.WORKER);
    assertThat(ClassificationRules.occupation(null, null)).isEqualTo(Occupation.UNSPECIFIED);
    assertThat(ClassificationRules.occupation(Occupation.STUDENT, Occupation.WORKER))
        .isEqualTo(Occupation.STUDENT);
  }

  @Test
  void absentPostIsKeptAndABlankOneCleared() {
    assertThat(ClassificationRules.post(null, "科员")).isEqualTo("科员");
    assertThat(ClassificationRules.post("", "科员")).isNull();
    assertThat(ClassificationRules.post(" 村党组织书记 ", "科员")).isEqualTo("村党组织书记");
  }

  @Test
  void onlyWhatTheStatisticsCountByIsAClassificationChange() {
    Member.Profile base =
        profile(Gender.FEMALE, "汉族", EducationLevel.UNDERGRADUATE, Occupation.WORKER, "科员");
    assertThat(
            ClassificationRules.changesClassification(
                base,
                profile(Gender.MALE, "汉族", EducationLevel.UNDERGRADUATE, Occupation.WORKER, "科员")))
        .isTrue();
    assertThat(
            ClassificationRules.changesClassification(
                base,
                profile(
                    Gender.FEMALE, "壮族", EducationLevel.UNDERGRADUATE, Occupation.WORKER, "科员")))
        .isTrue();
    assertThat(
            ClassificationRules.changesClassification(
                base,
                profile(Gender.FEMALE, "汉族", EducationLevel.POSTGRADUATE, Occupation.WORKER, "科员")))
        .isTrue();
    assertThat(
            ClassificationRules.changesClassification(
                base,
                profile(
                    Gender.FEMALE, "汉族", EducationLevel.UNDERGRADUATE, Occupation.RETIRED, "科员")))
        .isTrue();
    assertThat(
            ClassificationRules.changesClassification(
                base,
                profile(
                    Gender.FEMALE, "汉族", EducationLevel.UNDERGRADUATE, Occupation.WORKER, "科长")))
        .as("the post is not counted")
        .isFalse();
    assertThat(ClassificationRules.changesClassification(base, base)).isFalse();
  }

  @Test
  void birthMonthIsYearAndMonth() {
    assertThat(ClassificationRules.birthMonth(LocalDate.of(1990, 3, 7))).isEqualTo("1990-03");
    assertThat(ClassificationRules.birthMonth(null)).isNull();
  }
}
