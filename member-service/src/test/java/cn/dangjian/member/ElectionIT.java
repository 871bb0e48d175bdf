package cn.dangjian.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * 换届 through the API: the branch files the 请示, the 党委 above approves each step through
 * /api/approvals, the 党员大会's vote is checked (an invalid one is kept and held again), and the
 * approved result starts the new term.
 */
class ElectionIT extends ApiTestSupport {

  private final LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

  private List<UUID> formalMembers(UUID branch, int count) throws Exception {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(id(register(admin, branch, "党员" + i, newIdNumber())));
    }
    return ids;
  }

  private String elections(UUID org) {
    return "/api/orgs/" + org + "/committee/elections";
  }

  private ResultActions postJson(String token, String path, Object body) throws Exception {
    return as(
        token,
        post(path).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
  }

  /** The 党委's officer approves the request (with its current version). */
  private void approve(String approvalId, String token) throws Exception {
    JsonNode approval = read(as(token, get("/api/approvals/" + approvalId)));
    assertThat(approval.get("decidableByMe").asBoolean()).isTrue();
    as(
            token,
            post("/api/approvals/" + approvalId + "/decisions")
                .header(HttpHeaders.IF_MATCH, "\"" + approval.get("version").asLong() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"APPROVE\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"));
  }

  private static Map<String, Object> votes(UUID member, int count) {
    return Map.of("memberId", member.toString(), "votes", count);
  }

  @Test
  void aBranchElectsItsNewCommitteeThroughTheCommitteeAbove() throws Exception {
    List<UUID> m = formalMembers(branchA, 11);
    // under 留党察看: no vote, cannot be elected, not counted among those entitled
    postJson(
            admin,
            "/api/members/" + m.get(10) + "/flags",
            Map.of("flag", "DISCIPLINARY_PROBATION", "startedOn", today.minusMonths(2).toString()))
        .andExpect(status().isCreated());
    String branch = secretaryOf(branchA);
    String party = secretaryOf(committee);
    // the sitting committee, migrated by the 党委; 换届 is due in 40 days
    LocalDate started = today.plusDays(40).minusYears(3);
    postJson(
            party,
            "/api/orgs/" + branchA + "/committee/terms",
            Map.of(
                "startedOn",
                started.toString(),
                "members",
                List.of(Map.of("memberId", m.get(0).toString(), "role", "SECRETARY"))))
        .andExpect(status().isCreated());

    // 请示
    JsonNode requested =
        read(
            postJson(branch, elections(branchA), Map.of("plannedOn", today.toString()))
                .andExpect(status().isCreated())
                .andExpect(
                    header()
                        .string(
                            HttpHeaders.LOCATION,
                            org.hamcrest.Matchers.startsWith(elections(branchA) + "/")))
                .andExpect(jsonPath("$.status").value("REQUESTED"))
                .andExpect(jsonPath("$.approvalKind").value("ELECTION_REQUEST"))
                .andExpect(jsonPath("$.termDueOn").value(started.plusYears(3).toString()))
                .andExpect(jsonPath("$.warnings.length()").value(0)));
    String election = elections(branchA) + "/" + requested.get("id").asString();
    postJson(branch, elections(branchA), Map.of()).andExpect(status().isConflict());
    // the branch cannot give itself the 批复
    String requestApproval = requested.get("approvalId").asString();
    JsonNode approval = read(as(branch, get("/api/approvals/" + requestApproval)));
    as(
            branch,
            post("/api/approvals/" + requestApproval + "/decisions")
                .header(HttpHeaders.IF_MATCH, "\"" + approval.get("version").asLong() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"APPROVE\"}"))
        .andExpect(status().isForbidden());
    approve(requestApproval, party);
    as(branch, get(election)).andExpect(jsonPath("$.status").value("AUTHORISED"));

    // candidates: 5 for 5 seats is no 差额
    List<String> six = m.subList(1, 7).stream().map(UUID::toString).toList();
    postJson(branch, election + "/candidates", Map.of("seats", 5, "candidates", six.subList(0, 5)))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("differential-below-twenty-percent"));
    List<String> withProbation = new ArrayList<>(six);
    withProbation.add(m.get(10).toString());
    postJson(branch, election + "/candidates", Map.of("seats", 5, "candidates", withProbation))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("only-full-members-with-rights"));
    JsonNode submitted =
        read(
            postJson(branch, election + "/candidates", Map.of("seats", 5, "candidates", six))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CANDIDATES_SUBMITTED"))
                .andExpect(jsonPath("$.minimumCandidates").value(6))
                .andExpect(jsonPath("$.approvalKind").value("CANDIDATE_LIST")));
    approve(submitted.get("approvalId").asString(), party);
    as(branch, get(election)).andExpect(jsonPath("$.status").value("CANDIDATES_APPROVED"));

    // 8 of 10 entitled is exactly four fifths: invalid, kept, announced
    List<Map<String, Object>> ballot =
        List.of(
            votes(m.get(1), 8),
            votes(m.get(2), 8),
            votes(m.get(3), 7),
            votes(m.get(4), 6),
            votes(m.get(5), 5),
            votes(m.get(6), 2));
    postJson(
            branch,
            election + "/result",
            Map.of("heldOn", today.toString(), "present", 8, "entitled", 8, "votes", ballot))
        .andExpect(status().isBadRequest()); // entitled is never taken from the client
    postJson(
            branch,
            election + "/result",
            Map.of("heldOn", today.toString(), "present", 8, "votes", ballot))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("INVALID"))
        .andExpect(jsonPath("$.rounds[0].entitled").value(10))
        .andExpect(jsonPath("$.rounds[0].valid").value(false))
        .andExpect(jsonPath("$.rounds[0].invalidRule").value("turnout-not-above-four-fifths"))
        .andExpect(jsonPath("$.rounds[0].electedMemberIds.length()").value(0));
    postJson(branch, election + "/result-report", Map.of("secretaryMemberId", m.get(1).toString()))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("turnout-not-above-four-fifths"));
    JsonNode held = electionHeld(branchA, false);
    assertThat(held.get("entitled").asInt()).isEqualTo(10);
    assertThat(held.get("present").asInt()).isEqualTo(8);
    assertThat(held.get("seats").asInt()).isEqualTo(5);
    assertThat(held.get("candidates").asInt()).isEqualTo(6);
    assertThat(held.get("rule").asString()).isEqualTo("turnout-not-above-four-fifths");

    // held again: 9 present; 5 votes is more than half of 9
    List<Map<String, Object>> rerun =
        List.of(
            votes(m.get(1), 9),
            votes(m.get(2), 8),
            votes(m.get(3), 7),
            votes(m.get(4), 6),
            votes(m.get(5), 5),
            votes(m.get(6), 4));
    postJson(
            branch,
            election + "/result",
            Map.of("heldOn", today.toString(), "present", 9, "ballotsCast", 9, "votes", rerun))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("HELD"))
        .andExpect(jsonPath("$.rounds.length()").value(2))
        .andExpect(jsonPath("$.rounds[1].valid").value(true))
        .andExpect(jsonPath("$.rounds[1].electedMemberIds.length()").value(5));
    assertThat(electionHeld(branchA, true).get("electedMemberIds").size()).isEqualTo(5);

    // the secretary comes from the elected
    postJson(branch, election + "/result-report", Map.of("secretaryMemberId", m.get(6).toString()))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("secretary-from-the-elected"));
    JsonNode reported =
        read(
            postJson(
                    branch,
                    election + "/result-report",
                    Map.of(
                        "secretaryMemberId",
                        m.get(1).toString(),
                        "deputySecretaryMemberId",
                        m.get(2).toString(),
                        "assignments",
                        List.of(Map.of("memberId", m.get(3).toString(), "role", "ORGANISATION"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("RESULT_SUBMITTED"))
                .andExpect(jsonPath("$.approvalKind").value("ELECTION_RESULT")));
    String resultApproval = reported.get("approvalId").asString();
    approve(resultApproval, party);

    JsonNode done =
        read(
            as(branch, get(election))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.secretaryMemberId").value(m.get(1).toString())));
    as(branch, get("/api/orgs/" + branchA + "/committee"))
        .andExpect(jsonPath("$.termId").value(done.get("termId").asString()))
        .andExpect(jsonPath("$.startedOn").value(today.toString()))
        .andExpect(jsonPath("$.dueOn").value(today.plusYears(3).toString()))
        .andExpect(jsonPath("$.members.length()").value(5))
        .andExpect(
            jsonPath("$.members[?(@.role == 'SECRETARY')].memberId")
                .value(org.hamcrest.Matchers.contains(m.get(1).toString())))
        .andExpect(
            jsonPath("$.members[?(@.role == 'DEPUTY_SECRETARY')].memberId")
                .value(org.hamcrest.Matchers.contains(m.get(2).toString())))
        .andExpect(
            jsonPath("$.members[?(@.role == 'ORGANISATION')].memberId")
                .value(org.hamcrest.Matchers.contains(m.get(3).toString())))
        .andExpect(
            jsonPath("$.members[?(@.role == 'MEMBER')].memberId")
                .value(
                    org.hamcrest.Matchers.containsInAnyOrder(
                        m.get(4).toString(), m.get(5).toString())))
        .andExpect(jsonPath("$.secretaryVacantSince").doesNotExist());
    assertThat(
            jdbc.queryForObject(
                "SELECT approval_ref FROM committee_term WHERE id = UNHEX(REPLACE(?, '-', ''))",
                String.class,
                done.get("termId").asString()))
        .isEqualTo(resultApproval);
    as(branch, get(elections(branchA))).andExpect(jsonPath("$.length()").value(1));
    // the next election may be requested (it is not due for three years: too early)
    postJson(branch, elections(branchA), Map.of())
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("election-request-too-early"));
  }

  @Test
  void aBranchCannotRecordANewTermItself() throws Exception {
    List<UUID> m = formalMembers(branchA, 3);
    postJson(
            secretaryOf(branchA),
            "/api/orgs/" + branchA + "/committee/terms",
            Map.of(
                "startedOn",
                today.toString(),
                "members",
                List.of(Map.of("memberId", m.get(0).toString(), "role", "SECRETARY"))))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.rule").value("decided-by-higher-body"))
        .andExpect(jsonPath("$.decidingBody").value("PRIMARY_COMMITTEE"));
    as(admin, get("/api/orgs/" + branchA + "/committee")).andExpect(status().isNotFound());
  }

  @Test
  void aPostponementIsRequestedByTheBranchAndDecidedByTheCommitteeAbove() throws Exception {
    List<UUID> m = formalMembers(branchB, 3);
    String party = secretaryOf(committee);
    postJson(
            party,
            "/api/orgs/" + branchB + "/committee/terms",
            Map.of(
                "startedOn",
                "2024-01-10",
                "members",
                List.of(Map.of("memberId", m.get(0).toString(), "role", "SECRETARY"))))
        .andExpect(status().isCreated());
    String branch = secretaryOf(branchB);
    postJson(
            branch,
            "/api/orgs/" + branchB + "/committee/postpone",
            Map.of("until", "2027-06-30", "approvalRef", "自定"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.rule").value("decided-by-higher-body"));
    postJson(
            branch,
            "/api/orgs/" + branchB + "/committee/postponement-requests",
            Map.of("until", "2028-01-11", "reason", "村“两委”换届统一安排"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("postponement-at-most-one-year"));
    JsonNode request =
        read(
            postJson(
                    branch,
                    "/api/orgs/" + branchB + "/committee/postponement-requests",
                    Map.of("until", "2027-06-30", "reason", "村“两委”换届统一安排"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("TERM_POSTPONEMENT")));
    approve(request.get("id").asString(), party);
    as(branch, get("/api/orgs/" + branchB + "/committee"))
        .andExpect(jsonPath("$.dueOn").value("2027-06-30"))
        .andExpect(jsonPath("$.postponedUntil").value("2027-06-30"));
  }

  @Test
  void anotherBranchSeesNoneOfIt() throws Exception {
    formalMembers(branchA, 1);
    JsonNode requested =
        read(
            postJson(secretaryOf(branchA), elections(branchA), Map.of())
                .andExpect(status().isCreated()));
    String other = secretaryOf(branchB);
    as(other, get(elections(branchA))).andExpect(status().isNotFound());
    as(other, get(elections(branchA) + "/" + requested.get("id").asString()))
        .andExpect(status().isNotFound());
    postJson(other, elections(branchA), Map.of()).andExpect(status().isNotFound());
    // an election of A is not found under B
    as(admin, get(elections(branchB) + "/" + requested.get("id").asString()))
        .andExpect(status().isNotFound());
  }

  /** The latest committee.election-held of the org with this validity, from member.events. */
  private JsonNode electionHeld(UUID org, boolean valid) throws Exception {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KAFKA.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "election-it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    JsonNode found = null;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of("member.events"));
      long deadline = System.currentTimeMillis() + 30_000;
      while (found == null && System.currentTimeMillis() < deadline) {
        for (var r : consumer.poll(Duration.ofMillis(300))) {
          if (!org.toString().equals(r.key())) {
            continue;
          }
          JsonNode envelope = json.readTree(r.value());
          if ("committee.election-held".equals(envelope.get("type").asString())
              && envelope.get("payload").get("valid").asBoolean() == valid) {
            found = envelope.get("payload");
          }
        }
      }
    }
    assertThat(found).as("committee.election-held valid=%s for %s", valid, org).isNotNull();
    return found;
  }
}
