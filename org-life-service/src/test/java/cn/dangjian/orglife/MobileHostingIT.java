package cn.dangjian.orglife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 流动党员 at the host branch: seen and counted there for their own compliance, never a vote. */
class MobileHostingIT extends ApiTestSupport {

  private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  private UUID mobileMemberOfAHostedAt(UUID host) {
    UUID member = formalMembers(branchA, 1).get(0);
    FEED.mobileCertificate(
        member,
        host,
        "ACTIVE",
        true,
        today.minusDays(60),
        today.minusDays(60),
        today.plusDays(120));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> projection.hostOf(member, today).isPresent());
    return member;
  }

  @Test
  void hostBranchCountsAttendanceButGivesNoVote() throws Exception {
    List<UUID> hostMembers = formalMembers(branchB, 3);
    UUID mobile = mobileMemberOfAHostedAt(branchB);
    LocalDateTime at =
        LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
            .minusDays(2)
            .withHour(9)
            .truncatedTo(ChronoUnit.HOURS);
    String host = secretaryOf(branchB);
    Planned p = plan(host, branchB, "BRANCH_GENERAL_MEETING", at, null);

    // the host sees whom it hosts; they are not on its roster
    JsonNode planned = read(getMeeting(host, p.id()).andExpect(status().isOk()));
    assertThat(planned.get("hostedMobileMemberIds").toString()).contains(mobile.toString());

    Map<String, Object> body =
        recordBody(at, hostMembers, List.of(), minutes("流动党员参加党员大会"), List.of(resolution(4, 0, 0)));
    body.put("guests", List.of(mobile.toString()));
    // four hands, but only three people here may vote
    record(host, p, body)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("vote-counts-inconsistent"));

    body.put("resolutions", List.of(resolution(3, 0, 0)));
    JsonNode held = read(record(host, p, body).andExpect(status().isOk()));
    assertThat(held.get("expectedCount").asInt()).isEqualTo(3);
    assertThat(held.get("actualCount").asInt()).isEqualTo(3);
    assertThat(held.get("votingEntitled").asInt()).isEqualTo(3);
    List<String> guests = new ArrayList<>();
    for (JsonNode a : held.get("attendance")) {
      if (!a.get("expected").asBoolean()) {
        guests.add(a.get("memberId").asString());
        assertThat(a.get("canVote").asBoolean()).isFalse();
      }
    }
    assertThat(guests).containsExactly(mobile.toString());

    // the event credits the guest's attendance to the member, not to the host's counts
    String event =
        jdbc.queryForObject(
            "SELECT serialized_event FROM event_publication WHERE serialized_event LIKE ? AND"
                + " serialized_event LIKE ?",
            String.class,
            "%orglife.meeting-held%",
            "%" + p.id() + "%");
    assertThat(event).contains("\"guestIds\":[\"" + mobile + "\"]");
    assertThat(event.substring(event.indexOf("attendeeIds"), event.indexOf("absentees")))
        .doesNotContain(mobile.toString());
  }

  @Test
  void aGuestWithoutACertificateForTheHostIsNotCreditedAsMobile() throws Exception {
    List<UUID> hostMembers = formalMembers(branchB, 3);
    UUID visitor = formalMembers(branchA, 1).get(0); // 列席 without a 活动证
    LocalDateTime at =
        LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
            .minusDays(1)
            .withHour(9)
            .truncatedTo(ChronoUnit.HOURS);
    String host = secretaryOf(branchB);
    Planned p = plan(host, branchB, "BRANCH_GENERAL_MEETING", at, null);
    Map<String, Object> body =
        recordBody(at, hostMembers, List.of(), minutes("列席"), List.of(resolution(3, 0, 0)));
    body.put("guests", List.of(visitor.toString()));
    record(host, p, body).andExpect(status().isOk());
    String event =
        jdbc.queryForObject(
            "SELECT serialized_event FROM event_publication WHERE serialized_event LIKE ? AND"
                + " serialized_event LIKE ?",
            String.class,
            "%orglife.meeting-held%",
            "%" + p.id() + "%");
    assertThat(event).contains("\"guestIds\":[]");
  }

  @Test
  void attendingElsewhereExcusesOnlyAMemberWithACertificate() throws Exception {
    List<UUID> homeMembers = formalMembers(branchA, 3);
    UUID mobile = mobileMemberOfAHostedAt(branchB);
    UUID stayer = formalMembers(branchA, 1).get(0);
    LocalDateTime at =
        LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
            .minusDays(1)
            .withHour(15)
            .truncatedTo(ChronoUnit.HOURS);
    String home = secretaryOf(branchA);
    Planned p = plan(home, branchA, "THEMED_PARTY_DAY", at, null);
    Map<String, Object> body = recordBody(at, homeMembers, List.of(), minutes("主题党日"), List.of());
    body.put(
        "absentees",
        List.of(
            Map.of("memberId", mobile.toString(), "reason", "MOBILE_ELSEWHERE"),
            Map.of("memberId", stayer.toString(), "reason", "MOBILE_ELSEWHERE")));
    record(home, p, body)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("mobile-elsewhere-needs-a-certificate"));
    body.put(
        "absentees",
        List.of(
            Map.of("memberId", mobile.toString(), "reason", "MOBILE_ELSEWHERE"),
            Map.of("memberId", stayer.toString(), "reason", "LEAVE")));
    record(home, p, body).andExpect(status().isOk());
  }
}
