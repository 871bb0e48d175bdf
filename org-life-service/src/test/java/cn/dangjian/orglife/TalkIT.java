package cn.dangjian.orglife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class TalkIT extends ApiTestSupport {

  private void talk(UUID a, UUID b) throws Exception {
    as(
            worker,
            post("/api/org-life/talks")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(
                        Map.of(
                            "orgId", branchA.toString(),
                            "talkedOn",
                                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString(),
                            "memberAId", a.toString(),
                            "memberBId", b.toString(),
                            "summary", "交流思想和工作"))))
        .andExpect(status().isCreated());
  }

  @Test
  void talkCoverageShowsWhichRequiredPairsAreStillMissing() throws Exception {
    List<UUID> m = formalMembers(branchA, 4);
    // m0 and m1 sit on the committee: they are the expected attendees of this year's 支委会
    LocalDateTime at =
        LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
            .minusDays(2)
            .withHour(9)
            .truncatedTo(ChronoUnit.HOURS);
    plan(worker, branchA, "COMMITTEE_MEETING", at, List.of(m.get(0), m.get(1)));
    int year = at.getYear();

    talk(m.get(0), m.get(1));
    talk(m.get(2), m.get(0));
    JsonNode c =
        read(
            as(
                    worker,
                    get("/api/org-life/talks/coverage")
                        .param("orgId", branchA.toString())
                        .param("year", "" + year))
                .andExpect(status().isOk()));
    assertThat(c.get("committeeMemberIds")).hasSize(2);
    assertThat(c.get("missingCommitteePairs")).isEmpty();
    assertThat(c.get("membersWithoutCommitteeTalk").get(0).asString())
        .isEqualTo(m.get(3).toString());
    assertThat(c.get("membersWithoutMemberTalk")).hasSize(2);

    as(
            worker,
            post("/api/org-life/talks")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(
                        Map.of(
                            "orgId", branchA.toString(),
                            "talkedOn", "2026-01-05",
                            "memberAId", m.get(0).toString(),
                            "memberBId", m.get(0).toString()))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("talk-needs-two-members"));
    as(
            secretaryOf(branchB),
            get("/api/org-life/talks").param("orgId", branchA.toString()).param("year", "" + year))
        .andExpect(status().isNotFound());
  }
}
