package cn.dangjian.member.bulk;

import static cn.dangjian.member.bulk.BulkTestFiles.fullMember;
import static cn.dangjian.member.bulk.BulkTestFiles.newIdNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/** Export of members and organisations, and the organisation round trip. */
class BulkExportIT extends BulkItSupport {

  private List<String> importMembers(UUID org, int count) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = newIdNumber();
      ids.add(id);
      rows.add(fullMember(org, "党员" + i, id));
    }
    imported(admin, membersCsv(rows));
    return ids;
  }

  private MockHttpServletResponse export(String token, String path, String format, UUID orgId)
      throws Exception {
    var request = get(path).param("format", format);
    if (orgId != null) {
      request.param("orgId", orgId.toString());
    }
    return as(token, request).andExpect(status().isOk()).andReturn().getResponse();
  }

  @Test
  void exportNeverContainsPlaintextIdNumbers() throws Exception {
    List<String> ids = importMembers(branchA, 3);

    MockHttpServletResponse csv = export(admin, "/api/members/export", "csv", branchA);
    assertThat(csv.getContentType()).startsWith("text/csv");
    assertThat(csv.getHeader(HttpHeaders.CONTENT_DISPOSITION))
        .startsWith("attachment")
        .contains("filename*=UTF-8''%E5%85%9A%E5%91%98%E5%90%8D%E5%86%8C-") // 党员名册-
        .endsWith(".csv");
    assertThat(csv.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
    byte[] bytes = csv.getContentAsByteArray();
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text.lines()).hasSize(4);
    assertThat(text).startsWith("\uFEFF所在组织ID,姓名,性别");

    MockHttpServletResponse xlsx = export(admin, "/api/members/export", "xlsx", branchA);
    assertThat(xlsx.getContentType()).isEqualTo(XLSX_TYPE);
    assertThat(xlsx.getHeader(HttpHeaders.CONTENT_DISPOSITION)).endsWith(".xlsx");
    List<List<String>> sheet = BulkTestFiles.readXlsx(xlsx.getContentAsByteArray());
    assertThat(sheet).hasSize(4);
    String cells = sheet.toString();

    for (String id : ids) {
      String phone = BulkTestFiles.phoneFor(id);
      String masked = id.charAt(0) + "*".repeat(16) + id.charAt(17);
      assertThat(text).doesNotContain(id).doesNotContain(phone).contains(masked);
      assertThat(cells).doesNotContain(id).doesNotContain(phone).contains(masked);
      assertThat(cells).contains(phone.substring(0, 3) + "******" + phone.substring(9));
    }
    assertThat(sheet.get(1)).contains(branchA.toString(), "女", "正式党员", "在职", "2020-07-01");
  }

  @Test
  void exportGivesAPartyWorkerOnlyTheBirthYear() throws Exception {
    List<String> ids = importMembers(branchA, 2);
    String worker =
        KEYCLOAK.token().roles("party-worker").orgId(branchA).username("worker-x").build();
    String text =
        new String(
            export(worker, "/api/members/export", "csv", branchA).getContentAsByteArray(),
            StandardCharsets.UTF_8);
    for (String id : ids) {
      String full = id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
      assertThat(text).doesNotContain(full).contains("," + id.substring(6, 10) + ",");
    }
    String bySecretary =
        new String(
            export(secretaryOf(branchA), "/api/members/export", "csv", branchA)
                .getContentAsByteArray(),
            StandardCharsets.UTF_8);
    String first = ids.get(0);
    assertThat(bySecretary)
        .contains(
            first.substring(6, 10) + "-" + first.substring(10, 12) + "-" + first.substring(12, 14));
  }

  @Test
  void rosterExportAboveTheRowLimitIsRefusedBeforeAnyFileIsStreamed() throws Exception {
    UUID big = createOrg(admin, committee, "大支部", "BRANCH");
    importMembers(big, 26); // the test limit is 25
    as(admin, get("/api/members/export").param("orgId", big.toString()).param("format", "csv"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(header().doesNotExist(HttpHeaders.CONTENT_DISPOSITION))
        .andExpect(jsonPath("$.rule").value("export-too-large"))
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.containsString("POST /api/members/exports")));
    export(admin, "/api/members/export", "csv", branchA); // a small subtree still exports
  }

  @Test
  void everyRosterExportIsAuditedWithScopeFilterAndRowCount() throws Exception {
    importMembers(branchA, 3);
    String username = "exporter-" + UUID.randomUUID();
    String secretary =
        KEYCLOAK.token().roles("secretary").orgId(branchA).username(username).build();
    export(secretary, "/api/members/export", "csv", null);
    String worker =
        KEYCLOAK.token().roles("party-worker").orgId(branchA).username(username).build();
    export(worker, "/api/members/export", "xlsx", branchA);

    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT kind, scope_path, filter, row_count, unmasked FROM privacy_audit"
                + " WHERE actor = ? ORDER BY occurred_at",
            username);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsEntry("kind", "MEMBER_EXPORT")
        .containsEntry("scope_path", "/" + committee + "/" + branchA + "/")
        .containsEntry("filter", "orgId=;format=csv")
        .containsEntry("row_count", 3L);
    assertThat(rows.get(0).get("unmasked")).isIn(true, 1, (byte) 1);
    assertThat(rows.get(1))
        .containsEntry("filter", "orgId=" + branchA + ";format=xlsx")
        .containsEntry("row_count", 3L);
    assertThat(rows.get(1).get("unmasked")).isIn(false, 0, (byte) 0);
  }

  @Test
  void exportedMemberFileHasTheImportColumns() throws Exception {
    importMembers(branchB, 2);
    byte[] file = export(admin, "/api/members/export", "xlsx", branchB).getContentAsByteArray();
    // masked ID numbers cannot be registered again, but every column is understood
    as(admin, upload("/api/members/import", "export.xlsx", XLSX_TYPE, file).param("dryRun", "true"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.failed").value(2))
        .andExpect(jsonPath("$.errors[0].column").value("身份证号"))
        .andExpect(jsonPath("$.errors[0].rule").value("invalid-id-number"))
        .andExpect(jsonPath("$.errors.length()").value(4));
  }

  @Test
  void secretaryExportsOnlyTheirOwnSubtree() throws Exception {
    importMembers(branchA, 2);
    importMembers(branchB, 3);
    String secretaryA = secretaryOf(branchA);
    String text =
        new String(
            export(secretaryA, "/api/members/export", "csv", null).getContentAsByteArray(),
            StandardCharsets.UTF_8);
    assertThat(text.lines()).hasSize(3);
    assertThat(text).doesNotContain(branchB.toString());
    as(secretaryA, get("/api/members/export").param("orgId", branchB.toString()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    as(secretaryA, get("/api/orgs/export").param("format", "pdf"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.rule").value("unsupported-export-format"));
    as(KEYCLOAK.token().roles("member").orgId(branchA).build(), get("/api/members/export"))
        .andExpect(status().isForbidden());
  }

  @Test
  void exportedOrgTreeReimportsUnderAnotherParent() throws Exception {
    UUID general = createOrg(admin, committee, "城关镇第一党总支", "GENERAL_BRANCH");
    UUID b1 = createOrg(admin, general, "第一党支部", "BRANCH");
    createOrg(admin, general, "第二党支部", "JOINT_BRANCH");
    createOrg(admin, b1, "第一党小组", "PARTY_GROUP");
    createOrg(admin, b1, "第二党小组", "PARTY_GROUP");
    UUID otherCommittee = createOrg(admin, null, "另一镇党委" + UUID.randomUUID(), "PARTY_COMMITTEE");

    for (String format : List.of("xlsx", "csv")) {
      UUID target = createOrg(admin, otherCommittee, "接收党委-" + format, "PARTY_COMMITTEE");
      MockHttpServletResponse export =
          export(secretaryOf(committee), "/api/orgs/export", format, general);
      var started =
          as(
              secretaryOf(otherCommittee),
              upload(
                      "/api/orgs/import",
                      "党组织." + format,
                      format.equals("csv") ? "text/csv" : XLSX_TYPE,
                      export.getContentAsByteArray())
                  .param("parentId", target.toString()));
      started.andExpect(status().isAccepted());
      JsonNode report =
          new cn.dangjian.testsupport.api.JobFollower(mvc, java.time.Duration.ofSeconds(60))
              .succeeded(secretaryOf(otherCommittee), started);
      assertThat(report.get("imported").asInt()).isEqualTo(5);
      assertThat(report.get("failed").asInt()).isZero();

      assertThat(shape(orgsUnder(target), target))
          .hasSize(5)
          .isEqualTo(shape(orgsUnder(general), committee));
    }
  }

  /**
   * A tree as "parent > name (type)" lines, ids replaced by names; the organisation the tree hangs
   * from is called ROOT and not listed itself.
   */
  private static List<String> shape(List<List<String>> rows, UUID hangsFrom) {
    Map<String, String> names = new HashMap<>();
    rows.forEach(r -> names.put(r.get(0), r.get(2)));
    names.put(hangsFrom.toString(), "ROOT");
    List<String> shape = new ArrayList<>();
    for (List<String> r : rows) {
      if (!r.get(0).equals(hangsFrom.toString())) {
        shape.add(names.get(r.get(1)) + " > " + r.get(2) + " (" + r.get(3) + ")");
      }
    }
    return shape.stream().sorted().toList();
  }

  @Test
  void orgExportNamesTheRealParentOnTheTopRowAndParentKeysBelow() throws Exception {
    UUID group = createOrg(admin, branchA, "第一党小组", "PARTY_GROUP");
    String text =
        new String(
            export(admin, "/api/orgs/export", "csv", branchA).getContentAsByteArray(),
            StandardCharsets.UTF_8);
    assertThat(text.lines())
        .containsExactly(
            "\uFEFF临时编号,上级临时编号,上级组织ID,组织名称,组织类型,单位类型,隶属关系",
            branchA + ",," + committee + ",第一党支部,党支部,,",
            group + "," + branchA + ",,第一党小组,党小组,,");
    as(admin, get("/api/orgs/export").param("orgId", branchA.toString()))
        .andExpect(header().string(HttpHeaders.CONTENT_TYPE, XLSX_TYPE));
  }
}
