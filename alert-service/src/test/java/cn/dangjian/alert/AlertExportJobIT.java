package cn.dangjian.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.testsupport.api.JobFollower;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** Exports above 10,000 rows: refused directly with the way out, written whole by a job. */
class AlertExportJobIT extends ApiTestSupport {

  private static final int COPIES = 12_000;
  private static final String DIGITS =
      "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
          + " UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8"
          + " UNION ALL SELECT 9)";

  @Test
  void anExportAboveTenThousandRowsRunsAsAJobAndTheFileHasEveryRow() throws Exception {
    UUID member = member(branchA);
    arrears(member, branchA, 3, "2026-08", 4500);
    awaitRow(
        "SELECT COUNT(*) FROM alert WHERE subject_id = UNHEX(REPLACE(?, '-', ''))"
            + " AND rule_id = 'DUES_ARREARS'",
        member);
    copyAlerts(member, COPIES);
    String secretary = secretaryOf(branchA);

    as(secretary, get("/api/alerts/export").param("ruleId", "DUES_ARREARS"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("export-too-large"));

    MvcResult started =
        as(
                secretary,
                post("/api/alerts/exports")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"ruleId\":\"DUES_ARREARS\"}"))
            .andExpect(status().isAccepted())
            .andReturn();
    String location = started.getResponse().getHeader(HttpHeaders.LOCATION);
    JsonNode job = new JobFollower(mvc, Duration.ofSeconds(120)).awaitEnd(secretary, location);

    assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("result").get("rows").asLong()).isEqualTo(COPIES + 1);
    assertThat(job.get("progress").get("done").asLong()).isEqualTo(COPIES + 1);
    assertThat(job.get("file").get("name").asString()).isEqualTo("alerts.csv");
    MvcResult download = as(secretary, get(job.get("file").get("href").asString())).andReturn();
    String csv =
        mvc.perform(asyncDispatch(download))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF预警编号,规则,级别");
    assertThat(csv.lines().count()).isEqualTo(COPIES + 2);

    as(secretaryOf(branchB), get(location)).andExpect(status().isNotFound());
    as(secretaryOf(branchB), get(job.get("file").get("href").asString()))
        .andExpect(status().isNotFound());
    jdbc.update("DELETE FROM alert WHERE period_key LIKE 'export-copy-%'");
  }

  /** Set-based copies of the member's alert, each its own period: a big subtree in seconds. */
  private void copyAlerts(UUID member, int copies) {
    jdbc.update(
        "INSERT INTO alert (id, rule_id, subject_type, subject_id, org_id, org_path, period_key,"
            + " severity, status, title, suggestion, evidence, deadline, raised_on, raised_at,"
            + " updated_at, version) SELECT UNHEX(REPLACE(UUID(), '-', '')), a.rule_id, a.subject_type,"
            + " a.subject_id, a.org_id, a.org_path, CONCAT('export-copy-', n.i), a.severity,"
            + " a.status, a.title, a.suggestion, a.evidence, a.deadline, a.raised_on, a.raised_at,"
            + " a.updated_at, 0 FROM alert a, (SELECT d1.d + 10 * d2.d + 100 * d3.d + 1000 * d4.d"
            + " + 10000 * d5.d AS i FROM "
            + DIGITS
            + " d1, "
            + DIGITS
            + " d2, "
            + DIGITS
            + " d3, "
            + DIGITS
            + " d4, "
            + DIGITS
            + " d5) n WHERE n.i < ? AND a.subject_id = UNHEX(REPLACE(?, '-', ''))"
            + " AND a.rule_id = 'DUES_ARREARS'",
        copies,
        member.toString());
  }
}
