package cn.dangjian.orglife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.CommitteeChanged;
import cn.dangjian.platform.persistence.Uuids;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A 支委会's vote counts the committee's seats on the meeting date as member-service reported them
 * (committee.changed), not the invitees: 列席 do not count toward presence (DOMAIN §4.1, §4.3).
 */
class CommitteeQuorumIT extends ApiTestSupport {

  private static LocalDateTime daysAgo(int days) {
    return LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
        .minusDays(days)
        .withHour(9)
        .truncatedTo(ChronoUnit.HOURS);
  }

  private void committee(UUID org, LocalDate from, List<UUID> members) {
    FEED.send(
        EventTypes.COMMITTEE_CHANGED,
        org.toString(),
        FEED.pathOf(org),
        new CommitteeChanged(
            org,
            UUID.randomUUID(),
            from,
            from.plusYears(3),
            from.plusYears(3),
            members.get(0),
            null,
            members.size(),
            members,
            from,
            from));
  }

  @Test
  void committeeQuorumCountsSeatsAtTheMeetingDateNotInvitees() throws Exception {
    List<UUID> seats = formalMembers(branchA, 5);
    List<UUID> invited = formalMembers(branchA, 2); // 列席, not on the committee
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    committee(branchA, today.minusDays(60), seats);
    committee(branchA, today.minusDays(10), seats.subList(0, 3)); // two members left
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.queryForObject(
                        "SELECT COUNT(*) FROM committee_history WHERE org_id = ?",
                        Integer.class,
                        (Object) Uuids.bytes(branchA))
                    == 2);
    List<UUID> roster = List.of(seats.get(0), seats.get(1), invited.get(0), invited.get(1));

    // 20 days ago five seats were held: 2 members present of 5 is no quorum, whatever the 列席
    LocalDateTime before = daysAgo(20);
    Planned early = plan(worker, branchA, "COMMITTEE_MEETING", before, roster);
    // the 列席 cannot vote either: four approvals from two voters do not add up
    record(
            worker,
            early,
            recordBody(before, roster, List.of(), minutes("支委会"), List.of(resolution(4, 0, 0))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("vote-counts-inconsistent"));
    record(
            worker,
            early,
            recordBody(before, roster, List.of(), minutes("支委会"), List.of(resolution(2, 0, 0))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("meeting-needs-more-than-half-present"));

    // 5 days ago three seats: the same two members are a quorum and a majority of the seats
    LocalDateTime after = daysAgo(5);
    Planned late = plan(worker, branchA, "COMMITTEE_MEETING", after, roster);
    JsonNode held =
        read(
            record(
                    worker,
                    late,
                    recordBody(
                        after, roster, List.of(), minutes("支委会会议"), List.of(resolution(2, 0, 0))))
                .andExpect(status().isOk()));
    assertThat(held.get("votingEntitled").asInt()).isEqualTo(3);
    for (JsonNode a : held.get("attendance")) {
      boolean sits = seats.subList(0, 3).toString().contains(a.get("memberId").asString());
      assertThat(a.get("canVote").asBoolean()).as("列席 do not vote").isEqualTo(sits);
    }
  }

  @Test
  void withNothingKnownOfTheCommitteeTheInviteesAreTheBaseAsBefore() throws Exception {
    List<UUID> invited = formalMembers(branchB, 3);
    LocalDateTime at = daysAgo(3);
    Planned p = plan(worker, branchB, "COMMITTEE_MEETING", at, invited);
    JsonNode held =
        read(
            record(
                    worker,
                    p,
                    recordBody(
                        at,
                        invited.subList(0, 2),
                        invited.subList(2, 3),
                        minutes("支委会"),
                        List.of(resolution(2, 0, 0))))
                .andExpect(status().isOk()));
    assertThat(held.get("votingEntitled").asInt()).isEqualTo(3);
  }
}
