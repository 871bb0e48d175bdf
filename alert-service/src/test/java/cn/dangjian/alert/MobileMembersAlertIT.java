package cn.dangjian.alert;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.orglife.MeetingRecordChanged;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 流动党员: attendance at the host counts at home, and a long stay at a fixed place warns. */
class MobileMembersAlertIT extends ApiTestSupport {

  private JsonNode onlyAlert(UUID subject, String rule) throws Exception {
    for (JsonNode item : alertsOf(admin, subject).get("items")) {
      if (item.get("ruleId").asString().equals(rule)) {
        return item;
      }
    }
    return null;
  }

  /** The host approved a meeting with the mobile member among its guests. */
  private void hostMeeting(UUID host, LocalDate heldOn, List<UUID> hostMembers, UUID guest) {
    UUID meetingId = UUID.randomUUID();
    send(
        Topics.ORGLIFE_EVENTS,
        EventTypes.ORGLIFE_MEETING_APPROVED,
        meetingId.toString(),
        host,
        new MeetingRecordChanged(
            meetingId,
            host,
            "BRANCH",
            "THEMED_PARTY_DAY",
            "APPROVED",
            heldOn,
            LocalDateTime.of(heldOn, LocalTime.of(14, 0)),
            LocalDateTime.of(heldOn, LocalTime.of(16, 0)),
            1,
            hostMembers.size(),
            hostMembers.size(),
            hostMembers,
            List.of(),
            null,
            true,
            List.of(guest)));
    awaitRow(
        "SELECT COUNT(*) FROM org_meeting WHERE meeting_id = UNHEX(REPLACE(?, '-', ''))",
        meetingId);
  }

  @Test
  void awaySixMonthsAtAFixedPlaceRaisesTransferWarning() throws Exception {
    UUID mobile = member(branchA);
    UUID hostMember = member(branchB);
    FEED.mobileCertificate(
        mobile,
        branchB,
        "ACTIVE",
        true,
        LocalDate.of(2026, 4, 1),
        LocalDate.of(2026, 4, 1),
        LocalDate.of(2027, 3, 31));
    await(() -> projection.hostOf(mobile, LocalDate.of(2026, 6, 1)));
    // attends the host's themed Party day every month: no absence alert at home
    for (int month = 4; month <= 10; month++) {
      hostMeeting(branchB, LocalDate.of(2026, month, 8), List.of(hostMember), mobile);
    }
    sweep(LocalDate.of(2026, 9, 30));
    JsonNode warning = onlyAlert(mobile, "MOBILE_AWAY_NO_TRANSFER");
    assertThat(warning).isNotNull();
    assertThat(warning.get("orgId").asString()).isEqualTo(branchA.toString());
    assertThat(warning.get("suggestion").asString())
        .contains("自2026-04-01起在相对固定地点外出")
        .contains("应当转接组织关系");
    assertThat(onlyAlert(mobile, "MEMBER_ABSENT_ORG_LIFE")).isNull();

    sweep(LocalDate.of(2026, 11, 5));
    assertThat(onlyAlert(mobile, "MOBILE_AWAY_NO_TRANSFER").get("title").asString())
        .isEqualTo("流动党员外出已7个月，应转接组织关系");
    assertThat(onlyAlert(mobile, "MEMBER_ABSENT_ORG_LIFE")).isNull();

    // back home: the certificate is returned and the warning resolves
    FEED.mobileCertificate(
        mobile,
        branchB,
        "RETURNED",
        true,
        LocalDate.of(2026, 4, 1),
        LocalDate.of(2026, 4, 1),
        LocalDate.of(2027, 3, 31));
    JsonNode resolved =
        await(
            () -> {
              try {
                JsonNode a = onlyAlert(mobile, "MOBILE_AWAY_NO_TRANSFER");
                return "RESOLVED".equals(a.get("status").asString())
                    ? java.util.Optional.of(a)
                    : java.util.Optional.empty();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(resolved.get("resolution").asString()).contains("已返回");
  }

  @Test
  void anExcuseAtHomeIsNoAttendanceWhenTheHostRecordsItself() throws Exception {
    UUID mobile = member(branchA);
    UUID homeMember = member(branchA);
    FEED.mobileCertificate(
        mobile,
        branchB,
        "ACTIVE",
        false,
        LocalDate.of(2026, 6, 1),
        LocalDate.of(2026, 6, 1),
        LocalDate.of(2027, 5, 31));
    await(() -> projection.hostOf(mobile, LocalDate.of(2026, 7, 1)));
    for (int month = 6; month <= 10; month++) {
      LocalDate heldOn = LocalDate.of(2026, month, 5);
      UUID meetingId = UUID.randomUUID();
      send(
          Topics.ORGLIFE_EVENTS,
          EventTypes.ORGLIFE_MEETING_APPROVED,
          meetingId.toString(),
          branchA,
          new MeetingRecordChanged(
              meetingId,
              branchA,
              "BRANCH",
              "THEMED_PARTY_DAY",
              "APPROVED",
              heldOn,
              LocalDateTime.of(heldOn, LocalTime.of(9, 0)),
              LocalDateTime.of(heldOn, LocalTime.of(11, 0)),
              1,
              2,
              1,
              List.of(homeMember),
              List.of(new MeetingRecordChanged.Absentee(mobile, "MOBILE_ELSEWHERE")),
              null,
              true));
      awaitRow(
          "SELECT COUNT(*) FROM org_meeting WHERE meeting_id = UNHEX(REPLACE(?, '-', ''))",
          meetingId);
    }
    // excused at home every month, never at the host's meetings: that is absence
    sweep(LocalDate.of(2026, 10, 31));
    assertThat(onlyAlert(mobile, "MEMBER_ABSENT_ORG_LIFE")).isNotNull();
  }
}
