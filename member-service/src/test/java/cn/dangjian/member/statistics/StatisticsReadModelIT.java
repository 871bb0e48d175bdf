package cn.dangjian.member.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.alert.AlertChanged;
import cn.dangjian.events.assessment.CyclePublished;
import cn.dangjian.events.dues.BillsIssued;
import cn.dangjian.events.dues.DuesPaid;
import cn.dangjian.events.member.OrgMoved;
import cn.dangjian.events.orglife.MeetingRecordChanged;
import cn.dangjian.member.MemberServiceIntegrationTest;
import cn.dangjian.member.statistics.PartySimulation.Person;
import cn.dangjian.testsupport.Eventually;
import cn.dangjian.testsupport.api.ResponseContract;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read model fed a random year of a county's events, checked three ways: against an independent
 * tally of the simulation, each figure against the records behind it (for every dimension and
 * value), and the rows of a subtree against its total.
 */
class StatisticsReadModelIT extends MemberServiceIntegrationTest {

  static final YearMonth FIRST = YearMonth.of(2025, 1);
  static final YearMonth LAST = YearMonth.of(2025, 11);

  @Autowired MockMvc mvc;
  @Autowired StatisticsConsumer consumer;
  @Autowired PlatformTransactionManager transactionManager;
  private final JsonMapper json = JsonMapper.builder().build();
  private String admin;

  /**
   * One simulated county for the class (fed once: the tests only add what happens after its last
   * month, or activity, or the same events again).
   */
  private static PartySimulation county;

  @BeforeEach
  void aYearOfEvents() {
    admin = KEYCLOAK.token().roles("platform-admin").username("admin").build();
    if (county == null) {
      county = new PartySimulation(System.nanoTime()).run(FIRST, LAST);
      feed(county.events);
    }
  }

  void feed(List<EventEnvelope<JsonNode>> events) {
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    for (int i = 0; i < events.size(); i += 37) {
      List<EventEnvelope<JsonNode>> batch = events.subList(i, Math.min(events.size(), i + 37));
      tx.executeWithoutResult(s -> consumer.applyAll(batch));
    }
  }

  @Test
  void memberFiguresMatchAnIndependentTallyAtEachMonthEnd() throws Exception {
    for (YearMonth m : List.of(YearMonth.of(2025, 3), LAST)) {
      List<Person> people = county.monthEnds.get(m);
      JsonNode root = figures("/api/statistics/members", county.root, m);
      JsonNode townA = figures("/api/statistics/members", county.townA, m);
      Predicate<Person> member =
          p -> List.of("FULL", "PROBATIONARY").contains(p.stage) && "ACTIVE".equals(p.status);
      assertThat(count(root, "MEMBERS", "ALL")).isEqualTo(tally(people, member));
      assertThat(count(root, "GENDER", "FEMALE"))
          .isEqualTo(tally(people, member.and(p -> p.gender.equals("FEMALE"))));
      assertThat(count(root, "STAGE", "PROBATIONARY"))
          .isEqualTo(tally(people, member.and(p -> p.stage.equals("PROBATIONARY"))));
      assertThat(count(root, "FLAG", "MOBILE")).isEqualTo(tally(people, member.and(p -> p.mobile)));
      assertThat(count(root, "PIPELINE", "ACTIVIST"))
          .isEqualTo(tally(people, p -> p.stage.equals("ACTIVIST") && p.status.equals("ACTIVE")));
      assertThat(count(root, "SUSPENDED", "ALL"))
          .isEqualTo(tally(people, p -> p.status.equals("SUSPENDED")));
      assertThat(count(townA, "MEMBERS", "ALL"))
          .isEqualTo(tally(people, member.and(p -> county.ancestor(p.org).equals(county.townA))));
    }
  }

  @Test
  void flowsMatchTheTallyAndTransfersBetweenTownsAreInAndOutOnlyBelowTheCounty() throws Exception {
    JsonNode root = flows(county.root, FIRST, LAST);
    Map<String, Integer> f = county.flows;
    assertThat(count(root, "DEVELOPED", "ALL")).isEqualTo((long) f.getOrDefault("DEVELOPED", 0));
    assertThat(count(root, "CONVERTED", "ALL")).isEqualTo((long) f.getOrDefault("CONVERTED", 0));
    assertThat(count(root, "LEFT", "STRUCK_OFF"))
        .isEqualTo((long) f.getOrDefault("LEFT_STRUCK_OFF", 0));
    assertThat(count(root, "LEFT", "DECEASED"))
        .isEqualTo((long) f.getOrDefault("LEFT_DECEASED", 0));
    assertThat(count(root, "TRANSFERRED_IN", "ALL")).isZero();
    long in =
        count(flows(county.townA, FIRST, LAST), "TRANSFERRED_IN", "ALL")
            + count(flows(county.townB, FIRST, LAST), "TRANSFERRED_IN", "ALL");
    assertThat(in).isEqualTo((long) f.getOrDefault("TRANSFERRED_BETWEEN_TOWNS", 0));
  }

  @Test
  void everyFigureEqualsTheNumberOfRecordsBehindIt() throws Exception {
    int checked = 0;
    for (UUID org : List.of(county.root, county.townA)) {
      for (YearMonth asOf : List.of(YearMonth.of(2025, 4), LAST)) {
        for (String path : List.of("/api/statistics/members", "/api/statistics/orgs")) {
          for (JsonNode group : figures(path, org, asOf).get("groups")) {
            for (JsonNode value : group.get("values")) {
              long total =
                  records(
                      org,
                      group.get("dimension").asString(),
                      value.get("value").asString(),
                      asOf,
                      null);
              assertThat(total)
                  .as("%s %s as of %s", group.get("dimension"), value.get("value"), asOf)
                  .isEqualTo(value.get("count").asLong());
              checked++;
            }
          }
        }
      }
      for (JsonNode group : flows(org, YearMonth.of(2025, 3), LAST).get("groups")) {
        for (JsonNode value : group.get("values")) {
          long total =
              records(
                  org,
                  group.get("dimension").asString(),
                  value.get("value").asString(),
                  null,
                  YearMonth.of(2025, 3));
          assertThat(total)
              .as("%s %s", group.get("dimension"), value.get("value"))
              .isEqualTo(value.get("count").asLong());
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(150);
  }

  @Test
  void aSubtreesTotalIsTheSumOfItsParts() throws Exception {
    JsonNode root = figures("/api/statistics/members", county.root, LAST);
    JsonNode a = figures("/api/statistics/members", county.townA, LAST);
    JsonNode b = figures("/api/statistics/members", county.townB, LAST);
    for (String[] cell :
        List.of(
            new String[] {"MEMBERS", "ALL"},
            new String[] {"AGE_BAND", "UP_TO_30"},
            new String[] {"EDUCATION", "UNDERGRADUATE"})) {
      assertThat(count(root, cell[0], cell[1]))
          .isEqualTo(count(a, cell[0], cell[1]) + count(b, cell[0], cell[1]));
    }
    long members = count(root, "MEMBERS", "ALL");
    for (String dim :
        List.of(
            "GENDER",
            "ETHNICITY",
            "AGE_BAND",
            "EDUCATION",
            "OCCUPATION",
            "STAGE",
            "STANDING_BAND")) {
      assertThat(sum(root, dim)).as(dim).isEqualTo(members);
    }
  }

  @Test
  void replayingTheSameEventsChangesNoFigure() throws Exception {
    String before = figures("/api/statistics/members", county.root, LAST).toString();
    feed(county.events);
    assertThat(figures("/api/statistics/members", county.root, LAST).toString()).isEqualTo(before);
  }

  @Test
  void aMovedBranchTakesItsMembersToTheNewTownFromTheMoveOn() throws Exception {
    UUID branch = county.branches.get(0);
    long inBranch = count(figures("/api/statistics/members", branch, LAST), "MEMBERS", "ALL");
    long a = count(figures("/api/statistics/members", county.townA, LAST), "MEMBERS", "ALL");
    long b = count(figures("/api/statistics/members", county.townB, LAST), "MEMBERS", "ALL");
    String oldPath = county.paths.get(branch);
    String newPath = county.paths.get(county.townB) + branch + "/";
    feed(
        List.of(
            StatEvents.envelope(
                EventTypes.ORG_MOVED,
                LocalDate.of(2025, 12, 3),
                branch.toString(),
                newPath,
                new OrgMoved(
                    branch, county.townA, county.townB, oldPath, newPath, 1, (int) inBranch))));
    YearMonth december = YearMonth.of(2025, 12);
    assertThat(count(figures("/api/statistics/members", county.townA, december), "MEMBERS", "ALL"))
        .isEqualTo(a - inBranch);
    assertThat(count(figures("/api/statistics/members", county.townB, december), "MEMBERS", "ALL"))
        .isEqualTo(b + inBranch);
    assertThat(count(figures("/api/statistics/members", county.townA, LAST), "MEMBERS", "ALL"))
        .isEqualTo(a);
    assertThat(records(county.townB, "MEMBERS", "ALL", december, null)).isEqualTo(b + inBranch);
  }

  @Test
  void callersSeeOnlyTheirSubtreeAndMembersSeeNoStatistics() throws Exception {
    // a real tree: the caller's scope comes from member-service's own org records
    UUID town =
        created(
            "/api/orgs", Map.of("name", "统计镇党委" + UUID.randomUUID(), "type", "PARTY_COMMITTEE"));
    UUID branchA =
        created(
            "/api/orgs", Map.of("parentId", town.toString(), "name", "统计一支部", "type", "BRANCH"));
    UUID branchB =
        created(
            "/api/orgs", Map.of("parentId", town.toString(), "name", "统计二支部", "type", "BRANCH"));
    String secretaryA = KEYCLOAK.token().roles("secretary").orgId(branchA).build();
    Eventually.await(
        () -> {
          try {
            int code =
                as(secretaryA, get("/api/statistics/orgs")).andReturn().getResponse().getStatus();
            return code == 200 ? Optional.of(code) : Optional.empty();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    as(secretaryA, get("/api/statistics/orgs"))
        .andExpect(jsonPath("$.orgId").value(branchA.toString()));
    as(secretaryA, get("/api/statistics/members").param("orgId", branchB.toString()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不在您的管辖范围内")));
    as(secretaryA, get("/api/statistics/members").param("orgId", county.root.toString()))
        .andExpect(status().isNotFound());
    String member =
        KEYCLOAK.token().roles("member").memberId(UUID.randomUUID()).orgId(branchA).build();
    as(member, get("/api/statistics/overview").param("orgId", branchA.toString()))
        .andExpect(status().isForbidden());
    as(secretaryA, get("/api/statistics/rebuild")).andExpect(status().isMethodNotAllowed());
    as(
            admin,
            get("/api/statistics/records")
                .param("orgId", county.root.toString())
                .param("dimension", "SHOE_SIZE"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("没有统计维度")));
    as(
            admin,
            get("/api/statistics/records")
                .param("orgId", county.root.toString())
                .param("dimension", "MEETINGS"))
        .andExpect(status().isBadRequest());
    as(
            admin,
            get("/api/statistics/members")
                .param("orgId", county.root.toString())
                .param("asOf", "2025-13"))
        .andExpect(status().isBadRequest());
    as(
            admin,
            get("/api/statistics/flows")
                .param("orgId", county.root.toString())
                .param("from", "2025-06")
                .param("to", "2025-01"))
        .andExpect(status().isBadRequest());
  }

  private UUID created(String path, Map<String, String> body) throws Exception {
    return UUID.fromString(
        json.readTree(
                as(
                        admin,
                        post(path)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(body)))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .get("id")
            .asString());
  }

  @Test
  void theOverviewShowsKeyCountsAndAYearsTrend() throws Exception {
    JsonNode overview =
        json.readTree(
            as(
                    admin,
                    get("/api/statistics/overview")
                        .param("orgId", county.root.toString())
                        .param("asOf", LAST.toString()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    Map<String, Long> keys = new HashMap<>();
    overview
        .get("keyFigures")
        .forEach(
            k ->
                keys.put(
                    k.get("key").asString(),
                    k.get("count").isNull() ? null : k.get("count").asLong()));
    long members = count(figures("/api/statistics/members", county.root, LAST), "MEMBERS", "ALL");
    assertThat(keys.get("MEMBERS")).isEqualTo(members);
    assertThat(keys.get("BRANCHES")).isEqualTo(6);
    assertThat(keys.get("COMMITTEES")).isEqualTo(3);
    assertThat(overview.get("trend")).hasSize(12);
    assertThat(overview.get("trend").get(11).get("members").asLong()).isEqualTo(members);
  }

  @Test
  void activityCountsEachMeetingBillPaymentAlertAndGradeOnceAndRatesFollow() throws Exception {
    UUID b1 = county.branches.get(0);
    UUID b2 = county.branches.get(1);
    String p1 = county.paths.get(b1);
    String p2 = county.paths.get(b2);
    LocalDate day = LocalDate.of(2025, 11, 10);
    UUID meeting = UUID.randomUUID();
    MeetingRecordChanged held =
        new MeetingRecordChanged(
            meeting,
            b1,
            "BRANCH",
            "COMMITTEE_MEETING",
            "HELD",
            day,
            day.atTime(9, 0),
            day.atTime(10, 0),
            1,
            5,
            5,
            List.of(),
            List.of(),
            null,
            null);
    MeetingRecordChanged approved =
        new MeetingRecordChanged(
            meeting,
            b1,
            "BRANCH",
            "COMMITTEE_MEETING",
            "APPROVED",
            day,
            day.atTime(9, 0),
            day.atTime(10, 0),
            2,
            5,
            5,
            List.of(),
            List.of(),
            null,
            null);
    UUID alert = UUID.randomUUID();
    UUID payment = UUID.randomUUID();
    UUID cycle = UUID.randomUUID();
    feed(
        List.of(
            StatEvents.envelope(EventTypes.ORGLIFE_MEETING_HELD, day, meeting.toString(), p1, held),
            StatEvents.envelope(
                EventTypes.ORGLIFE_MEETING_APPROVED, day, meeting.toString(), p1, approved),
            StatEvents.envelope(
                EventTypes.DUES_BILL_ISSUED,
                day,
                b1.toString(),
                p1,
                new BillsIssued(UUID.randomUUID(), "2025-11", b1, 10, 10, 10_000)),
            StatEvents.envelope(
                EventTypes.DUES_BILL_ISSUED,
                day,
                b2.toString(),
                p2,
                new BillsIssued(UUID.randomUUID(), "2025-11", b2, 10, 10, 10_000)),
            StatEvents.envelope(
                EventTypes.DUES_PAID,
                day,
                UUID.randomUUID().toString(),
                p1,
                new DuesPaid(
                    payment,
                    UUID.randomUUID(),
                    b1,
                    "ONLINE",
                    List.of("2025-10", "2025-11"),
                    6_000,
                    0,
                    6_000,
                    false,
                    day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())),
            StatEvents.envelope(
                EventTypes.ALERT_RAISED, day, alert.toString(), p2, alert(alert, b2, "OPEN")),
            StatEvents.envelope(
                EventTypes.ALERT_CHANGED,
                day,
                alert.toString(),
                p2,
                alert(alert, b2, "ACKNOWLEDGED")),
            StatEvents.envelope(
                EventTypes.ASSESSMENT_CYCLE_PUBLISHED,
                day,
                cycle.toString(),
                p2,
                grade(cycle, b2, "AVERAGE", 1)),
            StatEvents.envelope(
                EventTypes.ASSESSMENT_CYCLE_PUBLISHED,
                day,
                cycle.toString(),
                p2,
                grade(cycle, b2, "POOR", 2))));
    JsonNode activity =
        read(
            as(
                admin,
                get("/api/statistics/activity")
                    .param("orgId", county.root.toString())
                    .param("from", "2025-11")
                    .param("to", "2025-11")));
    assertThat(count(activity, "MEETINGS", "COMMITTEE_MEETING")).isEqualTo(1);
    assertThat(count(activity, "BRANCH_MEETING_MONTHS", "COMMITTEE_MEETING")).isEqualTo(1);
    assertThat(count(activity, "DUES_BILLED_FEN", "ALL")).isEqualTo(20_000);
    assertThat(count(activity, "DUES_PAID_FEN", "ALL"))
        .as("November's half of a two-month payment")
        .isEqualTo(3_000);
    assertThat(activity.get("duesCollectionRate").decimalValue()).isEqualByComparingTo("0.15");
    assertThat(activity.get("committeeMeetingRate").decimalValue())
        .as("1 of 6 branches")
        .isEqualByComparingTo("0.1667");
    assertThat(activity.get("openAlerts").get(0).get("ruleId").asString())
        .isEqualTo("DUES_ARREARS");
    JsonNode december =
        read(
            as(
                admin,
                get("/api/statistics/activity")
                    .param("orgId", county.root.toString())
                    .param("from", "2025-12")
                    .param("to", "2025-12")));
    assertThat(count(december, "ASSESSMENT_GRADE", "POOR"))
        .as("a year's grade counts at its December; the republication replaces it")
        .isEqualTo(1);
    assertThat(count(december, "ASSESSMENT_GRADE", "AVERAGE")).isZero();
    JsonNode overview =
        read(
            as(
                admin,
                get("/api/statistics/overview")
                    .param("orgId", county.root.toString())
                    .param("asOf", "2025-11")));
    assertThat(overview.get("weakestBranches").get(0).get("orgId").asString())
        .isEqualTo(b2.toString());
    assertThat(overview.get("weakestBranches").get(0).get("gradeLabel").asString()).isEqualTo("差");

    feed(
        List.of(
            StatEvents.envelope(
                EventTypes.ALERT_RESOLVED,
                day.plusDays(5),
                alert.toString(),
                p2,
                alert(alert, b2, "RESOLVED"))));
    assertThat(
            read(as(
                    admin,
                    get("/api/statistics/activity")
                        .param("orgId", county.root.toString())
                        .param("from", "2025-11")
                        .param("to", "2025-11")))
                .get("openAlerts"))
        .isEmpty();
  }

  private static AlertChanged alert(UUID id, UUID org, String status) {
    return new AlertChanged(
        id,
        "DUES_ARREARS",
        "MEMBER",
        UUID.randomUUID(),
        org,
        "WARNING",
        status,
        "RAISED",
        "党费欠缴",
        LocalDate.of(2025, 12, 1),
        org,
        0);
  }

  private static CyclePublished grade(UUID cycle, UUID org, String grade, int publication) {
    return new CyclePublished(
        cycle,
        "2025年度考核",
        "ANNUAL",
        2025,
        0,
        org,
        java.math.BigDecimal.TEN,
        3,
        6,
        java.math.BigDecimal.ONE,
        grade,
        1,
        false,
        publication);
  }

  private long tally(List<Person> people, Predicate<Person> which) {
    return people.stream().filter(which).count();
  }

  private JsonNode figures(String path, UUID org, YearMonth asOf) throws Exception {
    return read(as(admin, get(path).param("orgId", org.toString()).param("asOf", asOf.toString())));
  }

  private JsonNode flows(UUID org, YearMonth from, YearMonth to) throws Exception {
    return read(
        as(
            admin,
            get("/api/statistics/flows")
                .param("orgId", org.toString())
                .param("from", from.toString())
                .param("to", to.toString())));
  }

  private long records(UUID org, String dim, String value, YearMonth asOf, YearMonth from)
      throws Exception {
    MockHttpServletRequestBuilder request =
        get("/api/statistics/records")
            .param("orgId", org.toString())
            .param("dimension", dim)
            .param("value", value)
            .param("size", "200");
    if (asOf != null) {
      request.param("asOf", asOf.toString());
    } else {
      request.param("from", from.toString()).param("to", LAST.toString());
    }
    JsonNode page = read(as(admin, request));
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(i -> ids.add(i.get("id").asString()));
    if (asOf != null) {
      // a stock counts each member or org once; a flow may list a member twice (two transfers)
      assertThat(ids).as("%s %s lists no record twice", dim, value).doesNotHaveDuplicates();
    }
    if (page.get("total").asLong() <= 200) {
      assertThat((long) ids.size()).isEqualTo(page.get("total").asLong());
    }
    return page.get("total").asLong();
  }

  private static long count(JsonNode figures, String dim, String value) {
    for (JsonNode group : figures.get("groups")) {
      if (group.get("dimension").asString().equals(dim)) {
        for (JsonNode v : group.get("values")) {
          if (v.get("value").asString().equals(value)) {
            return v.get("count").asLong();
          }
        }
        return 0;
      }
    }
    throw new AssertionError("no dimension " + dim);
  }

  private static long sum(JsonNode figures, String dim) {
    for (JsonNode group : figures.get("groups")) {
      if (group.get("dimension").asString().equals(dim)) {
        long sum = 0;
        for (JsonNode v : group.get("values")) {
          sum += v.get("count").asLong();
        }
        return sum;
      }
    }
    throw new AssertionError("no dimension " + dim);
  }

  private ResultActions as(String token, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
        .andDo(ResponseContract.servedBy(mvc));
  }

  private JsonNode read(ResultActions result) throws Exception {
    return json.readTree(
        result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
  }
}
