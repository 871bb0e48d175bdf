package cn.dangjian.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Committees, terms, secretary vacancy and postponement through the API. */
class CommitteeIT extends ApiTestSupport {

  private List<UUID> formalMembers(UUID branch, int count) throws Exception {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(id(register(admin, branch, "委员候选" + i, newIdNumber())));
    }
    return ids;
  }

  private String term(String startedOn, String... seats) {
    return "{\"startedOn\":\"" + startedOn + "\",\"members\":[" + String.join(",", seats) + "]}";
  }

  private static String seat(UUID member, String role) {
    return "{\"memberId\":\"" + member + "\",\"role\":\"" + role + "\"}";
  }

  @Test
  void electedCommitteeClearsTheCommitteeRequiredWarningAndShowsItsDueDate() throws Exception {
    List<UUID> m = formalMembers(branchA, 7);
    as(admin, get("/api/orgs/" + branchA))
        .andExpect(jsonPath("$.structureWarnings[0]").value("committee-required"));

    // recorded directly by the 党委 above (a branch's own new term comes from an approved election)
    as(
            secretaryOf(committee),
            post("/api/orgs/" + branchA + "/committee/terms")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    term(
                        "2026-03-01",
                        seat(m.get(0), "SECRETARY"),
                        seat(m.get(1), "ORGANISATION"),
                        seat(m.get(2), "PUBLICITY"))))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.termYears").value(3))
        .andExpect(jsonPath("$.dueOn").value("2029-03-01"))
        .andExpect(jsonPath("$.members.length()").value(3));
    as(admin, get("/api/orgs/" + branchA))
        .andExpect(jsonPath("$.structureWarnings.length()").value(0));
  }

  @Test
  void smallBranchElectsOnlyASecretary() throws Exception {
    List<UUID> m = formalMembers(branchB, 4);
    as(
            admin,
            post("/api/orgs/" + branchB + "/committee/terms")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    term(
                        "2026-03-01", seat(m.get(0), "SECRETARY"), seat(m.get(1), "ORGANISATION"))))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("committee-needs-seven-formal-members"));
    as(
            admin,
            post("/api/orgs/" + branchB + "/committee/terms")
                .contentType(MediaType.APPLICATION_JSON)
                .content(term("2026-03-01", seat(m.get(0), "SECRETARY"))))
        .andExpect(status().isCreated());
  }

  @Test
  void memberOfAnotherBranchCannotBeElected() throws Exception {
    List<UUID> outsider = formalMembers(branchB, 1);
    formalMembers(branchA, 3);
    as(
            admin,
            post("/api/orgs/" + branchA + "/committee/terms")
                .contentType(MediaType.APPLICATION_JSON)
                .content(term("2026-03-01", seat(outsider.get(0), "SECRETARY"))))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("member-not-in-org"));
  }

  @Test
  void departingSecretaryLeavesThePostVacantFromThatDay() throws Exception {
    List<UUID> m = formalMembers(branchA, 3);
    as(
            admin,
            post("/api/orgs/" + branchA + "/committee/terms")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    term(
                        "2026-01-10",
                        seat(m.get(0), "SECRETARY"),
                        seat(m.get(1), "DEPUTY_SECRETARY"))))
        .andExpect(status().isCreated());
    as(
            admin,
            post("/api/orgs/" + branchA + "/committee/members/" + m.get(0) + "/leave")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"leftOn\":\"2026-08-15\",\"reason\":\"工作调动\"}"))
        .andExpect(jsonPath("$.secretaryVacantSince").value("2026-08-15"))
        .andExpect(jsonPath("$.warnings[0]").value("secretary-vacant"));
    as(
            admin,
            post("/api/orgs/" + branchA + "/committee/members")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"memberId\":\""
                        + m.get(2)
                        + "\",\"role\":\"SECRETARY\",\"appointedOn\":\"2026-10-01\"}"))
        .andExpect(jsonPath("$.secretaryVacantSince").doesNotExist());
  }

  /** The payloads of committee.changed bound for Kafka for one org. */
  private List<JsonNode> committeeChanged(UUID org) {
    return jdbc
        .queryForList(
            "SELECT serialized_event FROM event_publication"
                + " WHERE listener_id LIKE '%EventExternalizer%' AND serialized_event LIKE ?"
                + " AND serialized_event LIKE '%committee.changed%'",
            String.class, "%\"orgId\":\"" + org + "%")
        .stream()
        .map(e -> json.readTree(e).get("payload"))
        .toList();
  }

  /** The one event of the org whose composition took effect on that day. */
  private JsonNode effectiveOn(UUID org, String day) {
    List<JsonNode> found =
        committeeChanged(org).stream()
            .filter(p -> day.equals(p.path("effectiveOn").asString()))
            .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void committeeChangedNamesTheSittingMembersAndWhenTheSecretaryTookOffice() throws Exception {
    List<UUID> m = formalMembers(branchA, 3);
    as(
            admin,
            post("/api/orgs/" + branchA + "/committee/terms")
                .contentType(MediaType.APPLICATION_JSON)
                .content(term("2023-01-10", seat(m.get(0), "SECRETARY"))))
        .andExpect(status().isCreated());
    // re-elected: still the secretary since the first term, not a new one
    as(
            admin,
            post("/api/orgs/" + branchA + "/committee/terms")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    term(
                        "2026-01-10",
                        seat(m.get(0), "SECRETARY"),
                        seat(m.get(1), "DEPUTY_SECRETARY"))))
        .andExpect(status().isCreated());
    JsonNode reelected = effectiveOn(branchA, "2026-01-10");
    assertThat(reelected.get("memberIds").values())
        .extracting(JsonNode::asString)
        .containsExactlyInAnyOrder(m.get(0).toString(), m.get(1).toString());
    assertThat(reelected.get("secretarySince").asString()).isEqualTo("2023-01-10");

    as(
            admin,
            post("/api/orgs/" + branchA + "/committee/members/" + m.get(0) + "/leave")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"leftOn\":\"2026-08-15\",\"reason\":\"工作调动\"}"))
        .andExpect(status().isOk());
    as(
            admin,
            post("/api/orgs/" + branchA + "/committee/members")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"memberId\":\""
                        + m.get(2)
                        + "\",\"role\":\"SECRETARY\",\"appointedOn\":\"2026-10-01\"}"))
        .andExpect(status().isOk());
    JsonNode appointed = effectiveOn(branchA, "2026-10-01");
    assertThat(appointed.get("memberIds").values())
        .extracting(JsonNode::asString)
        .containsExactlyInAnyOrder(m.get(1).toString(), m.get(2).toString());
    assertThat(appointed.get("secretarySince").asString()).isEqualTo("2026-10-01");
    JsonNode vacant = effectiveOn(branchA, "2026-08-15").path("secretarySince");
    assertThat(vacant.isNull() || vacant.isMissingNode()).as("no secretary, no since").isTrue();
    assertThat(appointed.get("seats").asInt()).isEqualTo(2);
  }

  @Test
  void postponementBeyondOneYearIsRefused() throws Exception {
    List<UUID> m = formalMembers(branchA, 3);
    as(
            admin,
            post("/api/orgs/" + branchA + "/committee/terms")
                .contentType(MediaType.APPLICATION_JSON)
                .content(term("2024-01-10", seat(m.get(0), "SECRETARY"))))
        .andExpect(status().isCreated());
    as(
            admin,
            post("/api/orgs/" + branchA + "/committee/postpone")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"until\":\"2028-01-11\",\"approvalRef\":\"镇组〔2026〕8号\"}"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("postponement-at-most-one-year"));
    as(
            admin,
            post("/api/orgs/" + branchA + "/committee/postpone")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"until\":\"2027-06-30\",\"approvalRef\":\"镇组〔2026〕8号\"}"))
        .andExpect(jsonPath("$.dueOn").value("2027-06-30"));
  }

  @Test
  void noCommitteeOnRecordIsNotFound() throws Exception {
    as(admin, get("/api/orgs/" + branchB + "/committee")).andExpect(status().isNotFound());
  }
}
