package cn.dangjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

class ResponsibilityIT extends ApiTestSupport {

  private String goal() throws Exception {
    return read(postJson(
                worker,
                "/api/assessments/responsibility/goals",
                Map.of(
                    "orgId",
                    township.toString(),
                    "title",
                    "党建管理能力提升三年行动",
                    "startYear",
                    2026,
                    "endYear",
                    2028))
            .andExpect(status().isCreated()))
        .get("id")
        .asString();
  }

  private ResultActions task(String goal, UUID owner, LocalDate deadline) throws Exception {
    return postJson(
        worker,
        "/api/assessments/responsibility/goals/" + goal + "/tasks",
        Map.of(
            "title", "支部标准化规范化建设达标",
            "responsibility", "支部书记负总责",
            "ownerOrgId", owner.toString(),
            "ownerName", "支部书记",
            "deadline", deadline.toString()));
  }

  @Test
  void anOverdueTaskIsAnnouncedOnceAsTaskOverdue() throws Exception {
    String goal = goal();
    JsonNode t =
        read(task(goal, branchA, LocalDate.of(2020, 3, 31)).andExpect(status().isCreated()));
    String id = t.get("id").asString();
    as(admin, post("/api/assessments/responsibility/overdue-check?asOf=2020-03-31"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.overdue").value(0));
    as(admin, post("/api/assessments/responsibility/overdue-check?asOf=2020-04-01"))
        .andExpect(jsonPath("$.overdue").value(1));
    as(admin, post("/api/assessments/responsibility/overdue-check?asOf=2020-04-02"))
        .andExpect(jsonPath("$.overdue").value(0));
    JsonNode event =
        awaitAssessmentEvent(
            e ->
                e.get("type").asString().equals("assessment.task-overdue")
                    && e.get("subjectId").asString().equals(id));
    assertThat(event).isNotNull();
    assertThat(event.get("payload").get("ownerOrgId").asString()).isEqualTo(branchA.toString());
    assertThat(event.get("payload").get("deadline").asString()).isEqualTo("2020-03-31");
    assertThat(event.get("payload").get("asOf").asString()).isEqualTo("2020-04-01");

    JsonNode lists =
        read(
            getUrl(secretaryOf(branchA), "/api/assessments/responsibility/lists?orgId=" + branchA));
    assertThat(lists.get("tasks").get(0).get("overdue").asBoolean()).isTrue();
    assertThat(lists.get("responsibilities").get("支部书记")).hasSize(1);
    // an owner outside the goal's org, or two owners, are refused
    postJson(
            worker,
            "/api/assessments/responsibility/goals/" + goal + "/tasks",
            Map.of(
                "title", "x",
                "ownerOrgId", branchA.toString(),
                "ownerMemberId", UUID.randomUUID().toString(),
                "ownerName", "x",
                "deadline", "2026-05-01"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("task-one-owner"));
  }

  @Test
  void taskCompletionFeedsItsIndicator() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String goal = goal();
    JsonNode done = read(task(goal, branchA, today.plusDays(10)).andExpect(status().isCreated()));
    String doneId = done.get("id").asString();
    ResultActions got = getUrl(worker, "/api/assessments/responsibility/tasks/" + doneId);
    ResultActions half =
        as(
                worker,
                put("/api/assessments/responsibility/tasks/" + doneId + "/progress")
                    .header(HttpHeaders.IF_MATCH, etag(got))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"progress\":50,\"note\":\"完成阵地建设\"}"))
            .andExpect(status().isOk());
    as(
            worker,
            put("/api/assessments/responsibility/tasks/" + doneId + "/progress")
                .header(HttpHeaders.IF_MATCH, etag(half))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"progress\":100,\"note\":\"验收合格\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DONE"));
    // B's task was due at the start of the year and is not done
    task(goal, branchB, LocalDate.of(today.getYear(), 1, 31)).andExpect(status().isCreated());

    JsonNode version =
        publishedVersion(
            List.of(leaf("tasks", "责任清单完成率", "BASE", 100, "AUTOMATIC", "TASK_COMPLETION")),
            today.getYear());
    String cycle = openAnnual(version, today.getYear()).get("id").asString();
    automaticScores(admin, cycle, null);
    stepDone(admin, cycle, "compute");
    JsonNode a =
        read(getUrl(admin, "/api/assessments/cycles/" + cycle + "/orgs/" + branchA + "/result"));
    JsonNode b =
        read(getUrl(admin, "/api/assessments/cycles/" + cycle + "/orgs/" + branchB + "/result"));
    JsonNode c =
        read(getUrl(admin, "/api/assessments/cycles/" + cycle + "/orgs/" + branchC + "/result"));
    assertThat(a.get("result").get("combined").asDouble()).isEqualTo(100.0);
    assertThat(a.get("scores").get(0).get("evidence").asString()).contains("按期完成 1/1");
    assertThat(b.get("result").get("combined").asDouble()).isEqualTo(0.0);
    assertThat(c.get("result").get("combined").asDouble()).isEqualTo(100.0); // nothing was due
  }
}
