package cn.dangjian.alert.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.dues.ArrearsChanged;
import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.member.TransferChanged;
import cn.dangjian.events.orglife.TrainingCredited;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The time-driven rules (the daily task, run here for the day it would run on): the branch's
 * arrears list, letters past their validity and training hours short in Q4. Each is told once per
 * its period however often the task runs.
 */
class NotificationJobsIT extends NotificationTestSupport {

  private void arrearsOf(UUID member, UUID org, int months, String since) {
    send(
        Topics.DUES_EVENTS,
        EventTypes.DUES_ARREARS_CHANGED,
        member.toString(),
        org,
        new ArrearsChanged(member, org, months, since, months * 3000L));
    awaitRow(
        "SELECT COUNT(*) FROM member_state WHERE member_id = " + HEX + " AND arrears_months = ?",
        member,
        months);
  }

  @Test
  void duesArrearsListGoesToTheBranchSecretaryAtMostOncePerMonth() throws Exception {
    UUID secretary = seatSecretary(branchA, branchA);
    arrearsOf(member(branchA), branchA, 3, "2026-08");
    arrearsOf(member(branchA), branchA, 5, "2026-06");
    arrearsOf(member(branchA), branchA, 2, "2026-09"); // not yet on the list
    UUID elsewhere = seatSecretary(branchB, branchB);
    arrearsOf(member(branchB), branchB, 1, "2026-10");

    jobs.daily(LocalDate.of(2026, 12, 1));
    jobs.daily(LocalDate.of(2026, 12, 2));
    jobs.daily(LocalDate.of(2026, 12, 31));
    List<JsonNode> lists = inbox(secretary, NotificationKind.DUES_ARREARS_LIST);
    assertThat(lists).hasSize(1);
    assertThat(lists.get(0).path("title").asString()).isEqualTo("本支部党费欠交情况（2026-12）");
    assertThat(lists.get(0).path("body").asString())
        .isEqualTo("本支部有 2 名党员连续3个月以上未交纳党费，请及时了解情况、督促交纳。");
    assertThat(lists.get(0).path("link").asString()).isEqualTo("/dues/arrears?orgId=" + branchA);
    assertThat(count(elsewhere, NotificationKind.DUES_ARREARS_LIST))
        .as("no member of branch B is three months behind")
        .isZero();

    jobs.daily(LocalDate.of(2027, 1, 4));
    lists = inbox(secretary, NotificationKind.DUES_ARREARS_LIST);
    assertThat(lists)
        .extracting(n -> n.path("title").asString())
        .containsExactly("本支部党费欠交情况（2027-01）", "本支部党费欠交情况（2026-12）");
  }

  private void letter(UUID id, UUID member, String status, LocalDate validUntil) {
    FEED.send(
        EventTypes.MEMBER_TRANSFER_CHANGED,
        member.toString(),
        FEED.pathOf(branchA),
        new TransferChanged(
            id,
            member,
            "INTERNAL",
            branchA,
            branchB,
            status,
            LocalDate.of(2026, 11, 30),
            validUntil,
            FEED.pathOf("RECEIVED".equals(status) ? branchB : branchA)));
  }

  @Test
  void transferExpiredTellsTheMemberAndTheSendingSecretaryOnce() throws Exception {
    UUID secretary = seatSecretary(branchA, branchA);
    UUID m = member(branchA);
    UUID late = UUID.randomUUID();
    LocalDate validUntil = LocalDate.of(2026, 12, 15);
    letter(late, m, "IN_TRANSIT", validUntil);
    UUID onTime = member(branchA);
    UUID kept = UUID.randomUUID();
    letter(kept, onTime, "IN_TRANSIT", validUntil);
    letter(kept, onTime, "RECEIVED", validUntil);
    awaitRow(
        "SELECT COUNT(*) FROM member_state WHERE member_id = " + HEX + " AND transfer_id = " + HEX,
        m,
        late);
    awaitRow(
        "SELECT COUNT(*) FROM proj_member WHERE member_id = " + HEX + " AND org_id = " + HEX,
        onTime,
        branchB);

    jobs.daily(validUntil); // still valid that day
    assertThat(count(m, NotificationKind.TRANSFER_EXPIRED)).isZero();
    jobs.daily(validUntil.plusDays(1));
    jobs.daily(validUntil.plusDays(2));
    for (UUID who : List.of(m, secretary)) {
      List<JsonNode> expired = inbox(who, NotificationKind.TRANSFER_EXPIRED);
      assertThat(expired).hasSize(1);
      assertThat(expired.get(0).path("title").asString()).isEqualTo("组织关系介绍信已过有效期");
      assertThat(expired.get(0).path("body").asString())
          .isEqualTo("组织关系介绍信已于 2026-12-15 过期，尚未办理接收，请及时与党组织联系。");
      assertThat(expired.get(0).path("link").asString()).isEqualTo("/members/transfers/" + late);
    }
    assertThat(count(onTime, NotificationKind.TRANSFER_EXPIRED))
        .as("received in time: no expiry")
        .isZero();
  }

  /** A member with the given id (member-service's ids are random: both halves of the range). */
  private UUID memberWithId(UUID id) {
    FEED.send(
        EventTypes.MEMBER_REGISTERED,
        id.toString(),
        FEED.pathOf(branchA),
        new MemberRegistered(
            id, branchA, "FULL", "EMPLOYED", LocalDate.of(2015, 7, 1), LocalDate.of(2016, 7, 1)));
    await(() -> projection.member(id));
    awaitRow("SELECT COUNT(*) FROM member_state WHERE member_id = " + HEX, id);
    return id;
  }

  private void credited(UUID member, String yearTotal) {
    send(
        Topics.ORGLIFE_EVENTS,
        EventTypes.ORGLIFE_TRAINING_CREDITED,
        member.toString(),
        branchA,
        new TrainingCredited(
            UUID.randomUUID(),
            member,
            branchA,
            "CONCENTRATED",
            UUID.randomUUID(),
            LocalDate.of(2026, 11, 10),
            new BigDecimal(yearTotal),
            new BigDecimal(yearTotal)));
    awaitRow(
        "SELECT COUNT(*) FROM member_state WHERE member_id = "
            + HEX
            + " AND training_year = 2026 AND training_hours = ?",
        member,
        yearTotal);
  }

  @Test
  void trainingHoursShortIsToldInQuarterFourOncePerMemberAndYear() throws Exception {
    UUID r = UUID.randomUUID();
    UUID lowId =
        memberWithId(
            new UUID(r.getMostSignificantBits() & Long.MAX_VALUE, r.getLeastSignificantBits()));
    UUID highId =
        memberWithId(
            new UUID(r.getMostSignificantBits() | Long.MIN_VALUE, r.getLeastSignificantBits()));
    UUID partly = member(branchA);
    UUID enough = member(branchA);
    credited(partly, "12.5");
    credited(enough, "32.0");

    jobs.daily(LocalDate.of(2026, 9, 30)); // Q3: not yet
    assertThat(count(lowId, NotificationKind.TRAINING_HOURS_SHORT)).isZero();
    jobs.daily(LocalDate.of(2026, 11, 30));
    jobs.daily(LocalDate.of(2026, 12, 1));
    for (UUID m : List.of(lowId, highId)) {
      List<JsonNode> told = inbox(m, NotificationKind.TRAINING_HOURS_SHORT);
      assertThat(told).as("member %s", m).hasSize(1);
      assertThat(told.get(0).path("title").asString()).isEqualTo("2026 年学习培训学时不足");
      assertThat(told.get(0).path("body").asString())
          .isEqualTo("您 2026 年已完成学习培训 0 学时，距每年不少于 32 学时的要求尚有差距，请年底前补足。");
    }
    assertThat(inbox(partly, NotificationKind.TRAINING_HOURS_SHORT))
        .extracting(n -> n.path("body").asString())
        .containsExactly("您 2026 年已完成学习培训 12.5 学时，距每年不少于 32 学时的要求尚有差距，请年底前补足。");
    assertThat(count(enough, NotificationKind.TRAINING_HOURS_SHORT)).isZero();

    jobs.daily(LocalDate.of(2027, 10, 8)); // the next year's Q4: told again, for that year
    assertThat(inbox(partly, NotificationKind.TRAINING_HOURS_SHORT))
        .extracting(n -> n.path("title").asString())
        .containsExactly("2027 年学习培训学时不足", "2026 年学习培训学时不足");
  }
}
