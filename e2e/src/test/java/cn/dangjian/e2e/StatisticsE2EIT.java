package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Issue 23 through the gateway: registering, developing, transferring and striking off members
 * moves each statistics table by exactly one — at the committee and at the branches concerned — and
 * the records behind a figure are as many as the figure says.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsE2EIT {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final YearMonth THIS_MONTH = YearMonth.now(ZONE);

  static Api api;
  static String admin;
  static UUID committee;
  static UUID branchA;
  static UUID branchB;
  static final List<UUID> fullMembers = new ArrayList<>();

  @BeforeAll
  static void aCommitteeWithTwoBranches() {
    api = E2ePlatform.api();
    admin = E2ePlatform.token("admin");
    committee =
        DataScopeE2EIT.created(
            api.post(
                "/api/orgs",
                admin,
                TestData.org(null, "e2e统计党委" + UUID.randomUUID(), "PARTY_COMMITTEE")));
    branchA =
        DataScopeE2EIT.created(
            api.post("/api/orgs", admin, TestData.org(committee, "统计一支部", "BRANCH")));
    branchB =
        DataScopeE2EIT.created(
            api.post("/api/orgs", admin, TestData.org(committee, "统计二支部", "BRANCH")));
    for (int i = 0; i < 4; i++) {
      fullMembers.add(member(branchA, "老党员" + i, "FULL"));
    }
    api.awaitStatus("/api/statistics/members?orgId=" + branchB, admin, 200, Duration.ofSeconds(60));
    await(() -> stock(committee, "MEMBERS", "ALL"), n -> n == 4);
  }

  static UUID member(UUID org, String name, String stage) {
    Map<String, Object> body = new LinkedHashMap<>(TestData.member(org, name));
    body.put("stage", stage);
    body.put("occupation", "WORKER");
    if (!stage.equals("FULL")) {
      body.remove("joinDate");
      body.remove("fullMemberDate");
    }
    return DataScopeE2EIT.created(api.post("/api/members", admin, body));
  }

  @Test
  @Order(1)
  void registeringAMemberAddsOneToTheCommitteeTheBranchAndItsCategories() {
    long members = stock(committee, "MEMBERS", "ALL");
    long workers = stock(committee, "OCCUPATION", "WORKER");
    long inB = stock(branchB, "MEMBERS", "ALL");
    fullMembers.add(member(branchB, "新登记党员", "FULL"));
    await(() -> stock(committee, "MEMBERS", "ALL"), n -> n == members + 1);
    assertThat(stock(committee, "OCCUPATION", "WORKER")).isEqualTo(workers + 1);
    assertThat(stock(branchB, "MEMBERS", "ALL")).isEqualTo(inB + 1);
    assertThat(records(committee, "MEMBERS", "ALL")).isEqualTo(members + 1);
  }

  @Test
  @Order(2)
  void developingAnApplicantAddsOneMemberOneProbationerAndOneDevelopedAndLeavesThePipeline() {
    UUID applicant = member(branchA, "入党申请人", "APPLICANT");
    await(() -> stock(committee, "PIPELINE", "APPLICANT"), n -> n == 1);
    long members = stock(committee, "MEMBERS", "ALL");
    long developed = flow(committee, "DEVELOPED", "ALL");
    String steps = "/api/members/" + applicant + "/development/steps";
    step(steps, "APPLICATION", "2023-01-05", Map.of());
    step(steps, "TALK", "2023-01-20", Map.of());
    step(steps, "ACTIVIST_CONFIRMED", "2023-03-01", Map.of());
    step(steps, "ACTIVIST_FILED", "2023-03-05", Map.of());
    step(
        steps,
        "CONTACTS_ASSIGNED",
        "2023-03-06",
        Map.of("people", List.of(fullMembers.get(0).toString())));
    step(steps, "ACTIVIST_EDUCATION", "2023-09-06", Map.of());
    step(steps, "TARGET_CONFIRMED", "2024-03-05", Map.of());
    step(steps, "TARGET_FILED", "2024-03-06", Map.of());
    step(
        steps,
        "INTRODUCERS_ASSIGNED",
        "2024-03-10",
        Map.of("people", List.of(fullMembers.get(1).toString(), fullMembers.get(2).toString())));
    step(steps, "POLITICAL_REVIEW", "2024-03-20", Map.of("decision", "PASSED"));
    step(steps, "INTENSIVE_TRAINING", "2024-04-01", Map.of("trainingHours", 24));
    step(steps, "COMMITTEE_REVIEW", "2024-04-05", Map.of());
    step(steps, "PRE_REVIEW", "2024-04-10", Map.of());
    step(steps, "APPLICATION_FORM", "2024-04-15", Map.of());
    step(steps, "ADMISSION_MEETING", "2024-05-01", Map.of("vote", vote(4, 4)));
    step(steps, "HIGHER_TALK", "2024-05-10", Map.of());
    step(steps, "ADMISSION_APPROVED", "2024-06-01", Map.of());
    await(() -> stock(committee, "MEMBERS", "ALL"), n -> n == members + 1);
    assertThat(stock(committee, "PIPELINE", "APPLICANT")).isZero();
    assertThat(flow(committee, "DEVELOPED", "ALL")).isEqualTo(developed + 1);
    assertThat(flow(branchA, "DEVELOPED", "ALL")).isEqualTo(developed + 1);
    assertThat(flow(branchB, "DEVELOPED", "ALL")).isZero();
    assertThat(flow(committee, "DEVELOPED", "FRONT_LINE"))
        .as("a worker is front-line")
        .isEqualTo(developed + 1);
  }

  @Test
  @Order(3)
  void aTransferMovesOneMemberBetweenTheBranchesAndNothingAtTheCommittee() {
    long members = stock(committee, "MEMBERS", "ALL");
    long inA = stock(branchA, "MEMBERS", "ALL");
    long inB = stock(branchB, "MEMBERS", "ALL");
    UUID moving = fullMembers.get(3);
    String today = LocalDate.now(ZONE).toString();
    JsonNode transfer =
        api.post(
                "/api/members/transfers",
                admin,
                Map.of(
                    "memberId",
                    moving.toString(),
                    "direction",
                    "INTERNAL",
                    "toOrgId",
                    branchB.toString(),
                    "reason",
                    "工作调动",
                    "requestedOn",
                    today))
            .json();
    String id = transfer.get("id").asString();
    assertThat(
            api.post("/api/members/transfers/" + id + "/approve-out", admin, Map.of("on", today))
                .status())
        .isEqualTo(200);
    assertThat(
            api.post(
                    "/api/members/transfers/" + id + "/issue",
                    admin,
                    Map.of("on", today, "letterNo", "统转" + id.substring(0, 6)))
                .status())
        .isEqualTo(200);
    assertThat(
            api.post("/api/members/transfers/" + id + "/receive", admin, Map.of("on", today))
                .status())
        .isEqualTo(200);
    await(() -> stock(branchB, "MEMBERS", "ALL"), n -> n == inB + 1);
    assertThat(stock(branchA, "MEMBERS", "ALL")).isEqualTo(inA - 1);
    assertThat(stock(committee, "MEMBERS", "ALL")).isEqualTo(members);
    assertThat(flow(branchB, "TRANSFERRED_IN", "ALL")).isEqualTo(1);
    assertThat(flow(branchA, "TRANSFERRED_OUT", "ALL")).isEqualTo(1);
    assertThat(flow(committee, "TRANSFERRED_IN", "ALL")).as("within the committee").isZero();
  }

  @Test
  @Order(4)
  void strikingOffAMemberTakesOneFromTheRegisterAndAddsOneLeftByStrikingOff() {
    long members = stock(committee, "MEMBERS", "ALL");
    UUID struck = fullMembers.get(4);
    Api.Response current = api.get("/api/members/" + struck, admin);
    Api.Response changed =
        api.send(
            "POST",
            "/api/members/" + struck + "/status",
            admin,
            Map.of(
                "status",
                "STRUCK_OFF",
                "effectiveOn",
                LocalDate.now(ZONE).toString(),
                "reason",
                "县委组织部决定除名"),
            current.header("ETag"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    await(() -> stock(committee, "MEMBERS", "ALL"), n -> n == members - 1);
    assertThat(flow(committee, "LEFT", "STRUCK_OFF")).isEqualTo(1);
    assertThat(flow(branchB, "LEFT", "STRUCK_OFF")).isEqualTo(1);
    assertThat(flowRecords(committee, "LEFT", "STRUCK_OFF")).isEqualTo(1);
  }

  @Test
  @Order(5)
  void aSecretarySeesOnlyTheirBranchAndTheOverviewAgreesWithTheTables() {
    String secretaryA =
        E2ePlatform.accountToken(admin, fullMembers.get(0), "SECRETARY", "e2e-stat-");
    assertThat(api.get("/api/statistics/members?orgId=" + branchB, secretaryA).status())
        .isEqualTo(404);
    assertThat(api.get("/api/statistics/members", secretaryA).json().get("orgId").asString())
        .isEqualTo(branchA.toString());
    JsonNode overview = api.get("/api/statistics/overview?orgId=" + committee, admin).json();
    long members = 0;
    for (JsonNode key : overview.get("keyFigures")) {
      if (key.get("key").asString().equals("MEMBERS")) {
        members = key.get("count").asLong();
      }
    }
    assertThat(members).isEqualTo(stock(committee, "MEMBERS", "ALL"));
  }

  private static void step(String path, String step, String on, Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>(extra);
    body.put("step", step);
    body.put("doneOn", on);
    Api.Response r = api.post(path, admin, body);
    assertThat(r.status()).as(step + ": " + r.body()).isEqualTo(201);
  }

  private static Map<String, Object> vote(int present, int approve) {
    return Map.of(
        "excludedWithApproval", 0,
        "present", present,
        "approve", approve,
        "oppose", 0,
        "abstain", 0,
        "writtenApprovals", 0);
  }

  static long stock(UUID org, String dim, String value) {
    return count(
        api.get("/api/statistics/members?orgId=" + org + "&asOf=" + THIS_MONTH, admin), dim, value);
  }

  static long flow(UUID org, String dim, String value) {
    return count(
        api.get(
            "/api/statistics/flows?orgId="
                + org
                + "&from="
                + YearMonth.of(THIS_MONTH.getYear(), 1)
                + "&to="
                + THIS_MONTH,
            admin),
        dim,
        value);
  }

  static long records(UUID org, String dim, String value) {
    return api.get(
            "/api/statistics/records?orgId="
                + org
                + "&dimension="
                + dim
                + "&value="
                + value
                + "&asOf="
                + THIS_MONTH,
            admin)
        .json()
        .get("total")
        .asLong();
  }

  static long flowRecords(UUID org, String dim, String value) {
    return api.get(
            "/api/statistics/records?orgId="
                + org
                + "&dimension="
                + dim
                + "&value="
                + value
                + "&from="
                + YearMonth.of(THIS_MONTH.getYear(), 1)
                + "&to="
                + THIS_MONTH,
            admin)
        .json()
        .get("total")
        .asLong();
  }

  private static long count(Api.Response response, String dim, String value) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    for (JsonNode group : response.json().get("groups")) {
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

  /** Figures follow the events within seconds: poll until the expected value shows. */
  static void await(java.util.function.LongSupplier figure, LongPredicate expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    long last = figure.getAsLong();
    while (!expected.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("figure still " + last + " after 30 s");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      last = figure.getAsLong();
    }
  }
}
