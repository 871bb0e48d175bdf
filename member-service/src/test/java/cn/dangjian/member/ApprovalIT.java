package cn.dangjian.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.platform.time.PartyCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * Who decides what: the branch requests, the 基层党委 (and for 开除党籍 the county 纪委) decides, and the
 * effect follows the last approval (DOMAIN.md §2.2–2.3).
 */
class ApprovalIT extends ApiTestSupport {

  private final List<UUID> fullMembers = new ArrayList<>();
  private String branch;
  private String partyCommittee;
  private String disciplineCommission;
  private LocalDate today;

  @BeforeEach
  void branchWithFullMembers() throws Exception {
    today = LocalDate.now(PartyCalendar.ZONE);
    for (int i = 0; i < 4; i++) {
      fullMembers.add(id(register(admin, branchA, "党员" + i, newIdNumber())));
    }
    branch = secretaryOf(branchA);
    partyCommittee =
        KEYCLOAK
            .token()
            .roles("party-worker")
            .orgId(committee)
            .username("committee-worker-" + committee)
            .build();
    disciplineCommission =
        KEYCLOAK
            .token()
            .roles("discipline-commission")
            .orgId(committee)
            .username("jiwei-" + committee)
            .build();
  }

  private UUID applicant(LocalDate appliedOn) throws Exception {
    String idNumber = newIdNumber();
    UUID id =
        id(
            read(
                as(
                        admin,
                        post("/api/members")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                json.writeValueAsString(
                                    Map.of(
                                        "orgId", branchA.toString(),
                                        "name", "申请人",
                                        "gender", "MALE",
                                        "birthDate", birthOf(idNumber),
                                        "idNumber", idNumber,
                                        "stage", "APPLICANT",
                                        "duesCategory", "EMPLOYED"))))
                    .andExpect(status().isCreated())));
    step(branch, id, "APPLICATION", appliedOn).andExpect(status().isCreated());
    return id;
  }

  private ResultActions step(String who, UUID member, String step, LocalDate on) throws Exception {
    return as(
        who,
        post("/api/members/" + member + "/development/steps")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"step\":\"" + step + "\",\"doneOn\":\"" + on + "\"}"));
  }

  private ResultActions requestStep(UUID member, String step, LocalDate on, String lateReason)
      throws Exception {
    return as(
        branch,
        post("/api/members/" + member + "/development/requests")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"step\":{\"step\":\""
                    + step
                    + "\",\"doneOn\":\""
                    + on
                    + "\"}"
                    + (lateReason == null ? "" : ",\"lateReason\":\"" + lateReason + "\"")
                    + "}"));
  }

  private ResultActions decide(String who, JsonNode approval, String outcome, String comment)
      throws Exception {
    return as(
        who,
        post("/api/approvals/" + approval.get("id").asString() + "/decisions")
            .header("If-Match", "\"" + approval.get("version").asLong() + "\"")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"outcome\":\""
                    + outcome
                    + "\""
                    + (comment == null ? "" : ",\"comment\":\"" + comment + "\"")
                    + "}"));
  }

  private JsonNode approval(String who, String id) throws Exception {
    return read(as(who, get("/api/approvals/" + id)).andExpect(status().isOk()));
  }

  private ResultActions requestStatus(UUID member, String status, String vote) throws Exception {
    return as(
        branch,
        post("/api/members/" + member + "/status-requests")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"status\":\""
                    + status
                    + "\",\"reason\":\"支部大会决定\""
                    + (vote == null ? "" : ",\"vote\":" + vote)
                    + "}"));
  }

  private static String vote(int present, int approve) {
    return "{\"excludedWithApproval\":0,\"present\":"
        + present
        + ",\"approve\":"
        + approve
        + ",\"oppose\":0,\"abstain\":0,\"writtenApprovals\":0}";
  }

  @Test
  void branchCannotRecordTheHigherPreReviewItself() throws Exception {
    UUID target = applicant(today.minusDays(20));
    step(branch, target, "PRE_REVIEW", today)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.rule").value("decided-by-higher-body"))
        .andExpect(jsonPath("$.decidingBody").value("PRIMARY_COMMITTEE"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("基层党委")));
  }

  private ResultActions stepWith(String who, UUID member, String step, LocalDate on, String extra)
      throws Exception {
    return as(
        who,
        post("/api/members/" + member + "/development/steps")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"step\":\""
                    + step
                    + "\",\"doneOn\":\""
                    + on
                    + "\""
                    + (extra == null ? "" : "," + extra)
                    + "}"));
  }

  @Test
  void branchCannotApproveItsOwnAdmission() throws Exception {
    // a development target whose 支部大会 admitted them ten days ago
    LocalDate applied = today.minusYears(2);
    UUID target = applicant(applied);
    LocalDate activist = applied.plusDays(20);
    stepWith(branch, target, "TALK", applied.plusDays(10), null).andExpect(status().isCreated());
    stepWith(branch, target, "ACTIVIST_CONFIRMED", activist, null).andExpect(status().isCreated());
    LocalDate targetOn = activist.plusYears(1).plusDays(5);
    stepWith(branch, target, "TARGET_CONFIRMED", targetOn, null).andExpect(status().isCreated());
    stepWith(
            branch,
            target,
            "INTRODUCERS_ASSIGNED",
            targetOn.plusDays(1),
            "\"people\":[\"" + fullMembers.get(0) + "\",\"" + fullMembers.get(1) + "\"]")
        .andExpect(status().isCreated());
    stepWith(branch, target, "POLITICAL_REVIEW", targetOn.plusDays(2), "\"decision\":\"PASSED\"")
        .andExpect(status().isCreated());
    stepWith(branch, target, "INTENSIVE_TRAINING", targetOn.plusDays(3), "\"trainingHours\":24")
        .andExpect(status().isCreated());
    stepWith(branch, target, "COMMITTEE_REVIEW", targetOn.plusDays(4), null)
        .andExpect(status().isCreated());
    // the 党委's pre-review is the 党委's: the branch is refused, the 党委 records it
    stepWith(branch, target, "PRE_REVIEW", targetOn.plusDays(5), null)
        .andExpect(status().isForbidden());
    stepWith(partyCommittee, target, "PRE_REVIEW", targetOn.plusDays(5), null)
        .andExpect(status().isCreated());
    stepWith(branch, target, "APPLICATION_FORM", targetOn.plusDays(6), null)
        .andExpect(status().isCreated());
    LocalDate meeting = today.minusDays(10);
    stepWith(branch, target, "ADMISSION_MEETING", meeting, "\"vote\":" + vote(4, 4))
        .andExpect(status().isCreated());

    // the branch cannot record the approval of its own admission…
    stepWith(branch, target, "ADMISSION_APPROVED", today, null)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.rule").value("decided-by-higher-body"))
        .andExpect(jsonPath("$.decidingBody").value("PRIMARY_COMMITTEE"));
    // …it requests it, and cannot decide the request either
    JsonNode request =
        read(
            requestStep(target, "ADMISSION_APPROVED", today, null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("DEVELOPMENT_STEP")));
    decide(branch, request, "APPROVE", null)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.rule").value("decided-by-higher-body"));
    as(branch, get("/api/members/" + target))
        .andExpect(jsonPath("$.stage").value("DEVELOPMENT_TARGET"));
    decide(partyCommittee, request, "APPROVE", "经党委集体讨论，同意接收为预备党员")
        .andExpect(jsonPath("$.status").value("APPROVED"));
    // 党籍 from the 支部大会, the step dated by the decision and tied to the approval
    as(branch, get("/api/members/" + target))
        .andExpect(jsonPath("$.stage").value("PROBATIONARY"))
        .andExpect(jsonPath("$.joinDate").value(meeting.toString()));
    as(branch, get("/api/members/" + target + "/development"))
        .andExpect(jsonPath("$.steps[11].step").value("ADMISSION_APPROVED"))
        .andExpect(jsonPath("$.steps[11].doneOn").value(today.toString()))
        .andExpect(jsonPath("$.steps[11].approvalId").value(request.get("id").asString()))
        .andExpect(jsonPath("$.steps[11].late").value(false));
  }

  @Test
  void branchCannotDecideItsOwnRequest() throws Exception {
    UUID member = fullMembers.get(0);
    // the branch files the request; it cannot decide it, the 党委 can
    JsonNode request =
        read(
            as(
                    branch,
                    post("/api/members/" + member + "/status-requests")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            "{\"status\":\"SUSPENDED\",\"basis\":\"SETTLED_ABROAD\","
                                + "\"reason\":\"定居国外\"}"))
                .andExpect(status().isCreated())
                .andExpect(
                    header()
                        .string("Location", org.hamcrest.Matchers.startsWith("/api/approvals/")))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.awaiting").value("PRIMARY_COMMITTEE"))
                .andExpect(jsonPath("$.decidableByMe").value(false))
                .andExpect(jsonPath("$.stages[0].orgId").value(committee.toString())));
    decide(branch, request, "APPROVE", null)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.rule").value("decided-by-higher-body"));
    as(branch, get("/api/members/" + member)).andExpect(jsonPath("$.status").value("ACTIVE"));

    // the 党委's to-do list and badge
    as(partyCommittee, get("/api/approvals?awaitingMe=true"))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(request.get("id").asString()))
        .andExpect(jsonPath("$.items[0].decidableByMe").value(true));
    as(partyCommittee, get("/api/approvals/counts")).andExpect(jsonPath("$.awaitingMe").value(1));
    as(branch, get("/api/approvals/counts"))
        .andExpect(jsonPath("$.awaitingMe").value(0))
        .andExpect(jsonPath("$.pending").value(1));

    decide(partyCommittee, request, "APPROVE", "同意")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"))
        .andExpect(jsonPath("$.stages[0].outcome").value("APPROVE"))
        .andExpect(jsonPath("$.log[1].action").value("APPROVED"));
    as(branch, get("/api/members/" + member)).andExpect(jsonPath("$.status").value("SUSPENDED"));
    as(branch, get("/api/members/" + member + "/status-history"))
        .andExpect(jsonPath("$[0].changedBy").value("committee-worker-" + committee))
        .andExpect(jsonPath("$[0].reason").value(org.hamcrest.Matchers.containsString("基层党委批准")));
  }

  @Test
  void lateTalkIsAcceptedOnlyWithSuperiorApproval() throws Exception {
    LocalDate applied = today.minusMonths(2);
    UUID applicant = applicant(applied);
    LocalDate talkedOn = applied.plusMonths(1).plusDays(1);
    // one day late: refused as before, and nothing later can be recorded without it
    step(branch, applicant, "TALK", talkedOn)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("talk-within-one-month"));
    // the true date with a reason, for the 党委 to accept
    JsonNode request =
        read(
            requestStep(applicant, "TALK", talkedOn, "支部书记病休，谈话推迟")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("LATE_RECORD"))
                .andExpect(jsonPath("$.awaiting").value("PRIMARY_COMMITTEE")));
    step(branch, applicant, "ACTIVIST_CONFIRMED", today)
        .andExpect(jsonPath("$.rule").value("previous-step-missing"));
    decide(partyCommittee, request, "APPROVE", "情况属实，同意补录").andExpect(status().isOk());

    as(branch, get("/api/members/" + applicant + "/development"))
        .andExpect(jsonPath("$.steps[1].step").value("TALK"))
        .andExpect(jsonPath("$.steps[1].doneOn").value(talkedOn.toString()))
        .andExpect(jsonPath("$.steps[1].late").value(true))
        .andExpect(jsonPath("$.steps[1].lateReason").value("支部书记病休，谈话推迟"))
        .andExpect(jsonPath("$.steps[1].approvalId").value(request.get("id").asString()))
        .andExpect(jsonPath("$.steps[1].suspectedBackfill").value(false));
    // the pipeline continues
    step(branch, applicant, "ACTIVIST_CONFIRMED", today)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.stage").value("ACTIVIST"));
  }

  @Test
  void lateRecordIsOnlyForAMissedDeadline() throws Exception {
    UUID applicant = applicant(today.minusDays(10));
    requestStep(applicant, "TALK", today, "想走审批")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("step-is-not-late"));
    // and a waiting period is never waived by a late record
    requestStep(applicant, "ACTIVIST_CONFIRMED", today, "补录")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("previous-step-missing"));
  }

  @Test
  void expulsionNeedsCountyDisciplineCommission() throws Exception {
    UUID member = fullMembers.get(1);
    long version = read(as(branch, get("/api/members/" + member))).get("version").asLong();
    String direct =
        "{\"status\":\"EXPELLED\",\"effectiveOn\":\"" + today + "\",\"reason\":\"严重违纪\"}";
    for (String who : List.of(branch, partyCommittee, admin)) {
      as(
              who,
              post("/api/members/" + member + "/status")
                  .header("If-Match", "\"" + version + "\"")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(direct))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.rule").value("decided-by-higher-body"));
    }
    requestStatus(member, "EXPELLED", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("branch-meeting-vote-required"));
    // four full members entitled: three present, two approving is not more than half of four
    requestStatus(member, "EXPELLED", vote(3, 2))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.rule")
                .value("branch-meeting-vote-needs-more-than-half-of-entitled-members"));
    JsonNode request =
        read(
            requestStatus(member, "EXPELLED", vote(4, 3))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stages.length()").value(2))
                .andExpect(jsonPath("$.stages[1].body").value("DISCIPLINE_COMMISSION")));
    requestStatus(member, "EXPELLED", vote(4, 3)).andExpect(status().isConflict());

    JsonNode afterCommittee =
        read(
            decide(partyCommittee, request, "APPROVE", "同意")
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.awaiting").value("DISCIPLINE_COMMISSION")));
    as(branch, get("/api/members/" + member)).andExpect(jsonPath("$.status").value("ACTIVE"));
    decide(admin, afterCommittee, "APPROVE", null)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.decidingBody").value("DISCIPLINE_COMMISSION"));
    as(disciplineCommission, get("/api/approvals?awaitingMe=true"))
        .andExpect(jsonPath("$.total").value(1));
    decide(disciplineCommission, afterCommittee, "APPROVE", "经审查，同意开除党籍")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"));
    as(branch, get("/api/members/" + member)).andExpect(jsonPath("$.status").value("EXPELLED"));
  }

  @Test
  void returnedRequestIsCompletedAndResubmitted() throws Exception {
    JsonNode request =
        read(
            requestStatus(fullMembers.get(2), "STRUCK_OFF", vote(4, 4))
                .andExpect(status().isCreated()));
    decide(partyCommittee, request, "RETURN", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("return-or-reject-needs-comment"));
    JsonNode returned =
        read(
            decide(partyCommittee, request, "RETURN", "请补充连续六个月未参加组织生活的证明")
                .andExpect(jsonPath("$.status").value("RETURNED")));
    decide(partyCommittee, returned, "APPROVE", null)
        .andExpect(jsonPath("$.rule").value("approval-not-pending"));
    JsonNode resubmitted =
        read(
            as(
                    branch,
                    post("/api/approvals/" + returned.get("id").asString() + "/resubmission")
                        .header("If-Match", "\"" + returned.get("version").asLong() + "\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\":\"已补充考勤记录\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING")));
    // a stale version is refused
    decide(partyCommittee, returned, "APPROVE", null).andExpect(status().isPreconditionFailed());
    decide(partyCommittee, resubmitted, "REJECT", "理由不充分")
        .andExpect(jsonPath("$.status").value("REJECTED"))
        .andExpect(jsonPath("$.log.length()").value(4));
    as(branch, get("/api/members/" + fullMembers.get(2)))
        .andExpect(jsonPath("$.status").value("ACTIVE"));
  }

  @Test
  void anotherBranchDoesNotSeeTheRequest() throws Exception {
    JsonNode request =
        read(
            requestStatus(fullMembers.get(3), "PERSUADED_TO_QUIT", vote(4, 4))
                .andExpect(status().isCreated()));
    String other = secretaryOf(branchB);
    as(other, get("/api/approvals/" + request.get("id").asString()))
        .andExpect(status().isNotFound());
    as(other, get("/api/approvals")).andExpect(jsonPath("$.total").value(0));
    decide(other, request, "APPROVE", null).andExpect(status().isNotFound());
    String member = KEYCLOAK.token().roles("member").memberId(fullMembers.get(3)).build();
    as(member, get("/api/approvals")).andExpect(status().isForbidden());
    assertThat(approval(partyCommittee, request.get("id").asString()).get("summary").asString())
        .contains("劝退");
  }
}
