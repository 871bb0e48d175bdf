package cn.dangjian.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** 困难党员减交、免交党费: the branch requests, the 基层党委 approves, dues-service reads the terms. */
class DuesHardshipIT extends ApiTestSupport {

  private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  private ResultActions request(String token, UUID member, String body) throws Exception {
    return as(
        token,
        post("/api/members/" + member + "/dues-hardship-requests")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private String body(String terms) {
    return "{"
        + terms
        + ",\"until\":\""
        + today.plusMonths(6)
        + "\",\"reason\":\"因病生活困难，支部党员大会讨论同意\",\"vote\":{\"excludedWithApproval\":0,"
        + "\"present\":3,\"approve\":3,\"oppose\":0,\"abstain\":0,\"writtenApprovals\":0}}";
  }

  private ResultActions decide(String token, UUID approval) throws Exception {
    JsonNode current = read(as(admin, get("/api/approvals/" + approval)));
    return as(
        token,
        post("/api/approvals/" + approval + "/decisions")
            .header("If-Match", "\"" + current.get("version").asLong() + "\"")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"outcome\":\"APPROVE\"}"));
  }

  /** The outbox entries of member.approval-changed bound for Kafka for one approval. */
  private List<JsonNode> published(UUID approval) {
    return jdbc
        .queryForList(
            "SELECT serialized_event FROM event_publication"
                + " WHERE listener_id LIKE '%EventExternalizer%' AND serialized_event LIKE ?"
                + " AND serialized_event LIKE '%member.approval-changed%'",
            String.class, "%" + approval + "%")
        .stream()
        .map(json::readTree)
        .toList();
  }

  @Test
  void hardshipReductionNeedsPrimaryCommitteeApproval() throws Exception {
    UUID member = id(register(admin, branchA, "困难党员", newIdNumber()));
    register(admin, branchA, "党员乙", newIdNumber());
    register(admin, branchA, "党员丙", newIdNumber());
    String branch = secretaryOf(branchA);

    request(branch, member, body("\"kind\":\"REDUCED\""))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("reduction-names-the-amount-paid"));
    request(
            branch,
            member,
            body("\"kind\":\"REDUCED\",\"reducedFen\":200")
                .replace("\"present\":3,\"approve\":3", "\"present\":3,\"approve\":1"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.rule")
                .value("branch-meeting-vote-needs-more-than-half-of-entitled-members"));

    JsonNode filed =
        read(
            request(branch, member, body("\"kind\":\"REDUCED\",\"reducedFen\":200"))
                .andExpect(status().isCreated())
                .andExpect(
                    header()
                        .string("Location", org.hamcrest.Matchers.startsWith("/api/approvals/")))
                .andExpect(jsonPath("$.kind").value("DUES_HARDSHIP"))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.awaiting").value("PRIMARY_COMMITTEE"))
                .andExpect(jsonPath("$.basis").value(org.hamcrest.Matchers.containsString("第七条"))));
    UUID approval = id(filed);
    // one open request per member
    request(branch, member, body("\"kind\":\"WAIVED\"")).andExpect(status().isConflict());

    // the branch does not decide what the 基层党委 approves
    decide(branch, approval)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.rule").value("decided-by-higher-body"));
    decide(secretaryOf(committee), approval)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"));

    List<JsonNode> events = published(approval);
    assertThat(events)
        .extracting(e -> e.get("payload").get("status").asString())
        .containsExactlyInAnyOrder("PENDING", "APPROVED");
    JsonNode approved =
        events.stream()
            .map(e -> e.get("payload"))
            .filter(p -> p.get("status").asString().equals("APPROVED"))
            .findFirst()
            .orElseThrow();
    assertThat(approved.get("kind").asString()).isEqualTo("DUES_HARDSHIP");
    assertThat(approved.get("subjectMemberId").asString()).isEqualTo(member.toString());
    assertThat(approved.get("decidingOrgId").asString()).isEqualTo(committee.toString());
    assertThat(approved.get("decidedOn").asString()).isEqualTo(today.toString());
    JsonNode terms = approved.get("terms");
    assertThat(terms.get("kind").asString()).isEqualTo("REDUCED");
    assertThat(terms.get("reducedFen").asLong()).isEqualTo(200);
    assertThat(terms.get("until").asString()).isEqualTo(today.plusMonths(6).toString());
    // the branch's reason is not published: it is no other service's business
    assertThat(terms.has("reason")).isFalse();
  }
}
