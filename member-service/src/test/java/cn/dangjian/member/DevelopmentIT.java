package cn.dangjian.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** A person walks the 25 steps from applicant to full member through the API. */
class DevelopmentIT extends ApiTestSupport {

  private final List<UUID> fullMembers = new ArrayList<>();
  private UUID applicant;

  @BeforeEach
  void branchWithFiveFullMembersAndAnApplicant() throws Exception {
    for (int i = 0; i < 5; i++) {
      fullMembers.add(id(register(admin, branchA, "老党员" + i, newIdNumber())));
    }
    String idNumber = newIdNumber();
    String body =
        json.writeValueAsString(
            Map.of(
                "orgId", branchA.toString(),
                "name", "申请人",
                "gender", "FEMALE",
                "birthDate", birthOf(idNumber),
                "idNumber", idNumber,
                "stage", "APPLICANT",
                "duesCategory", "EMPLOYED"));
    applicant =
        id(
            read(
                as(
                        admin,
                        post("/api/members").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isCreated())));
  }

  private ResultActions step(String step, String on, String extra) throws Exception {
    String body =
        "{\"step\":\""
            + step
            + "\",\"doneOn\":\""
            + on
            + "\""
            + (extra == null ? "" : "," + extra)
            + "}";
    // the 基层党委 takes its own steps (pre-review, talk, approvals, filing); the branch the rest
    // (filing goes to the 党委 above it: here the county 组织部, as the 党委 is the tree's root)
    boolean higher =
        List.of("PRE_REVIEW", "HIGHER_TALK", "ADMISSION_APPROVED", "CONVERSION_APPROVED")
            .contains(step);
    return as(
        "ADMISSION_FILED".equals(step)
            ? admin
            : higher ? secretaryOf(committee) : secretaryOf(branchA),
        post("/api/members/" + applicant + "/development/steps")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private static String vote(int present, int approve) {
    return "\"vote\":{\"excludedWithApproval\":0,\"present\":"
        + present
        + ",\"approve\":"
        + approve
        + ",\"oppose\":0,\"abstain\":0,\"writtenApprovals\":0}";
  }

  private String people(UUID... ids) {
    StringBuilder s = new StringBuilder("\"people\":[");
    for (int i = 0; i < ids.length; i++) {
      s.append(i == 0 ? "" : ",").append('"').append(ids[i]).append('"');
    }
    return s.append(']').toString();
  }

  @Test
  void applicantBecomesFullMemberThroughAllTwentyFiveSteps() throws Exception {
    step("APPLICATION", "2023-01-05", null)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.nextStep").value("TALK"))
        .andExpect(jsonPath("$.nextDueOn").value("2023-02-05"));
    step("TALK", "2023-01-20", null).andExpect(status().isCreated());
    step("ACTIVIST_CONFIRMED", "2023-03-01", null).andExpect(jsonPath("$.stage").value("ACTIVIST"));
    step("ACTIVIST_FILED", "2023-03-05", null).andExpect(status().isCreated());
    step("CONTACTS_ASSIGNED", "2023-03-06", people(fullMembers.get(0)))
        .andExpect(status().isCreated());
    step("ACTIVIST_EDUCATION", "2023-09-06", null)
        .andExpect(jsonPath("$.nextStep").value("TARGET_CONFIRMED"))
        .andExpect(jsonPath("$.nextDueOn").value("2024-03-01"));
    step("TARGET_CONFIRMED", "2024-03-05", null)
        .andExpect(jsonPath("$.stage").value("DEVELOPMENT_TARGET"));
    step("TARGET_FILED", "2024-03-06", null).andExpect(status().isCreated());
    step("INTRODUCERS_ASSIGNED", "2024-03-10", people(fullMembers.get(1), fullMembers.get(2)))
        .andExpect(status().isCreated());
    step("POLITICAL_REVIEW", "2024-03-20", "\"decision\":\"PASSED\"")
        .andExpect(status().isCreated());
    step("INTENSIVE_TRAINING", "2024-04-01", "\"trainingHours\":24")
        .andExpect(status().isCreated());
    step("COMMITTEE_REVIEW", "2024-04-05", null).andExpect(status().isCreated());
    step("PRE_REVIEW", "2024-04-10", null).andExpect(status().isCreated());
    step("APPLICATION_FORM", "2024-04-15", null).andExpect(status().isCreated());
    step("ADMISSION_MEETING", "2024-05-01", vote(4, 4))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.steps[14].voteBase").value(5))
        .andExpect(jsonPath("$.nextDueOn").value("2024-08-01"));
    step("HIGHER_TALK", "2024-05-10", null).andExpect(status().isCreated());
    step("ADMISSION_APPROVED", "2024-06-01", null)
        .andExpect(jsonPath("$.stage").value("PROBATIONARY"))
        .andExpect(jsonPath("$.nextStep").value("CONVERSION_MEETING"))
        .andExpect(jsonPath("$.nextDueOn").value("2025-05-01"));
    for (String formal :
        List.of("ADMISSION_FILED", "ASSIGNED_TO_GROUP", "OATH", "PROBATION_EDUCATION")) {
      step(formal, "2024-07-01", null).andExpect(status().isCreated());
    }
    step("CONVERSION_APPLICATION", "2025-04-20", null).andExpect(status().isCreated());
    step("CONVERSION_MEETING", "2025-05-02", "\"decision\":\"CONVERT\"," + vote(5, 5))
        .andExpect(status().isCreated());
    step("CONVERSION_APPROVED", "2025-06-01", null).andExpect(jsonPath("$.stage").value("FULL"));
    step("ARCHIVED", "2025-06-10", null).andExpect(jsonPath("$.steps.length()").value(25));

    as(admin, get("/api/members/" + applicant))
        .andExpect(jsonPath("$.stage").value("FULL"))
        .andExpect(jsonPath("$.joinDate").value("2024-05-01"))
        .andExpect(jsonPath("$.fullMemberDate").value("2025-05-01"))
        .andExpect(jsonPath("$.partyStandingYears").value(1));
    List<String> events =
        jdbc.queryForList(
            "SELECT serialized_event FROM event_publication WHERE serialized_event LIKE ?"
                + " AND serialized_event LIKE '%member.development-step%'",
            String.class, "%" + applicant + "%");
    assertThat(events).hasSize(25);
  }

  @Test
  void admissionVoteNeedsMoreThanHalfOfEntitledMembersCountedByTheSystem() throws Exception {
    UUID probationary = fullMembers.get(4);
    // one of the five loses the vote: under disciplinary probation
    as(
            admin,
            post("/api/members/" + probationary + "/flags")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"flag\":\"DISCIPLINARY_PROBATION\",\"startedOn\":\"2024-01-01\"}"))
        .andExpect(status().isCreated());
    walkToAdmissionMeeting();
    // 4 entitled: 2 present is not more than half
    step("ADMISSION_MEETING", "2024-05-01", vote(2, 2))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("meeting-needs-more-than-half-present"));
    step("ADMISSION_MEETING", "2024-05-01", vote(3, 3))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.steps[10].voteBase").value(4));
  }

  @Test
  void activistNeedsOneYearBeforeBecomingTargetThroughTheApi() throws Exception {
    step("APPLICATION", "2025-06-01", null);
    step("TALK", "2025-06-10", null);
    step("ACTIVIST_CONFIRMED", "2025-07-01", null);
    step("TARGET_CONFIRMED", "2026-06-30", null)
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("activist-needs-one-year-before-becoming-target"));
    as(admin, get("/api/members/" + applicant)).andExpect(jsonPath("$.stage").value("ACTIVIST"));
  }

  @Test
  void introducersMustBeFullMembersNotTheApplicantsPeers() throws Exception {
    walkTo("TARGET_FILED");
    UUID otherApplicant = id(register(admin, branchB, "另一支部党员", newIdNumber()));
    step("INTRODUCERS_ASSIGNED", "2024-03-10", people(fullMembers.get(1), applicant))
        .andExpect(jsonPath("$.rule").value("two-full-member-introducers"));
    step("INTRODUCERS_ASSIGNED", "2024-03-10", people(fullMembers.get(1), otherApplicant))
        .andExpect(status().isCreated());
  }

  private void walkTo(String last) throws Exception {
    String[][] steps = {
      {"APPLICATION", "2023-01-05", null},
      {"TALK", "2023-01-20", null},
      {"ACTIVIST_CONFIRMED", "2023-03-01", null},
      {"TARGET_CONFIRMED", "2024-03-05", null},
      {"TARGET_FILED", "2024-03-06", null},
      {"INTRODUCERS_ASSIGNED", "2024-03-10", people(fullMembers.get(1), fullMembers.get(2))},
      {"POLITICAL_REVIEW", "2024-03-20", "\"decision\":\"PASSED\""},
      {"INTENSIVE_TRAINING", "2024-04-01", "\"trainingHours\":32"},
      {"PRE_REVIEW", "2024-04-10", null},
      {"APPLICATION_FORM", "2024-04-15", null}
    };
    for (String[] s : steps) {
      step(s[0], s[1], s[2]).andExpect(status().isCreated());
      if (s[0].equals(last)) {
        return;
      }
    }
  }

  private void walkToAdmissionMeeting() throws Exception {
    walkTo("APPLICATION_FORM");
  }
}
