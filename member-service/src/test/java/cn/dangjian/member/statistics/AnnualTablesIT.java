package cn.dangjian.member.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.MemberClassified;
import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.member.OrgClassified;
import cn.dangjian.events.member.OrgCreated;
import cn.dangjian.member.MemberServiceIntegrationTest;
import cn.dangjian.testsupport.api.ResponseContract;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The annual tables through the API, from events fed to the read model: a simulated county year
 * (the rows add up in every sheet) and a small committee whose counts are known.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualTablesIT extends MemberServiceIntegrationTest {

  static final int YEAR = 2025;

  @Autowired MockMvc mvc;
  @Autowired StatisticsConsumer consumer;
  @Autowired PlatformTransactionManager transactionManager;
  private final JsonMapper json = JsonMapper.builder().build();
  private String admin;
  private PartySimulation county;
  private final UUID committee = UUID.randomUUID();
  private final UUID first = UUID.randomUUID();
  private final UUID second = UUID.randomUUID();
  private final List<EventEnvelope<JsonNode>> known = new ArrayList<>();

  @BeforeAll
  void eventsOfTwoYears() {
    admin = KEYCLOAK.token().roles("platform-admin").username("admin").build();
    county = new PartySimulation(20251231L).run(YearMonth.of(YEAR, 1), YearMonth.of(YEAR, 12));
    feed(county.events);
    LocalDate start = LocalDate.of(YEAR - 1, 3, 1);
    org(committee, null, "年报测试党委", "PARTY_COMMITTEE", start);
    org(first, committee, "年报一支部", "BRANCH", start);
    org(second, committee, "年报二支部", "BRANCH", start);
    // one member the year before, three more this year: two women, one of them 壮族
    member(first, "MALE", "汉族", "1970-05", "FULL", LocalDate.of(YEAR - 1, 6, 10));
    member(first, "FEMALE", "汉族", "1995-03", "FULL", LocalDate.of(YEAR, 2, 10));
    member(first, "MALE", "汉族", "1960-11", "FULL", LocalDate.of(YEAR, 4, 10));
    // her classification reaches the statistics before her registration (as after an outage)
    memberClassifiedFirst(
        second, "FEMALE", "壮族", "2000-01", "PROBATIONARY", LocalDate.of(YEAR, 5, 10));
    feed(known);
  }

  void feed(List<EventEnvelope<JsonNode>> events) {
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    for (int i = 0; i < events.size(); i += 50) {
      List<EventEnvelope<JsonNode>> batch = events.subList(i, Math.min(events.size(), i + 50));
      tx.executeWithoutResult(s -> consumer.applyAll(batch));
    }
  }

  @Test
  void theWorkbookHasFiveChineseSheetsAndTheTotalRowIsTheSumOfTheOthersInEveryNumericColumn()
      throws Exception {
    MockHttpServletResponse response = download(county.root, "xlsx");

    assertThat(response.getContentType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(
            ContentDisposition.parse(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .getFilename())
        .isEqualTo("党内统计年报-模拟县委-" + YEAR + ".xlsx");
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(5);
      assertThat(List.of(0, 1, 2, 3, 4).stream().map(i -> book.getSheetAt(i).getSheetName()))
          .containsExactly("表1 党员基本情况", "表2 党组织基本情况", "表3 党员发展与变动", "表4 组织生活与党费", "表5 与上年比较");
      Sheet members = book.getSheetAt(0);
      assertThat(text(members.getRow(0), 0)).isEqualTo("单位");
      assertThat(text(members.getRow(0), 1)).isEqualTo("党员总数");
      assertThat(headers(members)).contains("性别：女", "民族：少数民族", "年龄：30岁及以下", "党龄：预备期");
      // children by name, then 本级 and 合计
      assertThat(column(members, 0).subList(0, 4))
          .containsExactlyInAnyOrder("甲镇党委", "乙镇党委", "本级", "合计")
          .endsWith("本级", "合计");
      int checked = 0;
      for (int s = 0; s < 4; s++) {
        checked += checkTotalIsTheSumOfTheRows(book.getSheetAt(s));
      }
      assertThat(checked).isGreaterThan(80);
      long total = (long) members.getRow(4).getCell(1).getNumericCellValue();
      assertThat(total).isPositive();
      Sheet comparison = book.getSheetAt(4);
      assertThat(headers(comparison)).containsExactly("指标", "本年", "上年", "增减", "增减（%）");
      assertThat(text(comparison.getRow(1), 0)).isEqualTo("党员总数");
      assertThat((long) comparison.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(total);
    }
  }

  @Test
  void
      theKnownCommitteeHasTwoWomenOneMinorityMemberAndOneMemberTheYearBeforeThoughOneClassificationCameFirst()
          throws Exception {
    MockHttpServletResponse response = download(committee, "xlsx");

    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
      Sheet members = book.getSheetAt(0);
      List<String> header = headers(members);
      assertThat(column(members, 0)).startsWith("年报一支部", "年报二支部", "本级", "合计");
      Row total = members.getRow(4);
      assertThat(total.getCell(header.indexOf("党员总数")).getNumericCellValue()).isEqualTo(4);
      assertThat(total.getCell(header.indexOf("性别：女")).getNumericCellValue()).isEqualTo(2);
      assertThat(total.getCell(header.indexOf("民族：少数民族")).getNumericCellValue()).isEqualTo(1);
      assertThat(total.getCell(header.indexOf("预备党员")).getNumericCellValue()).isEqualTo(1);
      assertThat(members.getRow(1).getCell(header.indexOf("党员总数")).getNumericCellValue())
          .isEqualTo(3);
      assertThat(members.getRow(3).getCell(header.indexOf("党员总数")).getNumericCellValue()).isZero();
      Sheet orgs = book.getSheetAt(1);
      assertThat(orgs.getRow(4).getCell(headers(orgs).indexOf("党委")).getNumericCellValue())
          .isEqualTo(1);
      assertThat(orgs.getRow(4).getCell(headers(orgs).indexOf("党支部")).getNumericCellValue())
          .isEqualTo(2);
      Row comparison = book.getSheetAt(4).getRow(1);
      assertThat(comparison.getCell(1).getNumericCellValue()).isEqualTo(4);
      assertThat(comparison.getCell(2).getNumericCellValue()).isEqualTo(1);
      assertThat(comparison.getCell(3).getNumericCellValue()).isEqualTo(3);
      assertThat(comparison.getCell(4).getNumericCellValue()).isEqualTo(300);
      checkTotalIsTheSumOfTheRows(members);
    }
  }

  @Test
  void csvHasTheTablesOneAfterAnotherEachUnderItsTitle() throws Exception {
    MockHttpServletResponse response = download(committee, "csv");

    assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(
            ContentDisposition.parse(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .getFilename())
        .isEqualTo("党内统计年报-年报测试党委-" + YEAR + ".csv");
    String csv = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF表1 党员基本情况\r\n单位,党员总数,性别：男,性别：女,");
    assertThat(csv)
        .contains("\r\n合计,4,2,2,")
        .contains("\r\n\r\n表2 党组织基本情况\r\n单位,")
        .contains("\r\n\r\n表5 与上年比较\r\n指标,本年,上年,增减,增减（%）\r\n党员总数,4,1,3,300.00\r\n");
  }

  @Test
  void jsonHasTheTablesAsTitleHeaderAndRows() throws Exception {
    JsonNode answer =
        json.readTree(
            as(
                    admin,
                    get("/api/statistics/annual-tables/" + YEAR)
                        .param("orgId", committee.toString())
                        .param("format", "json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orgName").value("年报测试党委"))
                .andExpect(jsonPath("$.year").value(YEAR))
                .andExpect(jsonPath("$.tables.length()").value(5))
                .andExpect(jsonPath("$.tables[0].title").value("表1 党员基本情况"))
                .andExpect(jsonPath("$.tables[0].header[0]").value("单位"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    JsonNode members = answer.get("tables").get(0);
    int women = -1;
    for (int i = 0; i < members.get("header").size(); i++) {
      if (members.get("header").get(i).asString().equals("性别：女")) {
        women = i;
      }
    }
    JsonNode total = members.get("rows").get(3);
    assertThat(total.get("label").asString()).isEqualTo("合计");
    assertThat(total.get("values").get(women - 1).asLong()).isEqualTo(2);
    assertThat(answer.get("tables").get(3).get("notes").get(0).asString()).contains("2025年");
  }

  @Test
  void aMemberMayNotAndASecretarySeesNoOrgOutsideTheirSubtree() throws Exception {
    UUID branch =
        UUID.fromString(
            json.readTree(
                    as(
                            admin,
                            post("/api/orgs")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                    json.writeValueAsString(
                                        Map.of(
                                            "name",
                                            "年报无关党委" + UUID.randomUUID(),
                                            "type",
                                            "PARTY_COMMITTEE"))))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asString());
    String secretary = KEYCLOAK.token().roles("secretary").orgId(branch).build();
    String member =
        KEYCLOAK.token().roles("member").memberId(UUID.randomUUID()).orgId(branch).build();

    as(member, annual(branch, "xlsx")).andExpect(status().isForbidden());
    as(secretary, annual(committee, "xlsx"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不在您的管辖范围内")));
    as(secretary, annual(county.root, "json")).andExpect(status().isNotFound());
  }

  @Test
  void anUnknownFormatOrAYearNotBegunIsABadRequest() throws Exception {
    as(admin, annual(committee, "pdf"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("pdf")));
    as(admin, get("/api/statistics/annual-tables/2099").param("orgId", committee.toString()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2099 年尚未开始")));
  }

  /** Returns how many numeric columns were checked. */
  private static int checkTotalIsTheSumOfTheRows(Sheet sheet) {
    List<String> header = headers(sheet);
    int totalRow = column(sheet, 0).indexOf("合计") + 1;
    assertThat(totalRow).as(sheet.getSheetName()).isGreaterThan(1);
    int checked = 0;
    for (int c = 1; c < header.size(); c++) {
      if (header.get(c).endsWith("率（%）")) {
        continue;
      }
      double sum = 0;
      for (int r = 1; r < totalRow; r++) {
        sum += sheet.getRow(r).getCell(c).getNumericCellValue();
      }
      assertThat(sum)
          .as("%s %s", sheet.getSheetName(), header.get(c))
          .isCloseTo(sheet.getRow(totalRow).getCell(c).getNumericCellValue(), offset(0.001));
      checked++;
    }
    return checked;
  }

  private static List<String> headers(Sheet sheet) {
    List<String> header = new ArrayList<>();
    sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
    return header;
  }

  /** The first cells below the header. */
  private static List<String> column(Sheet sheet, int c) {
    List<String> cells = new ArrayList<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      cells.add(text(sheet.getRow(r), c));
    }
    return cells;
  }

  private static String text(Row row, int c) {
    Cell cell = row.getCell(c);
    return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
  }

  private MockHttpServletResponse download(UUID org, String format) throws Exception {
    return as(admin, annual(org, format)).andExpect(status().isOk()).andReturn().getResponse();
  }

  private static MockHttpServletRequestBuilder annual(UUID org, String format) {
    return get("/api/statistics/annual-tables/" + YEAR)
        .param("orgId", org.toString())
        .param("format", format);
  }

  private ResultActions as(String token, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
        .andDo(ResponseContract.servedBy(mvc));
  }

  private final Map<UUID, String> paths = new HashMap<>();

  private void org(UUID id, UUID parent, String name, String type, LocalDate on) {
    String path = (parent == null ? "/" : paths.get(parent)) + id + "/";
    paths.put(id, path);
    known.add(
        StatEvents.envelope(
            EventTypes.ORG_CREATED,
            on,
            id.toString(),
            path,
            new OrgCreated(id, parent, name, type, path)));
    known.add(
        StatEvents.envelope(
            EventTypes.ORG_CLASSIFIED,
            on,
            id.toString(),
            path,
            new OrgClassified(id, "TOWNSHIP", "COUNTY")));
  }

  private void member(
      UUID org, String gender, String ethnicity, String birth, String stage, LocalDate on) {
    UUID id = UUID.randomUUID();
    known.add(registered(id, org, stage, on));
    known.add(classified(id, org, gender, ethnicity, birth, on));
  }

  private void memberClassifiedFirst(
      UUID org, String gender, String ethnicity, String birth, String stage, LocalDate on) {
    UUID id = UUID.randomUUID();
    known.add(classified(id, org, gender, ethnicity, birth, on));
    known.add(registered(id, org, stage, on));
  }

  private EventEnvelope<JsonNode> registered(UUID id, UUID org, String stage, LocalDate on) {
    return StatEvents.envelope(
        EventTypes.MEMBER_REGISTERED,
        on,
        id.toString(),
        paths.get(org),
        new MemberRegistered(id, org, stage, "EMPLOYED", on, "FULL".equals(stage) ? on : null));
  }

  private EventEnvelope<JsonNode> classified(
      UUID id, UUID org, String gender, String ethnicity, String birth, LocalDate on) {
    return StatEvents.envelope(
        EventTypes.MEMBER_CLASSIFIED,
        on,
        id.toString(),
        paths.get(org),
        new MemberClassified(id, org, gender, ethnicity, birth, "UNDERGRADUATE", "WORKER"));
  }
}
