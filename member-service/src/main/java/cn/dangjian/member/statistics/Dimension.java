package cn.dangjian.member.statistics;

import cn.dangjian.events.member.Affiliation;
import cn.dangjian.events.member.EducationLevel;
import cn.dangjian.events.member.Occupation;
import cn.dangjian.events.member.UnitType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures the statistics answer, with their Chinese labels and the order of their values in
 * tables. A stock is counted as of a month-end, a flow or an activity over months.
 */
enum Dimension {
  MEMBERS(Kind.MEMBER_STOCK, "党员总数", "MEMBERS", pairs("ALL", "党员")),
  GENDER(Kind.MEMBER_STOCK, "性别", "GENDER", pairs("MALE", "男", "FEMALE", "女", "UNSPECIFIED", "未填")),
  ETHNICITY(
      Kind.MEMBER_STOCK,
      "民族",
      "ETHNICITY",
      pairs("HAN", "汉族", "MINORITY", "少数民族", "UNSPECIFIED", "未填")),
  AGE_BAND(
      Kind.MEMBER_STOCK,
      "年龄",
      "BIRTH",
      pairs(
          "UP_TO_30",
          "30岁及以下",
          "31_35",
          "31至35岁",
          "36_40",
          "36至40岁",
          "41_45",
          "41至45岁",
          "46_50",
          "46至50岁",
          "51_55",
          "51至55岁",
          "56_60",
          "56至60岁",
          "61_70",
          "61至70岁",
          "71_PLUS",
          "71岁及以上",
          "UNSPECIFIED",
          "未填")),
  EDUCATION(Kind.MEMBER_STOCK, "学历", "EDUCATION", labels(EducationLevel.values())),
  OCCUPATION(Kind.MEMBER_STOCK, "职业", "OCCUPATION", labels(Occupation.values())),
  STAGE(Kind.MEMBER_STOCK, "正式/预备", "STAGE", pairs("FULL", "正式党员", "PROBATIONARY", "预备党员")),
  STANDING_BAND(
      Kind.MEMBER_STOCK,
      "党龄",
      "FULL_SINCE",
      pairs(
          "UP_TO_5",
          "5年及以下",
          "6_10",
          "6至10年",
          "11_20",
          "11至20年",
          "21_30",
          "21至30年",
          "31_40",
          "31至40年",
          "41_50",
          "41至50年",
          "51_PLUS",
          "51年及以上",
          "PROBATIONARY",
          "预备期",
          "UNSPECIFIED",
          "未填")),
  FLAG(Kind.MEMBER_STOCK, "其中：流动、失联", "FLAG", pairs("MOBILE", "流动党员", "LOST_CONTACT", "失联党员")),
  PIPELINE(
      Kind.MEMBER_STOCK,
      "入党申请人、积极分子、发展对象",
      "PIPELINE",
      pairs("APPLICANT", "入党申请人", "ACTIVIST", "入党积极分子", "DEVELOPMENT_TARGET", "发展对象")),
  SUSPENDED(Kind.MEMBER_STOCK, "停止党籍", "SUSPENDED", pairs("ALL", "停止党籍")),
  ORG_TYPE(
      Kind.ORG_STOCK,
      "组织类型",
      "ORG_TYPE",
      pairs(
          "PARTY_COMMITTEE",
          "党委",
          "GENERAL_BRANCH",
          "党总支",
          "BRANCH",
          "党支部",
          "JOINT_BRANCH",
          "联合党支部",
          "TEMPORARY_BRANCH",
          "临时党支部",
          "PARTY_GROUP",
          "党小组")),
  UNIT_TYPE(Kind.ORG_STOCK, "单位类型", "UNIT_TYPE", labels(UnitType.values())),
  AFFILIATION(Kind.ORG_STOCK, "隶属关系", "AFFILIATION", labels(Affiliation.values())),
  BRANCH_COMMITTEE(
      Kind.ORG_STOCK, "支部委员会", "BRANCH_COMMITTEE", pairs("WITH", "设支部委员会", "WITHOUT", "未设支部委员会")),
  ELECTION_DUE(Kind.ORG_STOCK, "应换届", "TERM_DUE", pairs("DUE", "任期届满应换届")),
  DEVELOPED(
      Kind.FLOW,
      "发展党员",
      "DEVELOPED",
      pairs("ALL", "发展党员", "FEMALE", "其中女性", "UNDER_35", "其中35岁及以下", "FRONT_LINE", "其中生产、工作一线")),
  CONVERTED(Kind.FLOW, "预备党员转正", "CONVERTED", pairs("ALL", "转正")),
  TRANSFERRED_IN(Kind.FLOW, "组织关系转入", "TRANSFERRED_IN", pairs("ALL", "转入")),
  TRANSFERRED_OUT(Kind.FLOW, "组织关系转出", "TRANSFERRED_OUT", pairs("ALL", "转出")),
  LEFT(
      Kind.FLOW,
      "减少党员",
      "LEFT",
      pairs(
          "DECEASED",
          "死亡",
          "WITHDRAWN",
          "退党",
          "PERSUADED_TO_QUIT",
          "劝退",
          "STRUCK_OFF",
          "除名",
          "EXPELLED",
          "开除党籍",
          "PROBATION_CANCELLED",
          "取消预备党员资格",
          "PROBATION_NOT_RETAINED",
          "不再保留预备党员资格")),
  MEETINGS(Kind.ACTIVITY, "组织生活会议次数", "MEETINGS", meetingTypes()),
  BRANCH_MEETING_MONTHS(Kind.ACTIVITY, "召开会议的支部·月数", "BRANCH_MEETING_MONTHS", meetingTypes()),
  DUES_BILLED_FEN(Kind.ACTIVITY, "应缴党费（分）", "DUES_BILLED_FEN", pairs("ALL", "应缴")),
  DUES_PAID_FEN(Kind.ACTIVITY, "实缴党费（分）", "DUES_PAID_FEN", pairs("ALL", "实缴")),
  ALERTS_RAISED(Kind.ACTIVITY, "预警发出", "ALERTS_RAISED", Map.of()),
  ALERTS_CLOSED(Kind.ACTIVITY, "预警办结", "ALERTS_CLOSED", Map.of()),
  ASSESSMENT_GRADE(
      Kind.ACTIVITY,
      "考核等次",
      "ASSESSMENT_GRADE",
      pairs("GOOD", "好", "FAIRLY_GOOD", "较好", "AVERAGE", "一般", "POOR", "差"));

  enum Kind {
    MEMBER_STOCK,
    ORG_STOCK,
    FLOW,
    ACTIVITY
  }

  private final Kind kind;
  private final String label;
  private final String stored;
  private final Map<String, String> valueLabels;

  Dimension(Kind kind, String label, String stored, Map<String, String> valueLabels) {
    this.kind = kind;
    this.label = label;
    this.stored = stored;
    this.valueLabels = valueLabels;
  }

  Kind kind() {
    return kind;
  }

  String label() {
    return label;
  }

  /** The dimension as stored in stat_cell (ages, 党龄 and 换届 are derived from months). */
  String stored() {
    return stored;
  }

  /** Values in table order (empty for open-ended ones such as alert rules). */
  List<String> codes() {
    return List.copyOf(valueLabels.keySet());
  }

  String valueLabel(String value) {
    return valueLabels.getOrDefault(value, value);
  }

  boolean knows(String value) {
    return valueLabels.isEmpty() || valueLabels.containsKey(value);
  }

  /** Derived from month values at query time rather than stored as they are shown. */
  boolean derived() {
    return !stored.equals(name());
  }

  static List<Dimension> of(Kind kind) {
    return Arrays.stream(values()).filter(d -> d.kind == kind).toList();
  }

  static Optional<Dimension> find(String name) {
    return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
  }

  private static Map<String, String> pairs(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static Map<String, String> meetingTypes() {
    return pairs(
        "BRANCH_GENERAL_MEETING",
        "支部党员大会",
        "COMMITTEE_MEETING",
        "支部委员会",
        "GROUP_MEETING",
        "党小组会",
        "PARTY_LECTURE",
        "党课",
        "THEMED_PARTY_DAY",
        "主题党日",
        "ORG_LIFE_MEETING",
        "组织生活会",
        "DEMOCRATIC_APPRAISAL",
        "民主评议党员");
  }

  private static Map<String, String> labels(Enum<?>[] codes) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Enum<?> code : codes) {
      map.put(code.name(), label(code));
    }
    return map;
  }

  private static String label(Enum<?> code) {
    if (code instanceof EducationLevel e) {
      return e.label();
    } else if (code instanceof Occupation o) {
      return o.label();
    } else if (code instanceof UnitType u) {
      return u.label();
    } else if (code instanceof Affiliation a) {
      return a.label();
    }
    return code.name();
  }
}
