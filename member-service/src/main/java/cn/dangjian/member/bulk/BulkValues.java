package cn.dangjian.member.bulk;

import cn.dangjian.events.member.Affiliation;
import cn.dangjian.events.member.EducationLevel;
import cn.dangjian.events.member.Occupation;
import cn.dangjian.events.member.UnitType;
import cn.dangjian.member.org.OrgType;
import cn.dangjian.member.person.ClassificationRules;
import cn.dangjian.member.person.DuesCategory;
import cn.dangjian.member.person.Gender;
import cn.dangjian.member.person.MemberStage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How cell text becomes a value and a value becomes cell text. Plain rules, no Spring: what people
 * type into a roster (Chinese labels, several date styles, phone numbers with blanks) is accepted
 * as well as the API's own forms (ISO dates, enum names).
 */
public final class BulkValues {

  /** yyyy-MM-dd, yyyy/M/d, yyyy.M.d, yyyyMMdd, yyyy年M月d日 (strict: no 2月30日). */
  private static final List<DateTimeFormatter> DATE_FORMATS =
      List.of(
          strict("uuuu-M-d"),
          strict("uuuu/M/d"),
          strict("uuuu.M.d"),
          strict("uuuuMMdd"),
          strict("uuuu年M月d日"));

  /** A date followed by a time of day, as spreadsheets sometimes write dates. */
  private static final Pattern DATE_WITH_TIME =
      Pattern.compile("^(\\S+)[ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$");

  private static final Map<String, Gender> GENDERS = new LinkedHashMap<>();
  private static final Map<String, MemberStage> STAGES = new LinkedHashMap<>();
  private static final Map<String, DuesCategory> DUES = new LinkedHashMap<>();
  private static final Map<String, OrgType> ORG_TYPES = new LinkedHashMap<>();
  private static final Map<String, Occupation> OCCUPATIONS = new LinkedHashMap<>();
  private static final Map<String, EducationLevel> EDUCATION_LEVELS = new LinkedHashMap<>();
  private static final Map<String, UnitType> UNIT_TYPES = new LinkedHashMap<>();
  private static final Map<String, Affiliation> AFFILIATIONS = new LinkedHashMap<>();

  static {
    GENDERS.put("男", Gender.MALE);
    GENDERS.put("女", Gender.FEMALE);
    GENDERS.put("男性", Gender.MALE);
    GENDERS.put("女性", Gender.FEMALE);
    GENDERS.put("m", Gender.MALE);
    GENDERS.put("f", Gender.FEMALE);
    for (Gender g : Gender.values()) {
      GENDERS.put(key(g.name()), g);
    }
    for (MemberStage s : MemberStage.values()) {
      STAGES.put(s.label(), s);
      STAGES.put(key(s.name()), s);
    }
    STAGES.put("积极分子", MemberStage.ACTIVIST);
    STAGES.put("申请人", MemberStage.APPLICANT);
    for (DuesCategory d : DuesCategory.values()) {
      DUES.put(d.label(), d);
      DUES.put(key(d.name()), d);
    }
    DUES.put("灵活就业", DuesCategory.SELF_EMPLOYED);
    DUES.put("个体", DuesCategory.SELF_EMPLOYED);
    DUES.put("退休", DuesCategory.RETIRED);
    DUES.put("离休", DuesCategory.RETIRED);
    DUES.put("低保", DuesCategory.LOW_INCOME);
    DUES.put("困难", DuesCategory.LOW_INCOME);
    DUES.put("农民党员", DuesCategory.FARMER);
    for (OrgType t : OrgType.values()) {
      ORG_TYPES.put(t.label(), t);
      ORG_TYPES.put(key(t.name()), t);
    }
    ORG_TYPES.put("基层党委", OrgType.PARTY_COMMITTEE);
    ORG_TYPES.put("总支", OrgType.GENERAL_BRANCH);
    ORG_TYPES.put("支部", OrgType.BRANCH);
    for (Occupation o : Occupation.values()) {
      OCCUPATIONS.put(o.label(), o);
      OCCUPATIONS.put(key(o.name()), o);
    }
    OCCUPATIONS.put("农民", Occupation.FARMER_HERDER_FISHER);
    OCCUPATIONS.put("牧民", Occupation.FARMER_HERDER_FISHER);
    OCCUPATIONS.put("渔民", Occupation.FARMER_HERDER_FISHER);
    OCCUPATIONS.put("专业技术人员", Occupation.PROFESSIONAL);
    OCCUPATIONS.put("管理人员", Occupation.MANAGER);
    OCCUPATIONS.put("公务员", Occupation.PUBLIC_SERVANT);
    OCCUPATIONS.put("机关工作人员", Occupation.PUBLIC_SERVANT);
    OCCUPATIONS.put("离退休", Occupation.RETIRED);
    OCCUPATIONS.put("退休", Occupation.RETIRED);
    OCCUPATIONS.put("离休", Occupation.RETIRED);
    OCCUPATIONS.put("其他", Occupation.OTHER);
    for (EducationLevel e : EducationLevel.values()) {
      EDUCATION_LEVELS.put(e.label(), e);
      EDUCATION_LEVELS.put(key(e.name()), e);
    }
    for (UnitType u : UnitType.values()) {
      UNIT_TYPES.put(u.label(), u);
      UNIT_TYPES.put(key(u.name()), u);
    }
    UNIT_TYPES.put("机关", UnitType.PARTY_GOVERNMENT_ORGAN);
    UNIT_TYPES.put("国有企业", UnitType.STATE_OWNED_ENTERPRISE);
    UNIT_TYPES.put("国企", UnitType.STATE_OWNED_ENTERPRISE);
    UNIT_TYPES.put("民营企业", UnitType.NON_PUBLIC_ENTERPRISE);
    UNIT_TYPES.put("社区", UnitType.COMMUNITY);
    UNIT_TYPES.put("村", UnitType.ADMINISTRATIVE_VILLAGE);
    for (Affiliation a : Affiliation.values()) {
      AFFILIATIONS.put(a.label(), a);
      AFFILIATIONS.put(key(a.name()), a);
    }
    AFFILIATIONS.put("省", Affiliation.PROVINCIAL);
    AFFILIATIONS.put("省级", Affiliation.PROVINCIAL);
    AFFILIATIONS.put("市", Affiliation.PREFECTURAL);
    AFFILIATIONS.put("地市", Affiliation.PREFECTURAL);
    AFFILIATIONS.put("市级", Affiliation.PREFECTURAL);
    AFFILIATIONS.put("县", Affiliation.COUNTY);
    AFFILIATIONS.put("县级", Affiliation.COUNTY);
    AFFILIATIONS.put("乡镇", Affiliation.TOWNSHIP);
    AFFILIATIONS.put("街道", Affiliation.TOWNSHIP);
  }

  private BulkValues() {}

  private static DateTimeFormatter strict(String pattern) {
    return DateTimeFormatter.ofPattern(pattern, Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  private static String key(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }

  /** Blank cells are absent values; anything else loses its surrounding blanks. */
  public static String text(String raw) {
    if (raw == null) {
      return null;
    }
    String stripped = raw.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  public static LocalDate date(String raw) {
    String text = text(raw);
    if (text == null) {
      return null;
    }
    var withTime = DATE_WITH_TIME.matcher(text);
    String datePart = withTime.matches() ? withTime.group(1) : text;
    for (DateTimeFormatter format : DATE_FORMATS) {
      try {
        return LocalDate.parse(datePart, format);
      } catch (DateTimeParseException e) {
        // try the next style
      }
    }
    throw new ValueException("invalid-date", "bulk.value.invalid-date", text);
  }

  public static UUID uuid(String raw) {
    String text = text(raw);
    if (text == null) {
      return null;
    }
    if (text.length() == 36) {
      try {
        return UUID.fromString(text);
      } catch (IllegalArgumentException e) {
        // fall through
      }
    }
    throw new ValueException("invalid-id", "bulk.value.invalid-id", text);
  }

  public static Gender gender(String raw) {
    return choice(raw, GENDERS, List.of("男", "女"));
  }

  public static MemberStage stage(String raw) {
    return choice(raw, STAGES, labels(MemberStage.values()));
  }

  public static DuesCategory duesCategory(String raw) {
    return choice(raw, DUES, labels(DuesCategory.values()));
  }

  public static OrgType orgType(String raw) {
    return choice(raw, ORG_TYPES, labels(OrgType.values()));
  }

  /** 职业: the label, the code, or a common short form (农民, 公务员, 退休…). */
  public static Occupation occupation(String raw) {
    return choice(raw, OCCUPATIONS, labels(Occupation.values()));
  }

  /**
   * 学历类别: the label or the code; otherwise a 学历 text that classifies (硕士, 大学专科…) as the free-text
   * 学历 would.
   */
  public static EducationLevel educationLevel(String raw) {
    String text = text(raw);
    if (text != null && !EDUCATION_LEVELS.containsKey(key(text))) {
      EducationLevel classified = ClassificationRules.educationLevel(text);
      if (classified != EducationLevel.UNSPECIFIED) {
        return classified;
      }
    }
    return choice(raw, EDUCATION_LEVELS, labels(EducationLevel.values()));
  }

  /** 单位类型: the label, the code, or a common short form (国企, 社区, 村…). */
  public static UnitType unitType(String raw) {
    return choice(raw, UNIT_TYPES, labels(UnitType.values()));
  }

  /** 隶属关系: the label, the code, or a level (省, 市, 县, 乡镇, 街道). */
  public static Affiliation affiliation(String raw) {
    return choice(raw, AFFILIATIONS, labels(Affiliation.values()));
  }

  /** A classification as an export writes it: its label, or an empty cell for 未填. */
  public static String classificationLabel(Enum<?> code) {
    if (code == null || "UNSPECIFIED".equals(code.name())) {
      return null;
    }
    return labelOf(code);
  }

  /** ID numbers: no blanks anywhere, a lower-case check letter x upper-cased. */
  public static String idNumber(String raw) {
    String text = text(raw);
    return text == null ? null : text.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
  }

  /** Phones: blanks and hyphens dropped, a +86 / 86 country prefix removed. */
  public static String phone(String raw) {
    String text = text(raw);
    if (text == null) {
      return null;
    }
    String compact = text.replaceAll("[\\s\\-()（）]", "");
    if (compact.startsWith("+86")) {
      compact = compact.substring(3);
    } else if (compact.startsWith("86") && compact.length() == 13) {
      compact = compact.substring(2);
    }
    return compact;
  }

  public static String genderLabel(Gender gender) {
    if (gender == null) {
      return null;
    }
    return gender == Gender.MALE ? "男" : "女";
  }

  private static <E> E choice(String raw, Map<String, E> accepted, List<String> shown) {
    String text = text(raw);
    if (text == null) {
      return null;
    }
    E value = accepted.get(key(text));
    if (value == null) {
      throw new ValueException(
          "invalid-value", "bulk.value.not-allowed", text, String.join("、", shown));
    }
    return value;
  }

  private static List<String> labels(Enum<?>[] values) {
    List<String> labels = new ArrayList<>();
    for (Enum<?> value : values) {
      labels.add(labelOf(value));
    }
    return Collections.unmodifiableList(labels);
  }

  private static String labelOf(Enum<?> value) {
    if (value instanceof MemberStage s) {
      return s.label();
    } else if (value instanceof DuesCategory d) {
      return d.label();
    } else if (value instanceof OrgType t) {
      return t.label();
    } else if (value instanceof Occupation o) {
      return o.label();
    } else if (value instanceof EducationLevel e) {
      return e.label();
    } else if (value instanceof UnitType u) {
      return u.label();
    } else if (value instanceof Affiliation a) {
      return a.label();
    }
    return value.name();
  }
}
