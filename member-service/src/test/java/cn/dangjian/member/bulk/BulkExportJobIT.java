package cn.dangjian.member.bulk;

import static cn.dangjian.member.bulk.BulkTestFiles.newIdNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.member.privacy.PersonalDataCipher;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.persistence.Uuids;
import cn.dangjian.testsupport.api.JobFollower;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * Exports as jobs: above the synchronous limit (10,000 rows, as deployed) the export is a 422 that
 * names the job; the job writes every row into its file, masked and audited as the synchronous
 * export, and only its starter sees it.
 */
@TestPropertySource(properties = "dangjian.bulk.export-max-rows=10000")
class BulkExportJobIT extends BulkItSupport {

  private static final int MEMBERS = 10_050;

  @Autowired PersonalDataCipher cipher;

  /**
   * Members inserted set-based (1,000 rows a statement), their ID numbers sealed as the app does.
   */
  private List<String> insertMembers(UUID org, int count) {
    String path =
        jdbc.queryForObject(
            "SELECT path FROM org_unit WHERE id = ?", String.class, Uuids.bytes(org));
    List<String> idNumbers = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (int from = 0; from < count; from += 1000) {
      int n = Math.min(1000, count - from);
      StringBuilder sql =
          new StringBuilder(
              "INSERT INTO member (id, org_id, org_path, name, gender, birth_date,"
                  + " id_number_cipher, id_number_hash, stage, dues_category, join_date,"
                  + " full_member_date, created_at, updated_at, version) VALUES ");
      List<Object> args = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        UUID id = UuidV7.next();
        String idNumber = newIdNumber();
        idNumbers.add(idNumber);
        sql.append(i == 0 ? "" : ",")
            .append("(?,?,?,?,'FEMALE',?,?,?,'FULL','EMPLOYED',?,?,?,?,0)");
        args.add(Uuids.bytes(id));
        args.add(Uuids.bytes(org));
        args.add(path);
        args.add("党员" + (from + i));
        args.add(java.sql.Date.valueOf(birthOf(idNumber)));
        args.add(cipher.encrypt(idNumber, PersonalDataCipher.context(id, "id_number")));
        args.add(cipher.lookupHash(idNumber));
        args.add(java.sql.Date.valueOf("2015-07-01"));
        args.add(java.sql.Date.valueOf("2016-07-01"));
        args.add(now);
        args.add(now);
      }
      jdbc.update(sql.toString(), args.toArray());
    }
    return idNumbers;
  }

  private static String birthOf(String idNumber) {
    return idNumber.substring(6, 10)
        + "-"
        + idNumber.substring(10, 12)
        + "-"
        + idNumber.substring(12, 14);
  }

  @Test
  void anExportJobWritesEveryMemberAboveTheSynchronousLimitMaskedAndAudited() throws Exception {
    UUID big = createOrg(admin, committee, "大党支部", "BRANCH");
    List<String> idNumbers = insertMembers(big, MEMBERS);

    as(admin, get("/api/members/export").param("orgId", big.toString()).param("format", "csv"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("export-too-large"))
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.containsString("POST /api/members/exports")));

    String username = "exporter-" + UUID.randomUUID();
    String secretary = KEYCLOAK.token().roles("secretary").orgId(big).username(username).build();
    long t0 = System.nanoTime();
    MvcResult started =
        as(
                secretary,
                post("/api/members/exports")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"format\":\"csv\"}"))
            .andExpect(status().isAccepted())
            .andReturn();
    long acceptedMs = (System.nanoTime() - t0) / 1_000_000;
    String location = started.getResponse().getHeader(HttpHeaders.LOCATION);
    assertThat(location).startsWith("/api/members/jobs/");

    JsonNode job = new JobFollower(mvc, Duration.ofSeconds(120)).awaitEnd(secretary, location);
    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("kind").asString()).isEqualTo("member-export");
    assertThat(job.get("result").get("rows").asLong()).isEqualTo(MEMBERS);
    assertThat(job.get("progress").get("done").asLong()).isEqualTo(MEMBERS);
    System.out.printf(
        "JOB-TIMING member-export of %d rows (csv): 202 in %d ms, job %s → %s%n",
        MEMBERS, acceptedMs, job.get("startedAt"), job.get("finishedAt"));

    String href = job.get("file").get("href").asString();
    assertThat(href).isEqualTo(location + "/file");
    MvcResult download = as(secretary, get(href)).andExpect(status().isOk()).andReturn();
    MvcResult body = mvc.perform(asyncDispatch(download)).andReturn();
    assertThat(body.getResponse().getContentType()).startsWith("text/csv");
    byte[] bytes = body.getResponse().getContentAsByteArray();
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text.lines()).hasSize(MEMBERS + 1);
    String first = idNumbers.get(0);
    assertThat(text).doesNotContain(first).contains("党员0,").contains("党员" + (MEMBERS - 1) + ",");

    assertThat(
            jdbc.queryForObject(
                "SELECT row_count FROM privacy_audit WHERE actor = ? AND kind = 'MEMBER_EXPORT'",
                Long.class,
                username))
        .isEqualTo(MEMBERS);

    // the job and its file are its starter's: another branch's secretary does not see them
    as(secretaryOf(branchA), get(location)).andExpect(status().isNotFound());
    as(secretaryOf(branchA), get(href)).andExpect(status().isNotFound());
  }

  @Test
  void anOrgExportJobWritesAnXlsxFileOfTheSubtree() throws Exception {
    MvcResult first =
        as(
                admin,
                post("/api/orgs/exports")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"orgId\":\"" + committee + "\",\"format\":\"xlsx\"}"))
            .andExpect(status().isAccepted())
            .andReturn();
    String location = first.getResponse().getHeader(HttpHeaders.LOCATION);
    JsonNode job = new JobFollower(mvc, Duration.ofSeconds(60)).awaitEnd(admin, location);
    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("result").get("rows").asLong()).isEqualTo(3);
    MvcResult download =
        as(admin, get(job.get("file").get("href").asString()))
            .andExpect(status().isOk())
            .andReturn();
    byte[] xlsx =
        mvc.perform(asyncDispatch(download)).andReturn().getResponse().getContentAsByteArray();
    List<List<String>> rows = BulkTestFiles.readXlsx(xlsx);
    assertThat(rows).hasSize(4);
    assertThat(rows.get(1).get(0)).isEqualTo(committee.toString());

    as(
            admin,
            post("/api/orgs/exports")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"format\":\"pdf\"}"))
        .andExpect(status().isBadRequest());
  }
}
