package cn.dangjian.orglife;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AppraisalIT extends ApiTestSupport {

  private org.springframework.test.web.servlet.ResultActions grade(Map<UUID, String> grades)
      throws Exception {
    List<Map<String, String>> list =
        grades.entrySet().stream()
            .map(e -> Map.of("memberId", e.getKey().toString(), "grade", e.getValue()))
            .toList();
    return as(
        worker,
        post("/api/org-life/appraisals")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                json.writeValueAsString(
                    Map.of("orgId", branchA.toString(), "year", 2025, "grades", list))));
  }

  @Test
  void excellentShareOfABranchStaysAtMostOneThirdAcrossSeparateGradings() throws Exception {
    List<UUID> full = formalMembers(branchA, 6);
    UUID probationary = probationaryMember(branchA);
    grade(Map.of(full.get(0), "EXCELLENT", full.get(1), "EXCELLENT", full.get(2), "QUALIFIED"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.maxExcellent").value(2));
    // a third 优秀 in a later request would make 3 of 6
    grade(Map.of(full.get(3), "EXCELLENT"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("excellent-at-most-one-third"));
    // re-grading one of the two frees a place
    grade(Map.of(full.get(0), "QUALIFIED", full.get(3), "EXCELLENT")).andExpect(status().isOk());
    grade(Map.of(probationary, "QUALIFIED"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("probationary-members-are-not-graded"));
    as(
            secretaryOf(branchA),
            get("/api/org-life/appraisals")
                .param("orgId", branchA.toString())
                .param("year", "2025"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.grades.length()").value(4));
    as(
            secretaryOf(branchB),
            get("/api/org-life/appraisals")
                .param("orgId", branchA.toString())
                .param("year", "2025"))
        .andExpect(status().isNotFound());
  }
}
