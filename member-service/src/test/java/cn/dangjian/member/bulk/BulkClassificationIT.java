package cn.dangjian.member.bulk;

import static cn.dangjian.member.bulk.BulkTestFiles.fullMember;
import static cn.dangjian.member.bulk.BulkTestFiles.newIdNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The 党内统计 columns of the bulk files: 学历类别, 职务 and 职业 of members, 单位类型 and 隶属关系 of organisations;
 * imported rows go through registration and creation, so they publish member.classified and
 * org.classified as single requests do.
 */
class BulkClassificationIT extends BulkItSupport {

  private static final List<String> HEADER = withClassifications();

  private static List<String> withClassifications() {
    List<String> header = new ArrayList<>(BulkTestFiles.MEMBER_HEADER);
    header.addAll(List.of("学历类别", "职务", "职业"));
    return header;
  }

  private static List<String> row(
      UUID org, String name, String education, String level, String post, String occupation) {
    List<String> row = BulkTestFiles.with(fullMember(org, name, newIdNumber()), 7, education);
    row.addAll(List.of(level, post, occupation));
    return row;
  }

  /** Code columns of the members of an org, by name. */
  private Map<String, List<String>> classificationsIn(UUID org) {
    Map<String, List<String>> byName = new java.util.HashMap<>();
    jdbc.query(
        "SELECT name, education_level, occupation, post FROM member"
            + " WHERE org_id = UNHEX(REPLACE(?, '-', ''))",
        rs -> {
          byName.put(
              rs.getString("name"),
              java.util.Arrays.asList(
                  rs.getString("education_level"),
                  rs.getString("occupation"),
                  rs.getString("post")));
        },
        org.toString());
    return byName;
  }

  @Test
  void importedMembersGetTheirCodesAndPublishMemberClassified() throws Exception {
    List<List<String>> rows =
        List.of(
            row(branchA, "农民党员", "初中", "", "村民小组长", "农民"),
            row(branchA, "技术员", "本科", "硕士", "", "PROFESSIONAL"),
            row(branchA, "未填", "大学", "", "", ""),
            row(branchA, "宇航员", "本科", "", "", "宇航员"));

    JsonNode report =
        imported(
            admin,
            upload("/api/members/import", "名册.csv", "text/csv", BulkTestFiles.csv(HEADER, rows))
                .param("mode", "PER_ROW"));
    assertThat(report.get("imported").asInt()).isEqualTo(3);
    JsonNode error = report.get("errors").get(0);
    assertThat(error.get("row").asInt()).isEqualTo(5);
    assertThat(error.get("column").asString()).isEqualTo("职业");
    assertThat(error.get("rule").asString()).isEqualTo("invalid-value");

    Map<String, List<String>> stored = classificationsIn(branchA);
    assertThat(stored.get("农民党员"))
        .containsExactly("JUNIOR_HIGH_OR_BELOW", "FARMER_HERDER_FISHER", "村民小组长");
    assertThat(stored.get("技术员")).containsExactly("POSTGRADUATE", "PROFESSIONAL", null);
    assertThat(stored.get("未填")).containsExactly("UNSPECIFIED", "UNSPECIFIED", null);

    List<UUID> created = memberIdsIn(branchA);
    assertThat(eventsFor("member.registered", created)).isEqualTo(3);
    assertThat(eventsFor("member.classified", created)).isEqualTo(3);
    String farmer =
        jdbc.queryForObject(
            "SELECT serialized_event FROM event_publication WHERE listener_id LIKE"
                + " '%EventExternalizer%' AND serialized_event LIKE '%member.classified%'"
                + " AND serialized_event LIKE '%FARMER_HERDER_FISHER%'"
                + " AND serialized_event LIKE ?",
            String.class, "%" + branchA + "%");
    assertThat(json.readTree(farmer).get("payload").get("educationLevel").asString())
        .isEqualTo("JUNIOR_HIGH_OR_BELOW");
  }

  @Test
  void theRosterExportCarriesTheLabelsAndLeavesUnspecifiedEmpty() throws Exception {
    imported(
        admin,
        upload(
            "/api/members/import",
            "名册.csv",
            "text/csv",
            BulkTestFiles.csv(
                HEADER,
                List.of(
                    row(branchB, "退休党员", "高中", "", "", "退休"),
                    row(branchB, "无职业", "大学", "", "", "")))));
    String text =
        new String(
            as(
                    admin,
                    get("/api/members/export")
                        .param("orgId", branchB.toString())
                        .param("format", "csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray(),
            StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    assertThat(lines.get(0)).contains(",学历,学历类别,工作单位,职务,职业,发展阶段,");
    assertThat(text).contains(",高中,高中,县供电公司,,离退休人员,正式党员,");
    assertThat(text).contains(",大学,,县供电公司,,,正式党员,");
  }

  @Test
  void importedOrganisationsGetUnitTypeAndAffiliationAndPublishOrgClassified() throws Exception {
    List<String> header = List.of("组织名称", "组织类型", "单位类型", "隶属关系", "上级组织ID");
    List<List<String>> rows =
        List.of(
            List.of("某村党支部", "党支部", "行政村", "乡镇", committee.toString()),
            List.of("某社区党支部", "党支部", "COMMUNITY", "街道", committee.toString()),
            List.of("某公司党支部", "党支部", "", "", committee.toString()));
    JsonNode report =
        imported(
            secretaryOf(committee),
            upload("/api/orgs/import", "orgs.csv", "text/csv", BulkTestFiles.csv(header, rows)));
    assertThat(report.get("imported").asInt()).isEqualTo(3);

    Map<String, String> stored = new java.util.HashMap<>();
    List<UUID> ids = new ArrayList<>();
    jdbc.query(
        "SELECT HEX(id) AS id, name, unit_type, affiliation FROM org_unit"
            + " WHERE parent_id = UNHEX(REPLACE(?, '-', '')) AND name LIKE '某%'",
        rs -> {
          stored.put(
              rs.getString("name"), rs.getString("unit_type") + "/" + rs.getString("affiliation"));
          ids.add(uuidFromHex(rs.getString("id")));
        },
        committee.toString());
    assertThat(stored)
        .containsEntry("某村党支部", "ADMINISTRATIVE_VILLAGE/TOWNSHIP")
        .containsEntry("某社区党支部", "COMMUNITY/TOWNSHIP")
        .containsEntry("某公司党支部", "UNSPECIFIED/UNSPECIFIED");
    assertThat(eventsFor("org.created", ids)).isEqualTo(3);
    assertThat(eventsFor("org.classified", ids)).isEqualTo(3);

    String exported =
        new String(
            as(
                    admin,
                    get("/api/orgs/export")
                        .param("orgId", committee.toString())
                        .param("format", "csv"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray(),
            StandardCharsets.UTF_8);
    assertThat(exported).contains(",某村党支部,党支部,行政村,乡镇、街道").contains(",某公司党支部,党支部,,");
  }
}
