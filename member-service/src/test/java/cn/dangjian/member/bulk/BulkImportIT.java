package cn.dangjian.member.bulk;

import static cn.dangjian.member.bulk.BulkTestFiles.fullMember;
import static cn.dangjian.member.bulk.BulkTestFiles.newIdNumber;
import static cn.dangjian.member.bulk.BulkTestFiles.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.platform.web.IdempotencyKeys;
import cn.dangjian.testsupport.api.JobFollower;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Bulk import of members and organisations through the REST API, as a user notices it. */
class BulkImportIT extends BulkItSupport {

  @Autowired IdempotencyKeys idempotency;

  private static final int FULL_MEMBER_DATE = 12;
  private static final int ID_NUMBER = 5;
  private static final int GENDER = 2;

  @Test
  void allOrNothingImportWritesNothingWhenOneRowIsInvalid() throws Exception {
    int registeredBefore = eventCount("member.registered");
    List<List<String>> rows =
        List.of(
            with(fullMember(branchA, "李红", newIdNumber()), FULL_MEMBER_DATE, "2019-12-01"),
            fullMember(branchA, "王芳", newIdNumber()),
            with(fullMember(branchA, "赵敏", newIdNumber()), GENDER, "未知"),
            with(fullMember(branchA, "孙丽", newIdNumber()), FULL_MEMBER_DATE, "2022-01-01"));

    // a row that cannot be read is refused at once: nothing queued
    as(admin, membersCsv(rows))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.rule").value("import-rejected"))
        .andExpect(jsonPath("$.mode").value("ALL_OR_NOTHING"))
        .andExpect(jsonPath("$.totalRows").value(4))
        .andExpect(jsonPath("$.imported").value(0))
        .andExpect(jsonPath("$.failed").value(1))
        .andExpect(jsonPath("$.errors[0].row").value(4))
        .andExpect(jsonPath("$.errors[0].column").value("性别"))
        .andExpect(jsonPath("$.errors[0].value").value("未知"))
        .andExpect(jsonPath("$.errors[0].rule").value("invalid-value"))
        .andExpect(jsonPath("$.detail").value(containsString("未导入任何数据")));

    // rules the service checks are the job's: a rule broken on row 2 does not stop row 4 from
    // being checked too, and nothing is written
    JsonNode report = rejected(admin, membersCsv(List.of(rows.get(0), rows.get(1), rows.get(3))));
    assertThat(report.get("mode").asString()).isEqualTo("ALL_OR_NOTHING");
    assertThat(report.get("totalRows").asInt()).isEqualTo(3);
    assertThat(report.get("failed").asInt()).isEqualTo(2);
    assertThat(report.get("errors").get(0).get("row").asInt()).isEqualTo(2);
    assertThat(report.get("errors").get(0).get("column").asString()).isEqualTo("转正日期");
    assertThat(report.get("errors").get(0).get("rule").asString())
        .isEqualTo("probation-one-to-two-years");
    assertThat(report.get("errors").get(1).get("row").asInt()).isEqualTo(4);
    assertThat(report.get("errors").get(1).get("rule").asString())
        .isEqualTo("probation-one-to-two-years");

    assertThat(membersIn(branchA)).isZero();
    assertThat(eventCount("member.registered")).isEqualTo(registeredBefore);

    assertThat(imported(admin, membersCsv(List.of(rows.get(1)))).get("imported").asInt())
        .isEqualTo(1);
    assertThat(membersIn(branchA)).isEqualTo(1);
  }

  @Test
  void perRowImportKeepsValidRowsAndReportsRowColumnAndRule() throws Exception {
    String badId = newIdNumber().substring(0, 17) + "Y";
    String duplicated = newIdNumber();
    List<List<String>> rows =
        List.of(
            fullMember(branchA, "李红", newIdNumber()),
            with(fullMember(branchA, "王芳", newIdNumber()), ID_NUMBER, badId),
            fullMember(branchA, "赵敏", newIdNumber()),
            with(fullMember(branchA, "孙丽", newIdNumber()), FULL_MEMBER_DATE, "2019-12-01"),
            fullMember(branchA, "周强", duplicated),
            fullMember(branchA, "周强", duplicated));

    JsonNode report = imported(admin, membersCsv(rows).param("mode", "PER_ROW"));
    assertThat(report.get("mode").asString()).isEqualTo("PER_ROW");
    assertThat(report.get("dryRun").asBoolean()).isFalse();
    assertThat(report.has("rejected")).isFalse();
    assertThat(report.get("totalRows").asInt()).isEqualTo(6);
    assertThat(report.get("imported").asInt()).isEqualTo(2);
    assertThat(report.get("failed").asInt()).isEqualTo(4);
    JsonNode errors = report.get("errors");
    assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
    assertThat(errors.get(0).get("column").asString()).isEqualTo("身份证号");
    assertThat(errors.get(0).get("rule").asString()).isEqualTo("invalid-id-number");
    assertThat(errors.get(0).get("value").asString())
        .isEqualTo(badId.charAt(0) + "*".repeat(16) + badId.charAt(17));
    assertThat(errors.get(0).get("message").asString()).contains("身份证号格式不正确");
    assertThat(errors.get(1).get("row").asInt()).isEqualTo(5);
    assertThat(errors.get(1).get("column").asString()).isEqualTo("转正日期");
    assertThat(errors.get(1).get("value").asString()).isEqualTo("2019-12-01");
    assertThat(errors.get(1).get("rule").asString()).isEqualTo("probation-one-to-two-years");
    assertThat(errors.get(2).get("row").asInt()).isEqualTo(6);
    assertThat(errors.get(2).get("rule").asString()).isEqualTo("duplicate-in-file");
    assertThat(errors.get(3).get("row").asInt()).isEqualTo(7);

    String body = report.toString();
    for (List<String> row : rows) {
      assertThat(body).doesNotContain(row.get(ID_NUMBER)).doesNotContain(row.get(6));
    }
    List<UUID> created = memberIdsIn(branchA);
    assertThat(created).hasSize(2);
    assertThat(eventsFor("member.registered", created)).isEqualTo(2);
  }

  @Test
  void importIntoAnotherBranchIsRefused() throws Exception {
    String secretaryA = secretaryOf(branchA);
    List<List<String>> rows =
        List.of(fullMember(branchA, "李红", newIdNumber()), fullMember(branchB, "越权", newIdNumber()));

    JsonNode refused = rejected(secretaryA, membersCsv(rows));
    assertThat(refused.get("errors")).hasSize(1);
    assertThat(refused.get("errors").get(0).get("row").asInt()).isEqualTo(3);
    assertThat(refused.get("errors").get(0).get("column").asString()).isEqualTo("所在组织ID");
    assertThat(refused.get("errors").get(0).get("rule").asString()).isEqualTo("org-not-found");
    assertThat(membersIn(branchA)).isZero();

    JsonNode perRow = imported(secretaryA, membersCsv(rows).param("mode", "PER_ROW"));
    assertThat(perRow.get("imported").asInt()).isEqualTo(1);
    assertThat(perRow.get("errors").get(0).get("rule").asString()).isEqualTo("org-not-found");
    assertThat(membersIn(branchA)).isEqualTo(1);
    assertThat(membersIn(branchB)).isZero();
  }

  @Test
  void sameIdempotencyKeyReturnsTheFirstReportWithoutImportingTwice() throws Exception {
    String worker =
        KEYCLOAK.token().roles("party-worker").orgId(committee).subject("worker-1").build();
    String sameWorkerLater =
        KEYCLOAK.token().roles("party-worker").orgId(committee).subject("worker-1").build();
    List<List<String>> rows =
        List.of(
            fullMember(branchA, "李红", newIdNumber()),
            with(fullMember(branchA, "王芳", newIdNumber()), GENDER, "?"));
    String key = "import-" + UUID.randomUUID();

    String first =
        as(worker, membersCsv(rows).param("mode", "PER_ROW").header("Idempotency-Key", key))
            .andExpect(status().isAccepted())
            .andExpect(header().doesNotExist("Idempotency-Replayed"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String again =
        as(
                sameWorkerLater,
                membersCsv(rows).param("mode", "PER_ROW").header("Idempotency-Key", key))
            .andExpect(status().isAccepted())
            .andExpect(header().string("Idempotency-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(json.readTree(again)).isEqualTo(json.readTree(first));
    String location = "/api/members/jobs/" + json.readTree(first).get("id").asString();
    JsonNode job = new JobFollower(mvc, Duration.ofSeconds(60)).awaitEnd(worker, location);
    assertThat(job.get("result").get("imported").asInt()).isEqualTo(1);
    assertThat(membersIn(branchA)).isEqualTo(1);
    assertThat(eventsFor("member.registered", memberIdsIn(branchA))).isEqualTo(1);

    as(
            worker,
            membersCsv(List.of(fullMember(branchA, "赵敏", newIdNumber())))
                .param("mode", "PER_ROW")
                .header("Idempotency-Key", key))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("idempotency-key-reused"));
    assertThat(membersIn(branchA)).isEqualTo(1);

    String row =
        jdbc.queryForObject(
            "SELECT body FROM idempotency_key WHERE idem_key = ?", String.class, key);
    assertThat(json.readTree(row).get("kind").asString()).isEqualTo("member-import");
  }

  @Test
  void retryWhileTheFirstImportIsStillRunningIsToldToWaitAndImportsNothing() throws Exception {
    String token = KEYCLOAK.token().roles("platform-admin").subject("admin-impatient").build();
    List<List<String>> rows = List.of(fullMember(branchA, "李红", newIdNumber()));
    byte[] file = BulkTestFiles.csv(BulkTestFiles.MEMBER_HEADER, rows);
    String key = UUID.randomUUID().toString();
    // the first request has claimed the key and is still importing
    idempotency.claim(
        "admin-impatient",
        key,
        BulkImportService.fingerprint(
            BulkImportService.MEMBERS,
            ImportMode.ALL_OR_NOTHING,
            null,
            new Upload("x.csv", "text/csv", file)));

    as(token, membersCsv(rows).header("Idempotency-Key", key))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.rule").value("idempotency-key-in-progress"));
    assertThat(membersIn(branchA)).isZero();
    as(token, membersCsv(rows).header("Idempotency-Key", "bad key with blanks"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.rule").value("invalid-idempotency-key"));
  }

  @Test
  void rejectedImportLeavesTheKeyFreeForTheCorrectedFile() throws Exception {
    String token = KEYCLOAK.token().roles("platform-admin").subject("admin-retry").build();
    List<String> good = fullMember(branchB, "李红", newIdNumber());
    List<String> fixable = fullMember(branchB, "王芳", newIdNumber());
    String key = UUID.randomUUID().toString();
    as(token, membersCsv(List.of(good, with(fixable, GENDER, "?"))).header("Idempotency-Key", key))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].row").value(3));
    assertThat(membersIn(branchB)).isZero();

    JsonNode job =
        importJob(token, membersCsv(List.of(good, fixable)).header("Idempotency-Key", key));
    assertThat(job.get("result").get("imported").asInt()).isEqualTo(2);
    as(token, membersCsv(List.of(good, fixable)).header("Idempotency-Key", " " + key + " "))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Idempotency-Replayed", "true"))
        .andExpect(jsonPath("$.id").value(job.get("id").asString()));
    assertThat(membersIn(branchB)).isEqualTo(2);
  }

  @Test
  void xlsxAndCsvImportTheSameRows() throws Exception {
    List<List<String>> csvRows = new ArrayList<>();
    List<List<String>> xlsxRows = new ArrayList<>();
    String[][] people = {
      {"李红", "女", "正式党员", "在职", "2019-07-01", "2020-07-01"},
      {"王刚", "男", "预备党员", "农民", "2025-06-30", ""},
      {"赵敏", "FEMALE", "入党积极分子", "学生", "", ""},
      {"孙强", "男", "DEVELOPMENT_TARGET", "离退休", "", ""}
    };
    for (String[] p : people) {
      csvRows.add(member(branchA, p, newIdNumber()));
      xlsxRows.add(member(branchB, p, newIdNumber()));
    }
    assertThat(imported(admin, membersCsv(csvRows)).get("imported").asInt()).isEqualTo(4);
    assertThat(
            imported(
                    admin,
                    upload(
                        "/api/members/import",
                        "党员名册.xlsx",
                        XLSX_TYPE,
                        BulkTestFiles.xlsx(BulkTestFiles.MEMBER_HEADER, xlsxRows)))
                .get("imported")
                .asInt())
        .isEqualTo(4);

    assertThat(profiles(branchB)).isEqualTo(profiles(branchA)).hasSize(4);
  }

  private static List<String> member(UUID org, String[] p, String idNumber) {
    List<String> row = fullMember(org, p[0], idNumber);
    row.set(2, p[1]);
    row.set(9, p[2]);
    row.set(10, p[3]);
    row.set(11, p[4]);
    row.set(12, p[5]);
    return row;
  }

  /** What was stored, without the org and personal data (which differ between the files). */
  private List<String> profiles(UUID org) {
    return jdbc.queryForList(
        "SELECT CONCAT_WS('|', name, gender, ethnicity, education, workplace, stage, dues_category,"
            + " COALESCE(join_date, '-'), COALESCE(full_member_date, '-'), DATE_FORMAT(birth_date, '%m'))"
            + " FROM member WHERE org_id = UNHEX(REPLACE(?, '-', '')) ORDER BY name",
        String.class, org.toString());
  }

  @Test
  void unknownColumnIsReportedByName() throws Exception {
    List<String> header = new ArrayList<>(BulkTestFiles.MEMBER_HEADER);
    header.add("籍贯");
    header.remove("身份证号");
    byte[] file = BulkTestFiles.csv(header, List.of(List.of("x")));
    as(admin, upload("/api/members/import", "a.csv", "text/csv", file))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.rule").value("invalid-header"))
        .andExpect(jsonPath("$.errors[0].row").value(1))
        .andExpect(jsonPath("$.errors[0].column").value("籍贯"))
        .andExpect(jsonPath("$.errors[0].rule").value("unknown-column"))
        .andExpect(jsonPath("$.errors[1].column").value("身份证号"))
        .andExpect(jsonPath("$.errors[1].rule").value("missing-column"))
        .andExpect(jsonPath("$.detail").value(containsString("籍贯")));
  }

  @Test
  void englishHeadersWorkAndEnglishCallersGetEnglishMessages() throws Exception {
    List<String> header =
        List.of(
            "orgId",
            "name",
            "gender",
            "ethnicity",
            "birthDate",
            "idNumber",
            "phone",
            "education",
            "workplace",
            "stage",
            "duesCategory",
            "joinDate",
            "fullMemberDate");
    List<String> row =
        with(fullMember(branchA, "Li Hong", newIdNumber()), FULL_MEMBER_DATE, "2019-12-01");
    // the job writes its report in the starter's language
    JsonNode job =
        importJob(
            admin,
            upload(
                    "/api/members/import",
                    "roster.csv",
                    "text/csv",
                    BulkTestFiles.csv(header, List.of(row)))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
    assertThat(job.get("status").asString()).isEqualTo("FAILED");
    JsonNode error = job.get("result").get("errors").get(0);
    assertThat(error.get("column").asString()).isEqualTo("fullMemberDate");
    assertThat(error.get("message").asString()).contains("Full membership");
  }

  @Test
  void dryRunValidatesWithoutWriting() throws Exception {
    int registeredBefore = eventCount("member.registered");
    List<List<String>> rows =
        List.of(
            fullMember(branchA, "李红", newIdNumber()),
            with(fullMember(branchA, "王芳", newIdNumber()), GENDER, "?"),
            fullMember(branchA, "赵敏", newIdNumber()));
    as(admin, membersCsv(rows).param("mode", "PER_ROW").param("dryRun", "true"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dryRun").value(true))
        .andExpect(jsonPath("$.imported").value(2))
        .andExpect(jsonPath("$.failed").value(1));
    as(admin, membersCsv(rows).param("dryRun", "true"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.dryRun").value(true))
        .andExpect(jsonPath("$.imported").value(0));
    as(admin, membersCsv(List.of(rows.get(0))).param("dryRun", "true"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.imported").value(1));
    assertThat(membersIn(branchA)).isZero();
    assertThat(eventCount("member.registered")).isEqualTo(registeredBefore);
  }

  @Test
  void wholeSubtreeImportsFromOneFileAndEventsFollowTheCommittedRows() throws Exception {
    int createdBefore = eventCount("org.created");
    List<String> header = List.of("临时编号", "上级临时编号", "上级组织ID", "组织名称", "组织类型");
    List<List<String>> rows =
        List.of(
            List.of("Z", "", committee.toString(), "城关镇第三党总支", "党总支"),
            List.of("Z1", "Z", "", "第三党支部", "党支部"),
            List.of("Z1a", "Z1", "", "第一党小组", "党小组"),
            List.of("Q", "Z", "", "错误的小组", "党小组"),
            List.of("Q1", "Q", "", "孤儿小组", "党小组"));
    byte[] file = BulkTestFiles.csv(header, rows);

    JsonNode errors =
        rejected(secretaryOf(committee), upload("/api/orgs/import", "tree.csv", "text/csv", file))
            .get("errors");
    assertThat(errors.get(0).get("row").asInt()).isEqualTo(5);
    assertThat(errors.get(0).get("column").asString()).isEqualTo("组织类型");
    assertThat(errors.get(0).get("rule").asString()).isEqualTo("child-type-not-allowed");
    assertThat(errors.get(1).get("row").asInt()).isEqualTo(6);
    assertThat(errors.get(1).get("column").asString()).isEqualTo("上级临时编号");
    assertThat(errors.get(1).get("rule").asString()).isEqualTo("parent-row-failed");
    assertThat(orgsUnder(committee)).hasSize(3);
    assertThat(eventCount("org.created")).isEqualTo(createdBefore);

    JsonNode perRow =
        imported(
            secretaryOf(committee),
            upload("/api/orgs/import", "tree.csv", "text/csv", file).param("mode", "PER_ROW"));
    assertThat(perRow.get("imported").asInt()).isEqualTo(3);
    assertThat(perRow.get("failed").asInt()).isEqualTo(2);
    List<List<String>> tree = orgsUnder(committee);
    assertThat(tree).extracting(r -> r.get(2)).contains("城关镇第三党总支", "第三党支部", "第一党小组");
    assertThat(eventCount("org.created")).isEqualTo(createdBefore + 3);
  }

  @Test
  void partyWorkersImportMembersButNotOrganisations() throws Exception {
    String worker = KEYCLOAK.token().roles("party-worker").orgId(branchA).build();
    byte[] file = BulkTestFiles.csv(List.of("组织名称", "组织类型"), List.of(List.of("小组", "党小组")));
    as(worker, upload("/api/orgs/import", "o.csv", "text/csv", file))
        .andExpect(status().isForbidden());
    imported(worker, membersCsv(List.of(fullMember(branchA, "李红", newIdNumber()))));
    String member = KEYCLOAK.token().roles("member").orgId(branchA).build();
    as(member, membersCsv(List.of(fullMember(branchA, "王芳", newIdNumber()))))
        .andExpect(status().isForbidden());
  }

  @Test
  void wrongFileTypesAreRefusedAsProblems() throws Exception {
    byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
    as(admin, upload("/api/members/import", "old.xls", "application/vnd.ms-excel", xls))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.rule").value("xls-not-supported"));
    as(admin, upload("/api/members/import", "photo.png", "image/png", new byte[] {1, 2, 3}))
        .andExpect(status().isUnsupportedMediaType());
    as(admin, post("/api/members/import").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isUnsupportedMediaType());
    as(admin, upload("/api/members/import", "empty.csv", "text/csv", new byte[0]))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.rule").value("empty-file"));
  }

  @Test
  void moreRowsThanTheLimitAreRefusedBeforeAnyIsImported() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = fullMember(branchA, "李红", newIdNumber());
    for (int i = 0; i < 5001; i++) {
      rows.add(row);
    }
    as(admin, membersCsv(rows))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.rule").value("too-many-rows"))
        .andExpect(jsonPath("$.detail").value(containsString("5000")));
    assertThat(membersIn(branchA)).isZero();
  }

  @Test
  void bulkEndpointsAreDescribedInTheApiDocs() throws Exception {
    JsonNode docs = read(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()));
    JsonNode paths = docs.get("paths");
    JsonNode memberImport = paths.get("/api/members/import").get("post");
    assertThat(memberImport.get("summary").asString()).contains("批量导入党员", "bulk import members");
    assertThat(memberImport.get("requestBody").get("content").has("multipart/form-data")).isTrue();
    assertThat(memberImport.get("responses").has("422")).isTrue();
    assertThat(paths.get("/api/orgs/import").get("post").get("description").asString())
        .contains("临时编号", "parentId");
    assertThat(paths.get("/api/members/export").get("get").get("summary").asString())
        .contains("导出党员名册");
    assertThat(paths.get("/api/orgs/export").get("get").get("tags").get(0).asString())
        .isEqualTo(BulkApi.TAG);
  }

  @Test
  void dryRunImportsCannotBeUsedAsAnUnlimitedIdNumberOracle() throws Exception {
    String username = "dry-runner-" + UUID.randomUUID();
    String prober = KEYCLOAK.token().roles("secretary").orgId(branchA).username(username).build();
    for (int i = 0; i < 30; i++) {
      as(
              prober,
              membersCsv(List.of(fullMember(branchA, "试探" + i, newIdNumber())))
                  .param("dryRun", "true"))
          .andExpect(status().isOk());
    }
    as(
            prober,
            membersCsv(List.of(fullMember(branchA, "试探", newIdNumber()))).param("dryRun", "true"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"))
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/too-many-requests"));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM privacy_audit WHERE actor = ? AND kind = 'IMPORT_DRY_RUN'",
                Integer.class,
                username))
        .isEqualTo(30);
  }
}
