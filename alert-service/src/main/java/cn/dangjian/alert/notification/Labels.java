package cn.dangjian.alert.notification;

import cn.dangjian.events.orglife.MeetingPlanned;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The Chinese words a notice uses for the codes events carry. */
final class Labels {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private static final Map<String, String> MEETING_TYPES =
      Map.of(
          "BRANCH_GENERAL_MEETING", "支部党员大会",
          "COMMITTEE_MEETING", "支部委员会会议",
          "GROUP_MEETING", "党小组会",
          "PARTY_LECTURE", "党课",
          "THEMED_PARTY_DAY", "主题党日活动",
          "ORG_LIFE_MEETING", "组织生活会",
          "DEMOCRATIC_APPRAISAL", "民主评议党员会议");

  private Labels() {}

  static String meetingType(String code) {
    return MEETING_TYPES.getOrDefault(code, code);
  }

  static String when(LocalDateTime at) {
    return at == null ? "" : WHEN.format(at);
  }

  static Map<String, String> meeting(MeetingPlanned m) {
    return Map.of(
        "meetingType", meetingType(m.meetingType()),
        "heldOn", String.valueOf(m.heldOn()),
        "startsAt", when(m.startsAt()));
  }

  static String grade(String code) {
    return switch (String.valueOf(code)) {
      case "GOOD" -> "好";
      case "FAIRLY_GOOD" -> "较好";
      case "AVERAGE" -> "一般";
      case "POOR" -> "差";
      default -> String.valueOf(code);
    };
  }

  static String severity(String code) {
    return switch (String.valueOf(code)) {
      case "NOTICE" -> "提示";
      case "WARNING" -> "预警";
      case "SERIOUS" -> "严重预警";
      default -> "预警";
    };
  }

  /** The org just below {@code org} on a materialised path (who held an alert before it rose). */
  static @Nullable UUID below(@Nullable String path, UUID org) {
    if (path == null || org == null || path.length() < 2) {
      return null;
    }
    List<String> ids = List.of(path.substring(1, path.length() - 1).split("/"));
    int i = ids.indexOf(org.toString());
    return i < 0 || i + 1 >= ids.size() ? null : UUID.fromString(ids.get(i + 1));
  }
}
