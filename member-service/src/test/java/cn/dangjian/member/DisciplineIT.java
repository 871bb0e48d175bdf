package cn.dangjian.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.alert.AlertChanged;
import cn.dangjian.events.orglife.AppraisalGraded;
import cn.dangjian.testsupport.MemberEventsFeed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** Sanctions and the 不合格党员 procedure through the API, decided by the 基层党委. */
class DisciplineIT extends ApiTestSupport {

  private static final MemberEventsFeed KAFKA_FEED = new MemberEventsFeed(KAFKA.bootstrapServers());

  private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  private List<UUID> fullMembers(int n) throws Exception {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(id(register(admin, branchA, "党员" + i, newIdNumber())));
    }
    return ids;
  }

  private ResultActions postJson(String token, String path, String body) throws Exception {
    return as(token, post(path).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private static String vote(int present, int approve) {
    return "{\"excludedWithApproval\":0,\"present\":"
        + present
        + ",\"approve\":"
        + approve
        + ",\"oppose\":0,\"abstain\":0,\"writtenApprovals\":0}";
  }

  private ResultActions decide(String token, JsonNode requested) throws Exception {
    JsonNode approval = read(as(token, get("/api/approvals/" + requested.get("id").asString())));
    // the current ETag: earlier steps of the same test may have moved the request on
    return as(
        token,
        post("/api/approvals/" + approval.get("id").asString() + "/decisions")
            .header("If-Match", "\"" + approval.get("version").asLong() + "\"")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"outcome\":\"APPROVE\"}"));
  }

  /** A branch deciding what the 基层党委 decides: 403 naming the body. */
  private ResultActions decideAsBranch(JsonNode requested) throws Exception {
    JsonNode approval =
        read(as(secretaryOf(branchA), get("/api/approvals/" + requested.get("id").asString())));
    return as(
        secretaryOf(branchA),
        post("/api/approvals/" + approval.get("id").asString() + "/decisions")
            .header("If-Match", "\"" + approval.get("version").asLong() + "\"")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"outcome\":\"APPROVE\"}"));
  }

  private JsonNode requestCase(UUID member, UUID caseId, String body) throws Exception {
    return read(
        postJson(
                secretaryOf(branchA),
                "/api/members/" + member + "/unqualified-cases/" + caseId + "/requests",
                body)
            .andExpect(status().isCreated()));
  }

  private void appraisalGraded(UUID member, String grade, int year) {
    EventEnvelope<AppraisalGraded> envelope =
        new EventEnvelope<>(
            UUID.randomUUID(),
            EventTypes.ORGLIFE_APPRAISAL_GRADED,
            1,
            java.time.Instant.now(),
            "org-life-service",
            member.toString(),
            "/",
            new AppraisalGraded(UUID.randomUUID(), member, branchA, year, grade, null));
    KAFKA_FEED.sendRaw(Topics.ORGLIFE_EVENTS, member.toString(), json.writeValueAsBytes(envelope));
    lastGradeEvent = envelope;
  }

  private EventEnvelope<AppraisalGraded> lastGradeEvent;

  @Test
  void unqualifiedGradeOpensTheHandlingProcedure() throws Exception {
    List<UUID> m = fullMembers(2);
    UUID graded = m.get(0);
    String branch = secretaryOf(branchA);
    String cases = "/api/members/" + graded + "/unqualified-cases";
    appraisalGraded(m.get(1), "BASICALLY_QUALIFIED", 2026);
    appraisalGraded(graded, "UNQUALIFIED", 2026);
    JsonNode opened =
        cn.dangjian.testsupport.Eventually.await(
            () -> {
              try {
                JsonNode list = read(as(branch, get(cases)));
                return list.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(list);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).get("step").asString()).isEqualTo("TRIGGERED");
    assertThat(opened.get(0).get("trigger").asString()).isEqualTo("UNQUALIFIED_GRADE");
    // the same event again (at least once delivery) opens nothing more
    KAFKA_FEED.sendRaw(
        Topics.ORGLIFE_EVENTS, graded.toString(), json.writeValueAsBytes(lastGradeEvent));
    // a basically-qualified grade opens nothing
    as(branch, get("/api/members/" + m.get(1) + "/unqualified-cases"))
        .andExpect(jsonPath("$.length()").value(0));

    // the 支委会 studies it and proposes the measure: the procedure goes on from there
    postJson(
            branch,
            cases,
            "{\"trigger\":\"UNQUALIFIED_GRADE\",\"issue\":\"APPRAISAL-2026\","
                + "\"measure\":\"CORRECTION\",\"note\":\"支委会研究，提出限期改正\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.id").value(opened.get(0).get("id").asString()))
        .andExpect(jsonPath("$.step").value("PROPOSED"))
        .andExpect(jsonPath("$.nextStep").value("FILED"));
    as(branch, get(cases)).andExpect(jsonPath("$.length()").value(1));
  }

  private void alertRaised(UUID member, String rule, String severity) {
    UUID alertId = UUID.randomUUID();
    EventEnvelope<AlertChanged> envelope =
        new EventEnvelope<>(
            UUID.randomUUID(),
            EventTypes.ALERT_RAISED,
            1,
            java.time.Instant.now(),
            "alert-service",
            alertId.toString(),
            "/",
            new AlertChanged(
                alertId,
                rule,
                "MEMBER",
                member,
                branchA,
                severity,
                "OPEN",
                "RAISED",
                "党员已连续6个月未参加组织生活",
                today.plusDays(30),
                branchA,
                0));
    KAFKA_FEED.sendRaw(Topics.ALERT_EVENTS, alertId.toString(), json.writeValueAsBytes(envelope));
  }

  @Test
  void sixMonthsWithoutOrganisationalLifeOpensTheHandlingProcedure() throws Exception {
    List<UUID> m = fullMembers(2);
    String branch = secretaryOf(branchA);
    // five months is a warning, not yet a trigger; six (the alert's 严重 level) is
    alertRaised(m.get(1), "MEMBER_ABSENT_ORG_LIFE", "WARNING");
    alertRaised(m.get(0), "MEMBER_ABSENT_ORG_LIFE", "SERIOUS");
    String cases = "/api/members/" + m.get(0) + "/unqualified-cases";
    JsonNode opened =
        cn.dangjian.testsupport.Eventually.await(
            () -> {
              try {
                JsonNode list = read(as(branch, get(cases)));
                return list.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(list);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(opened.get(0).get("step").asString()).isEqualTo("TRIGGERED");
    assertThat(opened.get(0).get("trigger").asString()).isEqualTo("ABSENT_SIX_MONTHS");
    as(branch, get("/api/members/" + m.get(1) + "/unqualified-cases"))
        .andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void unqualifiedGradeOpensTheHandlingProcedureThroughToACorrectionPeriod() throws Exception {
    List<UUID> m = fullMembers(5);
    UUID member = m.get(0);
    String branch = secretaryOf(branchA);
    String primary = secretaryOf(committee);
    String cases = "/api/members/" + member + "/unqualified-cases";
    JsonNode opened =
        read(
            postJson(
                    branch,
                    cases,
                    "{\"trigger\":\"UNQUALIFIED_GRADE\",\"issue\":\"APPRAISAL-2026\","
                        + "\"measure\":\"CORRECTION\",\"note\":\"民主评议不合格，支委会提出限期改正\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.step").value("PROPOSED"))
                .andExpect(jsonPath("$.nextStep").value("FILED")));
    UUID caseId = id(opened);
    String steps = cases + "/" + caseId + "/steps";
    postJson(
            branch,
            steps,
            "{\"step\":\"INVESTIGATED\",\"doneOn\":\"" + today + "\",\"note\":\"x\"}")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("unqualified-steps-in-order"));

    JsonNode filing = requestCase(member, caseId, "{\"step\":\"FILING\"}");
    // the branch does not decide what the 基层党委 decides
    decideAsBranch(filing).andExpect(status().isForbidden());
    decide(primary, filing).andExpect(status().isOk());

    postJson(
            branch,
            steps,
            "{\"step\":\"INVESTIGATED\",\"doneOn\":\"" + today + "\",\"note\":\"调查核实属实\"}")
        .andExpect(status().isCreated());
    postJson(
            branch,
            steps,
            "{\"step\":\"TALKED\",\"doneOn\":\""
                + today
                + "\",\"note\":\"谈话\",\"talkers\":[\""
                + m.get(1)
                + "\"]}")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("talk-needs-two-formal-members"));
    postJson(
            branch,
            steps,
            "{\"step\":\"TALKED\",\"doneOn\":\""
                + today
                + "\",\"note\":\"谈话\",\"talkers\":[\""
                + m.get(1)
                + "\",\""
                + m.get(2)
                + "\"]}")
        .andExpect(status().isCreated());
    decide(primary, requestCase(member, caseId, "{\"step\":\"PRE_REVIEW\"}"))
        .andExpect(status().isOk());
    postJson(
            branch,
            steps,
            "{\"step\":\"VOTED\",\"doneOn\":\""
                + today
                + "\",\"note\":\"支部大会\",\"vote\":"
                + vote(4, 4)
                + "}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.steps[5].voteBase").value(5));
    postJson(
            branch,
            cases + "/" + caseId + "/requests",
            "{\"step\":\"DECISION\",\"correctionMonths\":13}")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("correction-period-at-most-one-year"));
    decide(primary, requestCase(member, caseId, "{\"step\":\"DECISION\"}"))
        .andExpect(status().isOk());

    String endsOn = today.plusMonths(6).toString();
    as(branch, get(cases + "/" + caseId))
        .andExpect(jsonPath("$.step").value("DECIDED"))
        .andExpect(jsonPath("$.correctionEndsOn").value(endsOn))
        .andExpect(jsonPath("$.closed").value(false))
        .andExpect(jsonPath("$.steps.length()").value(7));
    as(branch, get("/api/members/" + member + "/flags"))
        .andExpect(jsonPath("$[0].flag").value("CORRECTION_PERIOD"))
        .andExpect(jsonPath("$[0].endsOn").value(endsOn));
  }

  @Test
  void sanctionNeedsPrimaryCommitteeApprovalAndAWarningBarsAppointmentWithinItsWindow()
      throws Exception {
    List<UUID> m = fullMembers(3);
    String branch = secretaryOf(branchA);
    postJson(
            admin,
            "/api/orgs/" + branchA + "/committee/terms",
            "{\"startedOn\":\""
                + today.minusMonths(1)
                + "\",\"members\":[{\"memberId\":\""
                + m.get(0)
                + "\",\"role\":\"SECRETARY\"}]}")
        .andExpect(status().isCreated());
    JsonNode request =
        read(
            postJson(
                    branch,
                    "/api/members/" + m.get(1) + "/sanctions",
                    "{\"kind\":\"WARNING\",\"issue\":\"DUES-2026\",\"reason\":\"无故拖欠党费\",\"vote\":"
                        + vote(3, 3)
                        + "}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("SANCTION"))
                .andExpect(jsonPath("$.awaiting").value("PRIMARY_COMMITTEE")));
    decideAsBranch(request)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.rule").value("decided-by-higher-body"));
    decide(secretaryOf(committee), request).andExpect(status().isOk());

    as(branch, get("/api/members/" + m.get(1) + "/sanctions"))
        .andExpect(jsonPath("$[0].kind").value("WARNING"))
        .andExpect(jsonPath("$[0].windowEndsOn").value(today.plusYears(1).toString()))
        .andExpect(jsonPath("$[0].status").value("IN_EFFECT"));
    postJson(
            admin,
            "/api/orgs/" + branchA + "/committee/members",
            "{\"memberId\":\""
                + m.get(1)
                + "\",\"role\":\"DEPUTY_SECRETARY\",\"appointedOn\":\""
                + today
                + "\"}")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("sanction-bars-promotion"));
    postJson(
            branch,
            "/api/members/" + m.get(1) + "/unqualified-cases",
            "{\"trigger\":\"ARREARS_SIX_MONTHS\",\"issue\":\"dues-2026\",\"measure\":\"CORRECTION\","
                + "\"note\":\"欠缴党费\"}")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("already-sanctioned-for-this-issue"));
  }

  @Test
  void disciplinaryProbationRemovesVotingRightsAndThePost() throws Exception {
    List<UUID> m = fullMembers(3);
    postJson(
            admin,
            "/api/orgs/" + branchA + "/committee/terms",
            "{\"startedOn\":\""
                + today.minusMonths(1)
                + "\",\"members\":[{\"memberId\":\""
                + m.get(0)
                + "\",\"role\":\"SECRETARY\"}]}")
        .andExpect(status().isCreated());
    JsonNode request =
        read(
            postJson(
                    secretaryOf(branchA),
                    "/api/members/" + m.get(0) + "/sanctions",
                    "{\"kind\":\"PROBATION_UNDER_DISCIPLINE\",\"years\":1,\"issue\":\"CASE-7\","
                        + "\"reason\":\"违反组织纪律\",\"vote\":"
                        + vote(3, 2)
                        + "}")
                .andExpect(status().isCreated()));
    decide(secretaryOf(committee), request).andExpect(status().isOk());
    as(admin, get("/api/members/" + m.get(0) + "/flags"))
        .andExpect(jsonPath("$[0].flag").value("DISCIPLINARY_PROBATION"))
        .andExpect(jsonPath("$[0].endsOn").value(today.plusYears(1).toString()));
    as(admin, get("/api/orgs/" + branchA + "/committee"))
        .andExpect(jsonPath("$.members.length()").value(0))
        .andExpect(jsonPath("$.secretaryVacantSince").value(today.toString()));
    as(admin, get("/api/members/" + m.get(0) + "/sanctions"))
        .andExpect(jsonPath("$[0].probationEndsOn").value(today.plusYears(1).toString()))
        .andExpect(jsonPath("$[0].windowEndsOn").value(today.plusYears(3).toString()));
    // alert-service's DISCIPLINE_PROBATION_ENDING reads the flag's event; the sanction has its own
    List<String> events =
        jdbc.queryForList(
            "SELECT serialized_event FROM event_publication WHERE serialized_event LIKE ?",
            String.class,
            "%" + m.get(0) + "%");
    assertThat(events)
        .anyMatch(e -> e.contains("member.flag-changed") && e.contains("DISCIPLINARY_PROBATION"))
        .anyMatch(
            e -> e.contains("member.sanction-changed") && e.contains("PROBATION_UNDER_DISCIPLINE"));
  }

  private String applicantJson(String idNumber) {
    return json.writeValueAsString(
        Map.of(
            "orgId", branchB.toString(),
            "name", "重新申请人",
            "gender", "MALE",
            "birthDate", birthOf(idNumber),
            "idNumber", idNumber,
            "stage", "APPLICANT",
            "duesCategory", "EMPLOYED"));
  }

  private void expel(UUID member, LocalDate on) {
    jdbc.update(
        "UPDATE member SET status = 'EXPELLED', status_since = ? WHERE id = UNHEX(REPLACE(?, '-', ''))",
        on,
        member.toString());
  }

  @Test
  void expelledPersonCannotApplyWithinFiveYears() throws Exception {
    String idNumber = newIdNumber();
    UUID expelled = id(register(admin, branchA, "被开除者", idNumber));
    expel(expelled, today.minusYears(5).plusDays(1));
    postJson(admin, "/api/members", applicantJson(idNumber))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("five-year-re-entry-bar"));
  }

  @Test
  void appliesAgainAfterFiveYears() throws Exception {
    String idNumber = newIdNumber();
    UUID expelled = id(register(admin, branchA, "被开除者", idNumber));
    expel(expelled, today.minusYears(5));
    postJson(admin, "/api/members", applicantJson(idNumber))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.stage").value("APPLICANT"));
    // the old record stays as history; the new one is now the person's record
    as(admin, get("/api/members/" + expelled)).andExpect(jsonPath("$.status").value("EXPELLED"));
    postJson(admin, "/api/members", applicantJson(idNumber)).andExpect(status().isConflict());
  }
}
