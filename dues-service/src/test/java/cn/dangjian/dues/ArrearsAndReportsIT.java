package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The arrears list, collection reports and exports, each limited to the caller's subtree. */
class ArrearsAndReportsIT extends ApiTestSupport {

  UUID threeMonths;
  UUID oneMonth;
  UUID paidUp;
  UUID inB;

  @BeforeEach
  void fourMonthsBilled() throws Exception {
    threeMonths = fullMember(branchA, "EMPLOYED");
    oneMonth = fullMember(branchA, "STUDENT");
    paidUp = fullMember(branchA, "STUDENT");
    inB = fullMember(branchB, "STUDENT");
    profile(threeMonths, NOW.minusMonths(3), "EMPLOYED", 540_000L);
    for (int back = 3; back >= 0; back--) {
      run(admin, NOW.minusMonths(back), committee);
    }
    String worker = workerOf(branchA);
    postJson(
            worker,
            "/api/dues/payments",
            offline(
                oneMonth,
                List.of(NOW.minusMonths(3), NOW.minusMonths(2)),
                "A-" + SERIAL.incrementAndGet()),
            key())
        .andExpect(status().isCreated());
    postJson(
            worker,
            "/api/dues/payments",
            offline(
                paidUp,
                List.of(NOW.minusMonths(3), NOW.minusMonths(2), NOW.minusMonths(1), NOW),
                "A-" + SERIAL.incrementAndGet()),
            key())
        .andExpect(status().isCreated());
  }

  @Test
  void theBranchSecretarysArrearsListShowsLongestArrearsFirst() throws Exception {
    JsonNode page = getJson(secretaryOf(branchA), "/api/dues/arrears?size=10");
    assertThat(page.get("total").asLong()).isEqualTo(2);
    JsonNode first = page.get("items").get(0);
    assertThat(first.get("memberId").asString()).isEqualTo(threeMonths.toString());
    assertThat(first.get("consecutiveMonths").asInt()).isEqualTo(3);
    assertThat(first.get("sinceMonth").asString()).isEqualTo(NOW.minusMonths(3).toString());
    assertThat(first.get("outstandingFen").asLong()).isEqualTo(3 * 8_100);
    assertThat(first.get("orgName").asString()).isEqualTo("第一党支部");
    JsonNode second = page.get("items").get(1);
    assertThat(second.get("memberId").asString()).isEqualTo(oneMonth.toString());
    assertThat(second.get("consecutiveMonths").asInt()).isEqualTo(1);
    JsonNode atLeastThree = getJson(secretaryOf(branchA), "/api/dues/arrears?minMonths=3");
    assertThat(atLeastThree.get("total").asLong()).isEqualTo(1);
  }

  @Test
  void anotherBranchsSecretarySeesNoneOfIt() throws Exception {
    JsonNode page = getJson(secretaryOf(branchB), "/api/dues/arrears?size=200");
    assertThat(page.toString())
        .doesNotContain(threeMonths.toString())
        .doesNotContain(oneMonth.toString())
        .contains(inB.toString());
    as(secretaryOf(branchB), get("/api/dues/arrears?orgId=" + branchA))
        .andExpect(status().isNotFound());
    as(secretaryOf(branchB), get("/api/dues/arrears/members/" + threeMonths))
        .andExpect(status().isNotFound());
    as(secretaryOf(branchB), get("/api/dues/bills?memberId=" + threeMonths))
        .andExpect(status().isNotFound());
    JsonNode bills = getJson(secretaryOf(branchB), "/api/dues/bills?size=200");
    assertThat(bills.toString()).doesNotContain(threeMonths.toString());
    String billId =
        getJson(secretaryOf(branchA), "/api/dues/bills?memberId=" + threeMonths)
            .get("items")
            .get(0)
            .get("id")
            .asString();
    as(secretaryOf(branchB), get("/api/dues/bills/" + billId)).andExpect(status().isNotFound());
    as(secretaryOf(branchB), get("/api/dues/reports/monthly?month=" + NOW + "&orgId=" + branchA))
        .andExpect(status().isNotFound());
  }

  @Test
  void aMemberSeesOnlyTheirOwnBillsAndArrears() throws Exception {
    String token = memberToken(threeMonths, branchA);
    JsonNode bills = getJson(token, "/api/dues/bills?size=50");
    assertThat(bills.get("total").asLong()).isEqualTo(4);
    assertThat(bills.toString()).doesNotContain(oneMonth.toString());
    JsonNode others = getJson(token, "/api/dues/bills?memberId=" + oneMonth);
    assertThat(others.get("total").asLong()).isZero();
    JsonNode arrears = getJson(token, "/api/dues/arrears");
    assertThat(arrears.get("total").asLong()).isEqualTo(1);
    as(token, get("/api/dues/reports/monthly?month=" + NOW)).andExpect(status().isForbidden());
  }

  @Test
  void theBaseIsShownOnlyToTheMemberTheirBranchAndAdmins() throws Exception {
    String url = "/api/dues/profiles?memberId=" + threeMonths;
    assertThat(getJson(memberToken(threeMonths, branchA), url).get(0).get("baseFen").asLong())
        .isEqualTo(540_000);
    assertThat(getJson(secretaryOf(branchA), url).get(0).get("baseFen").asLong())
        .isEqualTo(540_000);
    assertThat(getJson(admin, url).get(0).get("baseFen").asLong()).isEqualTo(540_000);
    JsonNode committeeView = getJson(secretaryOf(committee), url).get(0);
    assertThat(committeeView.get("baseFen").isNull()).isTrue();
    assertThat(committeeView.get("baseWithheld").asBoolean()).isTrue();
    assertThat(committeeView.get("standardFen").asLong()).isEqualTo(8_100);
    as(secretaryOf(branchB), get(url)).andExpect(status().isNotFound());
  }

  @Test
  void theMonthlyReportCountsMembersAndAmountsPerBranch() throws Exception {
    JsonNode report =
        getJson(secretaryOf(committee), "/api/dues/reports/monthly?month=" + NOW.minusMonths(2));
    JsonNode total = report.get("total");
    assertThat(total.get("billed").asLong()).isEqualTo(4);
    assertThat(total.get("paid").asLong()).isEqualTo(2);
    assertThat(total.get("unpaid").asLong()).isEqualTo(2);
    assertThat(total.get("dueFen").asLong()).isEqualTo(8_100 + 3 * 20);
    assertThat(total.get("receivedFen").asLong()).isEqualTo(40);
    assertThat(total.get("outstandingFen").asLong()).isEqualTo(8_100 + 20);
    assertThat(total.get("collectionRate").decimalValue()).isEqualByComparingTo("0.49");
    assertThat(total.get("memberRate").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(report.get("parts")).hasSize(2);
    JsonNode a =
        report.get("parts").get(0).get("orgName").asString().equals("第一党支部")
            ? report.get("parts").get(0)
            : report.get("parts").get(1);
    assertThat(a.get("figures").get("billed").asLong()).isEqualTo(3);
  }

  @Test
  void theYearlySummaryAddsUpTheMonths() throws Exception {
    JsonNode report =
        getJson(
            secretaryOf(branchA),
            "/api/dues/reports/yearly?year=" + NOW.getYear() + "&orgId=" + branchA);
    long billed = 0;
    for (JsonNode month : report.get("months")) {
      billed += month.get("figures").get("billed").asLong();
    }
    assertThat(report.get("total").get("billed").asLong()).isEqualTo(billed);
    assertThat(billed).isPositive();
  }

  @Test
  void theArrearsListAndReportsExportAsCsvAndXlsx() throws Exception {
    byte[] csv =
        as(secretaryOf(branchA), get("/api/dues/arrears/export?format=csv"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF党员ID,所在组织,连续未缴月数");
    assertThat(text).contains(threeMonths + ",第一党支部,3," + NOW.minusMonths(3) + ",243.00");
    assertThat(text).doesNotContain(inB.toString());
    byte[] xlsx =
        as(
                secretaryOf(committee),
                get("/api/dues/reports/monthly/export?format=xlsx&month=" + NOW.minusMonths(2)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("应缴人数");
      assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(1).getStringCellValue())
          .isEqualTo("合计");
      assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(2).getNumericCellValue())
          .isEqualTo(4.0);
    }
  }

  @Test
  void anExportAboveTheRowCapIsRefusedAndEveryExportIsAudited() throws Exception {
    String secretary = secretaryOf(committee);
    long before =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM dues_export_audit WHERE subject IS NOT NULL AND actor = ?",
            Long.class,
            "secretary-" + committee);
    // the committee has three members in arrears; the test cap is two
    as(secretary, get("/api/dues/arrears/export?format=csv"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.rule").value("export-too-large"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("缩小")));
    // narrowed to one branch it goes through
    String text =
        as(secretary, get("/api/dues/arrears/export?format=csv&orgId=" + branchA))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(text).contains(threeMonths.toString()).doesNotContain(inB.toString());
    List<java.util.Map<String, Object>> audited =
        jdbc.queryForList(
            "SELECT export, filter, row_count, refused, org_path FROM dues_export_audit"
                + " WHERE actor = ? ORDER BY at",
            "secretary-" + committee);
    assertThat(audited).hasSize((int) before + 2);
    assertThat(audited.get(audited.size() - 2))
        .containsEntry("export", "ARREARS")
        .containsEntry("row_count", 3L)
        .containsEntry("refused", true);
    assertThat(audited.get(audited.size() - 1))
        .containsEntry("row_count", 2L)
        .containsEntry("refused", false)
        .containsEntry("org_path", feed.pathOf(branchA));
    assertThat((String) audited.get(audited.size() - 1).get("filter")).contains(branchA.toString());
  }

  @Test
  void anExportAboveTheCapRunsAsAJobThatWritesEveryRowToAnXlsxFileAndIsAudited() throws Exception {
    String secretary = secretaryOf(committee);
    // the committee has three members in arrears; the test cap is two
    JsonNode job =
        jobs()
            .follow(
                secretary,
                postJson(
                    secretary,
                    "/api/dues/arrears/exports",
                    java.util.Map.of("minMonths", 1, "format", "xlsx")));

    assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("kind").asString()).isEqualTo("arrears-export");
    assertThat(job.get("result").get("rows").asLong()).isEqualTo(3);
    assertThat(job.get("file").get("name").asString()).isEqualTo("arrears.xlsx");
    var download = as(secretary, get(job.get("file").get("href").asString())).andReturn();
    byte[] xlsx =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(
                    download))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("连续未缴月数");
      assertThat(sheet.getLastRowNum()).isEqualTo(3);
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM dues_export_audit WHERE actor = ? AND refused = FALSE"
                    + " AND row_count = 3 AND filter LIKE '%job%'",
                Long.class, "secretary-" + committee))
        .isEqualTo(1);
    as(secretaryOf(branchB), get(job.get("file").get("href").asString()))
        .andExpect(status().isNotFound());
  }
}
