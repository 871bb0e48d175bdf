package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** A month's bill run as a job: what a secretary sees from starting it to its result. */
class BillRunJobIT extends ApiTestSupport {

  @Test
  void aBillRunAnswers202AtOnceAndItsJobEndsWithTheRunsResult() throws Exception {
    fullMember(branchA, "STUDENT");
    fullMember(branchB, "STUDENT");
    String secretary = secretaryOf(committee);

    MvcResult started =
        postJson(secretary, "/api/dues/bills/runs", Map.of("month", NOW.toString()))
            .andExpect(status().isAccepted())
            .andReturn();
    String location = started.getResponse().getHeader(HttpHeaders.LOCATION);
    JsonNode queued = json.readTree(started.getResponse().getContentAsString());
    assertThat(location).isEqualTo("/api/dues/jobs/" + queued.get("id").asString());
    assertThat(queued.get("kind").asString()).isEqualTo("bill-run");

    JsonNode job = jobs().awaitEnd(secretary, location);
    assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
    JsonNode run = job.get("result").get("runs").get(0);
    assertThat(run.get("orgId").asString()).isEqualTo(committee.toString());
    assertThat(run.get("month").asString()).isEqualTo(NOW.toString());
    assertThat(run.get("issued").asInt()).isEqualTo(2);
    assertThat(run.get("amountFen").asLong()).isEqualTo(40);
    assertThat(job.get("createdBy").asString()).isNotBlank();
  }

  @Test
  void aRetriedStartWithTheSameIdempotencyKeyIsTheSameJobAndBillsOnce() throws Exception {
    fullMember(branchA, "STUDENT");
    String secretary = secretaryOf(branchA);
    String key = "bill-run-" + UUID.randomUUID();

    MvcResult first =
        postJson(secretary, "/api/dues/bills/runs", Map.of("month", NOW.toString()), key)
            .andExpect(status().isAccepted())
            .andReturn();
    MvcResult retried =
        postJson(secretary, "/api/dues/bills/runs", Map.of("month", NOW.toString()), key)
            .andExpect(status().isAccepted())
            .andReturn();

    assertThat(retried.getResponse().getHeader(HttpHeaders.LOCATION))
        .isEqualTo(first.getResponse().getHeader(HttpHeaders.LOCATION));
    assertThat(retried.getResponse().getHeader("Idempotency-Replayed")).isEqualTo("true");
    jobs().awaitEnd(secretary, first.getResponse().getHeader(HttpHeaders.LOCATION));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM dues_bill WHERE org_id = ? AND bill_month = ?",
                Integer.class,
                cn.dangjian.platform.persistence.Uuids.bytes(branchA),
                NOW.atDay(1)))
        .isEqualTo(1);
  }

  @Test
  void startingTheSameMonthAgainRunsItOnceAndNeverBillsTwice() throws Exception {
    fullMember(branchA, "STUDENT");
    fullMember(branchA, "STUDENT");
    String secretary = secretaryOf(branchA);

    MvcResult first =
        postJson(secretary, "/api/dues/bills/runs", Map.of("month", NOW.toString()))
            .andExpect(status().isAccepted())
            .andReturn();
    MvcResult second =
        postJson(secretary, "/api/dues/bills/runs", Map.of("month", NOW.toString()))
            .andExpect(status().isAccepted())
            .andReturn();

    JsonNode one = jobs().awaitEnd(secretary, first.getResponse().getHeader(HttpHeaders.LOCATION));
    JsonNode two = jobs().awaitEnd(secretary, second.getResponse().getHeader(HttpHeaders.LOCATION));
    if (one.get("id").equals(two.get("id"))) {
      return; // the second start found the first still queued or running
    }
    // the first had ended: the second ran, and issued nothing new
    assertThat(one.get("result").get("runs").get(0).get("issued").asInt()).isEqualTo(2);
    assertThat(two.get("result").get("runs").get(0).get("issued").asInt()).isZero();
    assertThat(two.get("result").get("runs").get(0).get("billed").asInt()).isEqualTo(2);
  }

  @Test
  void aBillRunJobIsVisibleInItsSubtreeOnlyAndCannotBeCancelledOnceEnded() throws Exception {
    fullMember(branchA, "STUDENT");
    String secretaryA = secretaryOf(branchA);
    MvcResult started =
        postJson(secretaryA, "/api/dues/bills/runs", Map.of("month", NOW.toString()))
            .andExpect(status().isAccepted())
            .andReturn();
    String location = started.getResponse().getHeader(HttpHeaders.LOCATION);
    jobs().awaitEnd(secretaryA, location);

    as(secretaryOf(committee), get(location)).andExpect(status().isOk());
    as(secretaryOf(branchB), get(location)).andExpect(status().isNotFound());
    as(secretaryOf(branchB), delete(location)).andExpect(status().isNotFound());
    as(secretaryA, delete(location)).andExpect(status().isConflict());
  }
}
