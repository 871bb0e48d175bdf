package cn.dangjian.alert.notification;

import cn.dangjian.alert.channels.ExternalChannel;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a notification is about, with its default rule: the variables its template may use, the
 * Chinese default template, whether it is urgent and its default external channels (WECHAT for
 * meeting and dues kinds, none for the others). Every default is overridable under {@code
 * dangjian.notifications.rules.<kind>}.
 */
public enum NotificationKind {
  MEETING_PLANNED(
      List.of("meetingType", "heldOn", "startsAt"),
      "会议通知：${meetingType}",
      "您所在党组织定于 ${startsAt} 召开${meetingType}，请准时参加；不能参加的请向支部请假。",
      false,
      true),
  MEETING_REMINDER(
      List.of("meetingType", "heldOn", "startsAt"),
      "会议提醒：${meetingType}",
      "提醒：${meetingType}将于 ${startsAt} 召开，请准时参加。",
      true,
      true),
  MEETING_RETURNED(
      List.of("meetingType", "heldOn", "reason"),
      "会议记录被退回：${meetingType}",
      "${heldOn} 的${meetingType}记录被上级党组织退回，原因：${reason}。请修改后重新提交。",
      false,
      true),
  DUES_BILL_ISSUED(List.of("month"), "${month} 党费账单已生成", "您 ${month} 的党费账单已生成，请按时交纳。", false, true),
  DUES_OVERDUE(
      List.of("months", "sinceMonth", "outstandingYuan"),
      "党费交纳提醒",
      "您自 ${sinceMonth} 起已连续 ${months} 个月未交纳党费，共 ${outstandingYuan} 元，请尽快交纳。",
      false,
      true),
  DUES_ARREARS_LIST(
      List.of("month", "count"),
      "本支部党费欠交情况（${month}）",
      "本支部有 ${count} 名党员连续3个月以上未交纳党费，请及时了解情况、督促交纳。",
      false,
      true),
  TRANSFER_ISSUED(
      List.of("effectiveOn", "validUntil"),
      "组织关系介绍信已开出",
      "组织关系介绍信已于 ${effectiveOn} 开出，请在 ${validUntil} 前到接收党组织报到。",
      false,
      false),
  TRANSFER_RECEIVED(
      List.of("effectiveOn"), "组织关系已接收", "组织关系转接已于 ${effectiveOn} 由接收党组织接收。", false, false),
  TRANSFER_EXPIRED(
      List.of("validUntil"),
      "组织关系介绍信已过有效期",
      "组织关系介绍信已于 ${validUntil} 过期，尚未办理接收，请及时与党组织联系。",
      false,
      false),
  APPROVAL_WAITING(
      List.of("summary", "dueOn"),
      "待审批：${summary}",
      "有一项请示等待本党组织审批：${summary}，请在 ${dueOn} 前办理。",
      false,
      false),
  APPROVAL_OVERDUE(
      List.of("title", "deadline"), "审批逾期：${title}", "${title}。请在 ${deadline} 前办理。", false, false),
  ALERT_RAISED(
      List.of("title", "deadline", "severity"),
      "新预警：${title}",
      "本党组织有一条${severity}：${title}，整改期限 ${deadline}。",
      false,
      false),
  ALERT_ESCALATED(
      List.of("title", "deadline"),
      "下级预警逾期上报：${title}",
      "下级党组织预警“${title}”逾期未整改，已上报本党组织督办，新期限 ${deadline}。",
      false,
      false),
  ALERT_OVERDUE(
      List.of("title"), "预警逾期未整改：${title}", "预警“${title}”已超过整改期限，已上报上级党组织督办，请尽快整改。", false, false),
  TRAINING_HOURS_SHORT(
      List.of("year", "hours", "required"),
      "${year} 年学习培训学时不足",
      "您 ${year} 年已完成学习培训 ${hours} 学时，距每年不少于 ${required} 学时的要求尚有差距，请年底前补足。",
      false,
      false),
  ASSESSMENT_PUBLISHED(
      List.of("cycleName", "grade", "rank", "peerGroupSize"),
      "考核结果已公布：${cycleName}",
      "${cycleName}结果已公布：本党组织等次为“${grade}”，在 ${peerGroupSize} 个同类组织中排名第 ${rank}。",
      false,
      false),
  /** Not a rule: the daily digest merging a member's held external items into one message. */
  DIGEST(List.of("count", "items"), "今日消息汇总（${count}条）", "${items}", false, false);

  private final List<String> variables;
  private final String title;
  private final String body;
  private final boolean urgent;
  private final boolean wechatByDefault;

  NotificationKind(
      List<String> variables, String title, String body, boolean urgent, boolean wechatByDefault) {
    this.variables = variables;
    this.title = title;
    this.body = body;
    this.urgent = urgent;
    this.wechatByDefault = wechatByDefault;
  }

  public List<String> variables() {
    return variables;
  }

  String defaultTitle() {
    return title;
  }

  String defaultBody() {
    return body;
  }

  boolean urgentByDefault() {
    return urgent;
  }

  /** Meeting and dues kinds: WECHAT; the others inbox only; a digest may go on any channel. */
  Set<ExternalChannel> defaultChannels() {
    if (this == DIGEST) {
      return EnumSet.allOf(ExternalChannel.class);
    }
    return wechatByDefault
        ? EnumSet.of(ExternalChannel.WECHAT)
        : EnumSet.noneOf(ExternalChannel.class);
  }
}
