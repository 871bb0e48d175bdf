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

class TrainingIT extends ApiTestSupport {

  private UUID lesson(String title) throws Exception {
    return id(
        read(
            as(
                    worker,
                    post("/api/org-life/training/lessons")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            json.writeValueAsString(
                                Map.of(
                                    "orgId",
                                    committee.toString(),
                                    "title",
                                    title,
                                    "durationMinutes",
                                    45,
                                    "hours",
                                    1.0))))
                .andExpect(status().isCreated())));
  }

  private JsonNode study(String token, UUID lesson, LocalDate on, int minutes) throws Exception {
    return read(
        as(
                token,
                post("/api/org-life/training/lessons/" + lesson + "/studies")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        json.writeValueAsString(
                            Map.of("studiedOn", on.toString(), "minutesWatched", minutes))))
            .andExpect(status().isCreated()));
  }

  @Test
  void hoursCapMicroLessonsCreditAtMostTwoHoursADayAndEachLessonOnce() throws Exception {
    UUID member = formalMembers(branchA, 1).get(0);
    String self = KEYCLOAK.token().roles("member").memberId(member).username("m" + member).build();
    UUID l1 = lesson("微党课一"), l2 = lesson("微党课二"), l3 = lesson("微党课三");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    assertThat(study(self, l1, today, 45).get("creditedHours").asDouble()).isEqualTo(1.0);
    assertThat(study(self, l2, today, 45).get("creditedHours").asDouble()).isEqualTo(1.0);
    JsonNode capped = study(self, l3, today, 45);
    assertThat(capped.get("creditedHours").asDouble()).isZero();
    assertThat(capped.get("outcome").asString()).isEqualTo("NOT_CREDITED_DAILY_CAP");
    JsonNode again = study(self, l1, today.minusDays(1), 45);
    assertThat(again.get("outcome").asString()).isEqualTo("NOT_CREDITED_ALREADY_STUDIED");
    JsonNode skimmed = study(self, l3, today.minusDays(1), 10);
    assertThat(skimmed.get("outcome").asString()).isEqualTo("NOT_CREDITED_INCOMPLETE");

    JsonNode year =
        read(
            as(
                    self,
                    get("/api/org-life/training/members/" + member)
                        .param("year", "" + today.getYear()))
                .andExpect(status().isOk()));
    assertThat(year.get("creditedHours").asDouble()).isEqualTo(2.0);
    assertThat(year.get("requiredHours").asDouble()).isEqualTo(32.0);
    assertThat(year.get("met").asBoolean()).isFalse();

    // a member records only their own studies
    UUID other = formalMembers(branchA, 1).get(0);
    as(
            self,
            post("/api/org-life/training/lessons/" + l3 + "/studies")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(
                        Map.of(
                            "memberId", other.toString(),
                            "studiedOn", today.toString(),
                            "minutesWatched", 45))))
        .andExpect(status().isForbidden());
  }

  @Test
  void anApprovedPartyLectureCreditsItsHoursToThoseWhoAttended() throws Exception {
    List<UUID> members = formalMembers(branchA, 3);
    LocalDateTime at =
        LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
            .minusDays(1)
            .withHour(9)
            .truncatedTo(ChronoUnit.HOURS);
    Planned p = plan(worker, branchA, "PARTY_LECTURE", at, null);
    String etag =
        heldAndSubmitted(
            worker,
            p,
            recordBody(at, members.subList(0, 2), members.subList(2, 3), minutes("党课"), List.of()));
    step(admin, p.id(), "approve", etag, null).andExpect(status().isOk());

    int year = at.getYear();
    as(worker, get("/api/org-life/training/members/" + members.get(0)).param("year", "" + year))
        .andExpect(jsonPath("$.byKind.PARTY_LECTURE").value(1.5));
    as(worker, get("/api/org-life/training/members/" + members.get(2)).param("year", "" + year))
        .andExpect(jsonPath("$.creditedHours").value(0));
    JsonNode org =
        read(as(worker, get("/api/org-life/training/orgs/" + branchA).param("year", "" + year)));
    assertThat(org.get("members").asInt()).isEqualTo(3);
    assertThat(org.get("shortOfRequirement")).hasSize(3);

    // another branch's secretary does not see these members' hours
    as(
            secretaryOf(branchB),
            get("/api/org-life/training/members/" + members.get(0)).param("year", "" + year))
        .andExpect(status().isNotFound());
  }
}
