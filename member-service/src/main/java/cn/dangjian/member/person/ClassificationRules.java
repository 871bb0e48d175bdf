package cn.dangjian.member.person;

import cn.dangjian.events.member.EducationLevel;
import cn.dangjian.events.member.Occupation;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The 党内统计 classifications of a member's record: the education level read from the free-text 学历,
 * what an update does to the codes the request leaves out, and which changes the statistics must
 * hear about ({@code member.classified}).
 */
public final class ClassificationRules {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT);

  /** Checked in this order; the first group one of whose words the text contains wins. */
  private static final List<Group> EDUCATION_WORDS =
      List.of(
          new Group(EducationLevel.POSTGRADUATE, "研究生", "硕士", "博士"),
          new Group(EducationLevel.UNDERGRADUATE, "本科", "学士"),
          new Group(EducationLevel.JUNIOR_COLLEGE, "大专", "专科"),
          new Group(EducationLevel.SECONDARY_VOCATIONAL, "中专", "中技", "职高"),
          new Group(EducationLevel.HIGH_SCHOOL, "高中"),
          new Group(EducationLevel.JUNIOR_HIGH_OR_BELOW, "初中", "小学"));

  private record Group(EducationLevel level, String... words) {}

  private ClassificationRules() {}

  /**
   * The education level a free-text 学历 stands for (研究生/硕士/博士, 本科/学士, 大专/专科, 中专/中技/职高, 高中, 初中/小学);
   * anything else, or nothing, is {@link EducationLevel#UNSPECIFIED}. The same CASE classified the
   * records that existed before the codes (V18__statistics_classifications.sql).
   */
  public static EducationLevel educationLevel(String education) {
    if (education == null || education.isBlank()) {
      return EducationLevel.UNSPECIFIED;
    }
    for (Group group : EDUCATION_WORDS) {
      for (String word : group.words()) {
        if (education.contains(word)) {
          return group.level();
        }
      }
    }
    return EducationLevel.UNSPECIFIED;
  }

  /** A registration: the level given, else the one the free text stands for. */
  public static EducationLevel registeredLevel(EducationLevel given, String education) {
    return given != null ? given : educationLevel(education);
  }

  /**
   * An update: the level given; else, when the free text changed, the level it stands for; else the
   * level kept (so a client that does not know the code never erases one set by hand).
   */
  public static EducationLevel updatedLevel(
      EducationLevel given, String newEducation, String oldEducation, EducationLevel oldLevel) {
    if (given != null) {
      return given;
    }
    if (!Objects.equals(blankToNull(newEducation), blankToNull(oldEducation))) {
      return educationLevel(newEducation);
    }
    return oldLevel;
  }

  /** An update: the occupation given, else the one kept. A registration without one: 未填. */
  public static Occupation occupation(Occupation given, Occupation kept) {
    if (given != null) {
      return given;
    }
    return kept == null ? Occupation.UNSPECIFIED : kept;
  }

  /** 职务: absent keeps what was there, a blank value clears it. */
  public static String post(String given, String kept) {
    if (given == null) {
      return kept;
    }
    return blankToNull(given);
  }

  /**
   * Whether a change of the record is one the statistics count by: gender, ethnicity, birth date,
   * education level or occupation (not the name, the free texts, the post or the dues category).
   */
  public static boolean changesClassification(Member.Profile before, Member.Profile after) {
    return before.gender() != after.gender()
        || !Objects.equals(before.ethnicity(), after.ethnicity())
        || !Objects.equals(before.birthDate(), after.birthDate())
        || before.educationLevel() != after.educationLevel()
        || before.occupation() != after.occupation();
  }

  /** The birth month the statistics count ages by, {@code yyyy-MM}; null without a birth date. */
  public static String birthMonth(LocalDate birthDate) {
    return birthDate == null ? null : MONTH.format(birthDate);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
