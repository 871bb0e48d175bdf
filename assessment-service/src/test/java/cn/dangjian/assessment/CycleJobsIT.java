package cn.dangjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.platform.persistence.Uuids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * Automatic scores, compute and publish as jobs: 202 with Location, the job ends with what the
 * synchronous call answered before, a second start while one is queued or running returns it, an
 * Idempotency-Key retry replays the 202, and the job is visible to the cycle's managers only.
 */
class CycleJobsIT extends ApiTestSupport {

  @Autowired DataSource dataSource;

  private String automaticCycle() throws Exception {
    JsonNode version =
        publishedVersion(
            List.of(leaf("tasks", "责任清单完成率", "BASE", 100, "AUTOMATIC", "TASK_COMPLETION")), 2026);
    return openAnnual(version, 2026).get("id").asString();
  }

  private ResultActions startAutomatic(String token, String cycle) throws Exception {
    return as(
        token, post("/api/assessments/cycles/" + cycle + "/automatic-scores?asOf=2026-04-01"));
  }

  @Test
  void automaticScoresRunAsAJobWithTheFormerAnswerAsItsResult() throws Exception {
    String cycle = automaticCycle();
    String location = startedTwiceWhileLocked(cycle, () -> startAutomatic(admin, cycle));

    JsonNode job = ended(admin, location);
    assertThat(job.get("kind").asString()).isEqualTo("cycle-automatic-scores");
    assertThat(job.get("result").get("orgs").asInt()).isEqualTo(3);
    assertThat(job.get("result").get("millis").isNumber()).isTrue();
    assertThat(job.get("progress").get("unit").asString()).isEqualTo("indicators");
    assertThat(job.get("progress").get("done").asInt()).isEqualTo(1);
    assertThat(job.get("cancellable").asBoolean()).isFalse(); // ended
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM score_entry WHERE cycle_id = ? AND origin = 'AUTO'",
                Integer.class,
                Uuids.bytes(UUID.fromString(cycle))))
        .isEqualTo(3);
    visibleToManagersOnly(location);
  }

  @Test
  void computeRunsAsAJobWhoseResultIsTheCycleInReview() throws Exception {
    String cycle = automaticCycle();
    automaticScores(admin, cycle, "2026-04-01");
    // what must be refused is refused at once, not in the job
    as(
            admin,
            post("/api/assessments/cycles/" + cycle + "/compute")
                .header(HttpHeaders.IF_MATCH, "\"0\""))
        .andExpect(status().isPreconditionFailed());
    as(admin, post("/api/assessments/cycles/" + cycle + "/compute"))
        .andExpect(status().isPreconditionRequired());
    step(admin, cycle, "publish")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("cycle-status"));

    String location = startedTwiceWhileLocked(cycle, () -> step(admin, cycle, "compute"));

    JsonNode job = ended(admin, location);
    assertThat(job.get("kind").asString()).isEqualTo("cycle-compute");
    JsonNode cycleNow = read(getUrl(admin, "/api/assessments/cycles/" + cycle));
    assertThat(job.get("result")).isEqualTo(cycleNow);
    assertThat(cycleNow.get("status").asString()).isEqualTo("REVIEW");
    visibleToManagersOnly(location);
    // done: the same start again is a synchronous 422, not a second computation
    step(admin, cycle, "compute")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("cycle-status"));
  }

  @Test
  void publishRunsAsAJobWhoseResultIsThePublishedCycle() throws Exception {
    String cycle = automaticCycle();
    automaticScores(admin, cycle, "2026-04-01");
    stepDone(admin, cycle, "compute");

    String location = startedTwiceWhileLocked(cycle, () -> step(admin, cycle, "publish"));

    JsonNode job = ended(admin, location);
    assertThat(job.get("kind").asString()).isEqualTo("cycle-publish");
    JsonNode cycleNow = read(getUrl(admin, "/api/assessments/cycles/" + cycle));
    assertThat(job.get("result")).isEqualTo(cycleNow);
    assertThat(cycleNow.get("status").asString()).isEqualTo("PUBLISHED");
    assertThat(cycleNow.get("publicationNo").asInt()).isEqualTo(1);
    JsonNode publications =
        read(getUrl(admin, "/api/assessments/cycles/" + cycle + "/publications"));
    assertThat(publications).hasSize(1);
    assertThat(publications.get(0).get("publishedBy").asString()).isEqualTo("admin");
    awaitAssessmentEvent(
        e ->
            e.get("type").asString().equals("assessment.cycle-published")
                && e.get("payload").get("cycleId").asString().equals(cycle));
    visibleToManagersOnly(location);
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyReplaysTheAcceptedJob() throws Exception {
    String cycle = automaticCycle();
    String key = "compute-" + UUID.randomUUID();
    String etag = cycleEtag(cycle);
    MvcResult first =
        as(
                admin,
                post("/api/assessments/cycles/" + cycle + "/compute")
                    .header(HttpHeaders.IF_MATCH, etag)
                    .header("Idempotency-Key", key))
            .andExpect(status().isAccepted())
            .andReturn();
    String location = first.getResponse().getHeader(HttpHeaders.LOCATION);
    ended(admin, location);

    MvcResult retry =
        as(
                admin,
                post("/api/assessments/cycles/" + cycle + "/compute")
                    .header(HttpHeaders.IF_MATCH, etag)
                    .header("Idempotency-Key", key))
            .andExpect(status().isAccepted())
            .andReturn();
    assertThat(retry.getResponse().getHeader("Idempotency-Replayed")).isEqualTo("true");
    assertThat(retry.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(location);
    assertThat(json.readTree(retry.getResponse().getContentAsString()).get("id"))
        .isEqualTo(json.readTree(first.getResponse().getContentAsString()).get("id"));
    // computed once: the cycle moved on by exactly one step
    assertThat(read(getUrl(admin, "/api/assessments/cycles/" + cycle)).get("status").asString())
        .isEqualTo("REVIEW");
  }

  /**
   * Starts the work twice while the cycle's row is locked (so the first job cannot end between the
   * two starts): both answer 202 with the same job. Returns its Location.
   */
  private String startedTwiceWhileLocked(String cycle, Callable<ResultActions> start)
      throws Exception {
    MvcResult first;
    MvcResult second;
    try (Connection held = dataSource.getConnection()) {
      held.setAutoCommit(false);
      try (PreparedStatement lock =
          held.prepareStatement("SELECT id FROM assessment_cycle WHERE id = ? FOR UPDATE")) {
        lock.setBytes(1, Uuids.bytes(UUID.fromString(cycle)));
        lock.executeQuery().close();
      }
      long t0 = System.nanoTime();
      first = start.call().andExpect(status().isAccepted()).andReturn();
      long acceptedMs = (System.nanoTime() - t0) / 1_000_000;
      second = start.call().andExpect(status().isAccepted()).andReturn();
      assertThat(acceptedMs).as("202 latency while the work waits").isLessThan(1_000);
      held.rollback();
    }
    String location = first.getResponse().getHeader(HttpHeaders.LOCATION);
    JsonNode job = json.readTree(first.getResponse().getContentAsString());
    assertThat(location).isEqualTo("/api/assessments/jobs/" + job.get("id").asString());
    assertThat(job.get("status").asString()).isIn("QUEUED", "RUNNING");
    assertThat(second.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(location);
    assertThat(json.readTree(second.getResponse().getContentAsString()).get("id"))
        .isEqualTo(job.get("id"));
    return location;
  }

  private JsonNode ended(String token, String location) throws Exception {
    JsonNode job = jobs().awaitEnd(token, location);
    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    return job;
  }

  /** The cycle's managers follow the job; a secretary elsewhere is told it does not exist. */
  private void visibleToManagersOnly(String location) throws Exception {
    getUrl(admin, location).andExpect(status().isOk());
    getUrl(secretaryOf(township), location).andExpect(status().isOk());
    UUID elsewhere = FEED.orgCreated(null, "其他县委" + SERIAL.incrementAndGet(), "PARTY_COMMITTEE");
    awaitOrg(elsewhere);
    getUrl(secretaryOf(elsewhere), location)
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404));
    getUrl(secretaryOf(branchA), location).andExpect(status().isNotFound());
  }
}
