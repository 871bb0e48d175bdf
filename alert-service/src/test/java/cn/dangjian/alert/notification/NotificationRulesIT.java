package cn.dangjian.alert.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.assessment.CyclePublished;
import cn.dangjian.events.dues.ArrearsChanged;
import cn.dangjian.events.member.ApprovalChanged;
import cn.dangjian.events.member.TransferChanged;
import cn.dangjian.events.orglife.MeetingRecordChanged;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The event-driven rules end to end: the producing service's envelope on its real topic, then what
 * the member or secretary finds in their inbox (recipients, text, link) and which external
 * deliveries were queued for it.
 */
class NotificationRulesIT extends NotificationTestSupport {

  private EventEnvelope<ArrearsChanged> arrearsChanged(
      UUID member, int months, String since, long fen) {
    return send(
        Topics.DUES_EVENTS,
        EventTypes.DUES_ARREARS_CHANGED,
        member.toString(),
        branchA,
        new ArrearsChanged(member, branchA, months, since, fen));
  }

  @Test
  void duesOverdueTellsTheMemberAtOneAndThreeMonthsOnce() throws Exception {
    UUID m = member(branchA);
    arrearsChanged(m, 1, "2026-10", 3000);
    awaitInbox(m, NotificationKind.DUES_OVERDUE, 1);
    arrearsChanged(m, 2, "2026-10", 6000);
    EventEnvelope<ArrearsChanged> three = arrearsChanged(m, 3, "2026-10", 9000);
    List<JsonNode> told = awaitInbox(m, NotificationKind.DUES_OVERDUE, 2);
    // a fourth month, and the three-month record delivered again: the same crossings
    EventEnvelope<ArrearsChanged> four = arrearsChanged(m, 4, "2026-10", 12000);
    FEED.sendRaw(Topics.DUES_EVENTS, m.toString(), json.writeValueAsBytes(three));
    awaitTold(four);
    assertThat(inbox(m, NotificationKind.DUES_OVERDUE)).hasSize(2);
    assertThat(told.get(0).path("title").asString()).isEqualTo("党费交纳提醒");
    assertThat(told.get(0).path("body").asString())
        .isEqualTo("您自 2026-10 起已连续 3 个月未交纳党费，共 90.00 元，请尽快交纳。");
    assertThat(told.get(1).path("body").asString())
        .isEqualTo("您自 2026-10 起已连续 1 个月未交纳党费，共 30.00 元，请尽快交纳。");
    assertThat(told.get(0).path("link").asString()).isEqualTo("/dues/bills");
    assertThat(told.get(0).path("urgent").asBoolean()).isFalse();
    // a dues kind: WeChat by default, not urgent, so held for today's 19:00 digest
    JsonNode delivery = deliveries(m, told.get(0)).path("deliveries");
    assertThat(delivery).hasSize(1);
    assertThat(delivery.get(0).path("channel").asString()).isEqualTo("WECHAT");
    assertThat(delivery.get(0).path("status").asString()).isEqualTo("DEFERRED");
    assertThat(instant(delivery.get(0).path("nextAttemptAt")))
        .isEqualTo(
            LocalDate.ofInstant(clock.instant(), SHANGHAI)
                .atTime(19, 0)
                .atZone(SHANGHAI)
                .toInstant());

    // paid up, then a new month unpaid: a new episode, told again from one month
    arrearsChanged(m, 0, null, 0);
    arrearsChanged(m, 1, "2027-01", 3000);
    assertThat(awaitInbox(m, NotificationKind.DUES_OVERDUE, 3).get(0).path("body").asString())
        .startsWith("您自 2027-01 起已连续 1 个月");
  }

  private EventEnvelope<TransferChanged> transfer(
      UUID transferId, UUID member, String direction, UUID from, UUID to, String status) {
    return FEED.send(
        EventTypes.MEMBER_TRANSFER_CHANGED,
        member.toString(),
        FEED.pathOf("RECEIVED".equals(status) && to != null ? to : from),
        new TransferChanged(
            transferId,
            member,
            direction,
            from,
            to,
            status,
            "RECEIVED".equals(status) ? LocalDate.of(2026, 12, 10) : LocalDate.of(2026, 11, 30),
            LocalDate.of(2027, 2, 28),
            FEED.pathOf("RECEIVED".equals(status) && to != null ? to : from)));
  }

  @Test
  void transferIssuedAndReceivedTellTheMemberAndBothSecretaries() throws Exception {
    UUID sending = seatSecretary(branchA, branchA);
    UUID receiving = seatSecretary(branchB, branchB);
    UUID m = member(branchA);
    UUID letter = UUID.randomUUID();
    transfer(letter, m, "INTERNAL", branchA, branchB, "REQUESTED");
    transfer(letter, m, "INTERNAL", branchA, branchB, "APPROVED_OUT");
    transfer(letter, m, "INTERNAL", branchA, branchB, "IN_TRANSIT");
    for (UUID who : List.of(m, sending, receiving)) {
      List<JsonNode> issued = awaitInbox(who, NotificationKind.TRANSFER_ISSUED, 1);
      assertThat(issued).hasSize(1);
      assertThat(issued.get(0).path("title").asString()).isEqualTo("组织关系介绍信已开出");
      assertThat(issued.get(0).path("body").asString())
          .isEqualTo("组织关系介绍信已于 2026-11-30 开出，请在 2027-02-28 前到接收党组织报到。");
      assertThat(issued.get(0).path("link").asString()).isEqualTo("/members/transfers/" + letter);
      // not a meeting or dues kind: inbox only unless the member chose a channel
      assertThat(deliveries(who, issued.get(0)).path("deliveries")).isEmpty();
    }
    EventEnvelope<TransferChanged> received =
        transfer(letter, m, "INTERNAL", branchA, branchB, "RECEIVED");
    for (UUID who : List.of(m, sending, receiving)) {
      List<JsonNode> done = awaitInbox(who, NotificationKind.TRANSFER_RECEIVED, 1);
      assertThat(done.get(0).path("body").asString()).isEqualTo("组织关系转接已于 2026-12-10 由接收党组织接收。");
    }
    awaitTold(received);
    // the request and its approval told nobody; each step told each of them once
    for (UUID who : List.of(m, sending, receiving)) {
      assertThat(count(who, NotificationKind.TRANSFER_ISSUED)).isEqualTo(1);
      assertThat(count(who, NotificationKind.TRANSFER_RECEIVED)).isEqualTo(1);
    }

    // out of the system: no receiving org here, the sending secretary and the member only
    UUID leaving = member(branchA);
    EventEnvelope<TransferChanged> out =
        transfer(UUID.randomUUID(), leaving, "OUTBOUND", branchA, null, "IN_TRANSIT");
    awaitTold(out);
    assertThat(count(leaving, NotificationKind.TRANSFER_ISSUED)).isEqualTo(1);
    assertThat(count(sending, NotificationKind.TRANSFER_ISSUED)).isEqualTo(2);
    assertThat(count(receiving, NotificationKind.TRANSFER_ISSUED)).isEqualTo(1);
  }

  private EventEnvelope<ApprovalChanged> approval(
      UUID id, String status, int stage, String body, UUID decidingOrg, LocalDate dueOn) {
    return FEED.send(
        EventTypes.MEMBER_APPROVAL_CHANGED,
        id.toString(),
        FEED.pathOf(branchA),
        new ApprovalChanged(
            id,
            "STATUS_CHANGE",
            status,
            stage,
            body,
            decidingOrg,
            decidingOrg == null ? FEED.pathOf(branchA) : FEED.pathOf(decidingOrg),
            UUID.randomUUID(),
            branchA,
            FEED.pathOf(branchA),
            "开除党籍：张某",
            dueOn.minusDays(30),
            dueOn,
            "APPROVED".equals(status) ? dueOn : null,
            null));
  }

  @Test
  void approvalWaitingTellsTheDecidingOrgsSecretary() throws Exception {
    UUID townSecretary = seatSecretary(town, branchB);
    UUID branchSecretary = seatSecretary(branchA, branchA);
    UUID id = UUID.randomUUID();
    LocalDate due = LocalDate.of(2026, 12, 30);
    approval(id, "PENDING", 0, "PRIMARY_COMMITTEE", town, due);
    List<JsonNode> waiting = awaitInbox(townSecretary, NotificationKind.APPROVAL_WAITING, 1);
    assertThat(waiting.get(0).path("title").asString()).isEqualTo("待审批：开除党籍：张某");
    assertThat(waiting.get(0).path("body").asString())
        .isEqualTo("有一项请示等待本党组织审批：开除党籍：张某，请在 2026-12-30 前办理。");
    assertThat(waiting.get(0).path("link").asString()).isEqualTo("/approvals/" + id);

    // on to the county 纪委 (no org of the tree decides): nobody here is told it waits on them
    approval(id, "PENDING", 1, "DISCIPLINE_COMMISSION", null, due);
    EventEnvelope<ApprovalChanged> decided =
        approval(id, "APPROVED", 1, "DISCIPLINE_COMMISSION", null, due);
    awaitTold(decided);
    assertThat(count(townSecretary, NotificationKind.APPROVAL_WAITING)).isEqualTo(1);
    assertThat(count(branchSecretary, NotificationKind.APPROVAL_WAITING))
        .as("the branch that filed the request does not decide it")
        .isZero();
  }

  @Test
  void approvalOverdueIsToldOnceAsWhatItIsNotAsANewAlert() throws Exception {
    UUID townSecretary = seatSecretary(town, branchB);
    UUID id = UUID.randomUUID();
    // due ten days ago by the service's clock: the event's own evaluation raises the alert
    LocalDate due = LocalDate.ofInstant(clock.instant(), SHANGHAI).minusDays(10);
    approval(id, "PENDING", 0, "PRIMARY_COMMITTEE", town, due);
    List<JsonNode> overdue = awaitInbox(townSecretary, NotificationKind.APPROVAL_OVERDUE, 1);
    JsonNode alert = alertOf(town, "APPROVAL_OVERDUE");
    String title = alert.path("title").asString();
    assertThat(title).startsWith("待审批：开除党籍：张某");
    assertThat(overdue.get(0).path("title").asString()).isEqualTo("审批逾期：" + title);
    assertThat(overdue.get(0).path("body").asString())
        .isEqualTo(title + "。请在 " + alert.path("deadline").asString() + " 前办理。");
    assertThat(overdue.get(0).path("link").asString())
        .isEqualTo("/alerts/" + alert.path("id").asString());
    assertThat(inbox(townSecretary, NotificationKind.ALERT_RAISED))
        .noneMatch(n -> n.path("link").asString().equals(overdue.get(0).path("link").asString()));
  }

  @Test
  void alertRaisedEscalatedAndOverdueReachTheSecretaryWhoMustAct() throws Exception {
    UUID branchSecretary = seatSecretary(branchA, branchA);
    UUID townSecretary = seatSecretary(town, branchB);
    UUID m = member(branchA);
    arrearsChanged(m, 3, "2026-08", 4500); // DUES_ARREARS, raised on the event
    JsonNode alert = await(() -> optional(m, "DUES_ARREARS"));
    String link = "/alerts/" + alert.path("id").asString();
    String title = alert.path("title").asString();
    JsonNode raised = await(() -> linked(branchSecretary, NotificationKind.ALERT_RAISED, link));
    assertThat(raised.path("title").asString()).isEqualTo("新预警：" + title);
    assertThat(raised.path("body").asString())
        .isEqualTo("本党组织有一条提示：" + title + "，整改期限 " + alert.path("deadline").asString() + "。");
    assertThat(linked(townSecretary, NotificationKind.ALERT_RAISED, link)).isEmpty();

    // nothing done by the deadline: the sweep sends it up to the town
    sweep(LocalDate.parse(alert.path("deadline").asString()).plusDays(1));
    JsonNode escalated = alertOf(m, "DUES_ARREARS");
    assertThat(escalated.path("assigneeOrgId").asString()).isEqualTo(town.toString());
    JsonNode up = await(() -> linked(townSecretary, NotificationKind.ALERT_ESCALATED, link));
    assertThat(up.path("title").asString()).isEqualTo("下级预警逾期上报：" + title);
    assertThat(up.path("body").asString())
        .isEqualTo(
            "下级党组织预警“"
                + title
                + "”逾期未整改，已上报本党组织督办，新期限 "
                + escalated.path("deadline").asString()
                + "。");
    JsonNode late = await(() -> linked(branchSecretary, NotificationKind.ALERT_OVERDUE, link));
    assertThat(late.path("body").asString())
        .isEqualTo("预警“" + title + "”已超过整改期限，已上报上级党组织督办，请尽快整改。");
    assertThat(linked(branchSecretary, NotificationKind.ALERT_ESCALATED, link)).isEmpty();
    assertThat(linked(townSecretary, NotificationKind.ALERT_OVERDUE, link)).isEmpty();
  }

  private Optional<JsonNode> optional(UUID subject, String rule) {
    try {
      return Optional.ofNullable(alertOf(subject, rule));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The member's notification of a kind about that page, if they have one. */
  private Optional<JsonNode> linked(UUID member, NotificationKind kind, String link) {
    try {
      return inbox(member, kind).stream()
          .filter(n -> link.equals(n.path("link").asString()))
          .findFirst();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void assessmentPublishedTellsTheSecretariesOfTheGradedOrgs() throws Exception {
    UUID secretaryA = seatSecretary(branchA, branchA);
    UUID secretaryB = seatSecretary(branchB, branchB);
    UUID cycle = UUID.randomUUID();
    for (UUID org : List.of(branchA, branchB)) {
      boolean first = org.equals(branchA);
      send(
          Topics.ASSESSMENT_EVENTS,
          EventTypes.ASSESSMENT_CYCLE_PUBLISHED,
          org.toString(),
          org,
          new CyclePublished(
              cycle,
              "2026年度党支部考核",
              "ANNUAL",
              2026,
              0,
              org,
              new BigDecimal(first ? "92.5" : "71.0"),
              first ? 1 : 2,
              2,
              new BigDecimal(first ? "100" : "0"),
              first ? "GOOD" : "AVERAGE",
              first ? 5 : 3,
              !first,
              1));
    }
    JsonNode a = awaitInbox(secretaryA, NotificationKind.ASSESSMENT_PUBLISHED, 1).get(0);
    JsonNode b = awaitInbox(secretaryB, NotificationKind.ASSESSMENT_PUBLISHED, 1).get(0);
    assertThat(a.path("title").asString()).isEqualTo("考核结果已公布：2026年度党支部考核");
    assertThat(a.path("body").asString()).isEqualTo("2026年度党支部考核结果已公布：本党组织等次为“好”，在 2 个同类组织中排名第 1。");
    assertThat(b.path("body").asString())
        .isEqualTo("2026年度党支部考核结果已公布：本党组织等次为“一般”，在 2 个同类组织中排名第 2。");
    assertThat(a.path("link").asString()).isEqualTo("/assessments/cycles/" + cycle);
    assertThat(count(secretaryA, NotificationKind.ASSESSMENT_PUBLISHED)).isEqualTo(1);
  }

  @Test
  void meetingReturnedTellsTheBranchSecretary() throws Exception {
    UUID secretary = seatSecretary(branchA, branchA);
    UUID member = member(branchA);
    UUID meeting = UUID.randomUUID();
    LocalDate heldOn = LocalDate.of(2026, 11, 20);
    EventEnvelope<MeetingRecordChanged> returned =
        send(
            Topics.ORGLIFE_EVENTS,
            EventTypes.ORGLIFE_MEETING_RETURNED,
            meeting.toString(),
            branchA,
            new MeetingRecordChanged(
                meeting,
                branchA,
                "BRANCH",
                "THEMED_PARTY_DAY",
                "RETURNED",
                heldOn,
                LocalDateTime.of(heldOn, LocalTime.of(14, 0)),
                LocalDateTime.of(heldOn, LocalTime.of(16, 0)),
                0,
                2,
                2,
                List.of(secretary, member),
                List.of(),
                "记录缺少参会人员签到",
                false));
    JsonNode told = awaitInbox(secretary, NotificationKind.MEETING_RETURNED, 1).get(0);
    assertThat(told.path("title").asString()).isEqualTo("会议记录被退回：主题党日活动");
    assertThat(told.path("body").asString())
        .isEqualTo("2026-11-20 的主题党日活动记录被上级党组织退回，原因：记录缺少参会人员签到。请修改后重新提交。");
    assertThat(told.path("link").asString()).isEqualTo("/org-life/meetings/" + meeting);
    // a meeting kind: WeChat by default, held for the digest
    assertThat(deliveries(secretary, told).path("deliveries").get(0).path("status").asString())
        .isEqualTo("DEFERRED");
    awaitTold(returned);
    assertThat(count(member, NotificationKind.MEETING_RETURNED)).isZero();
  }

  @Test
  void meetingReturnedTellsItsRecorderWhenTheRecordNamesOne() throws Exception {
    UUID secretary = seatSecretary(branchA, branchA);
    UUID recorder = member(branchA);
    UUID meeting = UUID.randomUUID();
    LocalDate heldOn = LocalDate.of(2026, 11, 21);
    EventEnvelope<MeetingRecordChanged> returned =
        send(
            Topics.ORGLIFE_EVENTS,
            EventTypes.ORGLIFE_MEETING_RETURNED,
            meeting.toString(),
            branchA,
            new MeetingRecordChanged(
                meeting,
                branchA,
                "BRANCH",
                "THEMED_PARTY_DAY",
                "RETURNED",
                heldOn,
                LocalDateTime.of(heldOn, LocalTime.of(14, 0)),
                LocalDateTime.of(heldOn, LocalTime.of(16, 0)),
                0,
                2,
                2,
                List.of(secretary, recorder),
                List.of(),
                "缺少决议表决票数",
                false,
                List.of(),
                recorder));
    JsonNode told = awaitInbox(recorder, NotificationKind.MEETING_RETURNED, 1).get(0);
    assertThat(told.path("link").asString()).isEqualTo("/org-life/meetings/" + meeting);
    awaitTold(returned);
    // the recorder corrects it; the secretary is not told of this one
    assertThat(inbox(secretary, NotificationKind.MEETING_RETURNED))
        .extracting(n -> n.path("link").asString())
        .doesNotContain("/org-life/meetings/" + meeting);
  }
}
