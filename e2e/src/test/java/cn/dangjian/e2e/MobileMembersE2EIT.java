package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Issue 22 through the gateway: a member works away for seven months with a 活动证, attends at the
 * host and pays there; the home branch's secretary sees the transfer warning; the home branch's
 * year of dues ends in a published ledger whose totals equal the payments.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MobileMembersE2EIT {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalDate TODAY = LocalDate.now(ZONE);

  static Api api;
  static String admin;
  static UUID home;
  static UUID hostBranch;
  static UUID homeSecretaryMember;
  static UUID hostSecretaryMember;
  static UUID hostRecorder;
  static UUID mobile;
  static UUID stayer;
  static String homeSecretary;
  static String hostSecretary;

  @BeforeAll
  static void twoBranchesAndAMemberAboutToLeave() throws Exception {
    api = E2ePlatform.api();
    admin = E2ePlatform.token("admin");
    UUID root =
        DataScopeE2EIT.created(
            api.post(
                "/api/orgs",
                admin,
                TestData.org(null, "e2e流动党员党委" + UUID.randomUUID(), "PARTY_COMMITTEE")));
    home =
        DataScopeE2EIT.created(
            api.post("/api/orgs", admin, TestData.org(root, "山区村党支部", "BRANCH")));
    hostBranch =
        DataScopeE2EIT.created(
            api.post("/api/orgs", admin, TestData.org(root, "工业园区党支部", "BRANCH")));
    homeSecretaryMember = member(home, "山区村书记");
    stayer = member(home, "留村党员");
    mobile = member(home, "外出务工党员");
    hostSecretaryMember = member(hostBranch, "园区书记");
    hostRecorder = member(hostBranch, "园区组织委员");
    homeSecretary = E2ePlatform.accountToken(admin, homeSecretaryMember, "SECRETARY", "e2e-home-");
    hostSecretary = E2ePlatform.accountToken(admin, hostSecretaryMember, "SECRETARY", "e2e-host-");
  }

  private static UUID member(UUID org, String name) {
    return DataScopeE2EIT.created(api.post("/api/members", admin, TestData.member(org, name)));
  }

  @Test
  @Order(1)
  void awaySevenMonthsAttendingAndPayingAtTheHostTheHomeSecretarySeesTheTransferWarning()
      throws Exception {
    LocalDate away = TODAY.minusMonths(7);
    Map<String, Object> certificate = new LinkedHashMap<>();
    certificate.put("memberId", mobile.toString());
    certificate.put("hostOrgId", hostBranch.toString());
    certificate.put("place", "江苏省苏州市工业园区");
    certificate.put("reason", "WORK");
    certificate.put("fixedPlace", true);
    certificate.put("noTransferReason", "劳务派遣，用工单位暂不接收组织关系");
    certificate.put("awaySince", away.toString());
    certificate.put("issuedOn", away.toString());
    certificate.put("validUntil", TODAY.plusMonths(4).toString());
    Api.Response issued = api.post("/api/members/mobile-certificates", homeSecretary, certificate);
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    assertThat(issued.json().get("transferRequired").asBoolean()).isTrue();
    assertThat(issued.json().get("monthsAway").asInt()).isEqualTo(7);
    // the host sees whom it hosts; the member's record stays the home branch's
    JsonNode hosted =
        api.get("/api/members/mobile-certificates?hostedHere=true", hostSecretary).json();
    assertThat(hosted.get("total").asInt()).isEqualTo(1);
    assertThat(hosted.get("items").get(0).get("memberName").asString()).isEqualTo("外出务工党员");
    assertThat(api.get("/api/members/" + mobile, hostSecretary).status()).isEqualTo(404);

    // the host's 主题党日 yesterday: the member attends as a guest, without a vote
    awaitHostedInOrgLife();
    ThemedPartyDays.held(
        api,
        admin,
        hostSecretary,
        hostBranch,
        hostSecretaryMember,
        hostRecorder,
        TODAY.minusDays(1).atTime(9, 0),
        List.of(hostSecretaryMember, hostRecorder),
        List.of(),
        List.of(mobile));

    // pays this month's dues at the host: booked to the home branch
    duesProfile(mobile);
    duesProfile(stayer);
    billRun();
    Map<String, Object> payment =
        offline(mobile, "YQ-" + UUID.randomUUID().toString().substring(0, 8));
    Api.Response paid = awaitPayment(hostSecretary, payment);
    assertThat(paid.json().get("orgId").asString()).isEqualTo(home.toString());
    assertThat(paid.json().get("collectedByOrgId").asString()).isEqualTo(hostBranch.toString());
    Api.Response homePaid =
        api.postWithKey(
            "/api/dues/payments",
            homeSecretary,
            offline(stayer, "SQ-" + UUID.randomUUID().toString().substring(0, 8)));
    assertThat(homePaid.status()).as(homePaid.body()).isEqualTo(201);

    // the daily sweep: the home secretary sees the transfer warning, and no absence alert
    api.job("/api/alerts/sweeps", admin, Map.of("asOf", TODAY.toString()));
    JsonNode alerts = api.get("/api/alerts?subjectId=" + mobile, homeSecretary).json();
    JsonNode warning = null;
    for (JsonNode a : alerts.get("items")) {
      assertThat(a.get("ruleId").asString()).isNotEqualTo("MEMBER_ABSENT_ORG_LIFE");
      if (a.get("ruleId").asString().equals("MOBILE_AWAY_NO_TRANSFER")) {
        warning = a;
      }
    }
    assertThat(warning).as(alerts.toString()).isNotNull();
    assertThat(warning.get("severity").asString()).isEqualTo("WARNING");
    assertThat(warning.get("title").asString()).isEqualTo("流动党员外出已7个月，应转接组织关系");
    assertThat(warning.get("suggestion").asString())
        .contains("《党员教育管理工作条例》第二十五条")
        .contains("办理组织关系转接");
    // the host is not the one responsible: it sees nothing of the alert
    assertThat(
            api.get("/api/alerts?subjectId=" + mobile, hostSecretary).json().get("total").asInt())
        .isZero();
  }

  @Test
  @Order(2)
  void aBranchsYearOfDuesEndsInAPublishedLedgerWhoseTotalsEqualThePayments() throws Exception {
    // The platform has no clock to wind forward and a year is published only once it has ended:
    // the year's payments are moved back one year in the database, nothing else is touched.
    int lastYear = TODAY.getYear() - 1;
    long payments = backdatePaymentsOneYear(home);
    assertThat(payments).isEqualTo(2 * 8_100L);

    JsonNode report =
        api.get("/api/dues/ledgers/" + home + "/years/" + lastYear, homeSecretary).json();
    assertThat(report.get("published").asBoolean()).isFalse();
    assertThat(report.get("income").get("duesFen").asLong()).isEqualTo(payments);
    Api.Response published =
        api.postWithKey(
            "/api/dues/ledgers/" + home + "/years/" + lastYear + "/publication",
            homeSecretary,
            Map.of());
    assertThat(published.status()).as(published.body()).isEqualTo(201);
    JsonNode frozen = published.json();
    assertThat(frozen.get("published").asBoolean()).isTrue();
    assertThat(frozen.get("income").get("duesFen").asLong()).isEqualTo(payments);
    long byMonth = 0;
    for (JsonNode month : frozen.get("duesByMonth")) {
      byMonth += month.get("duesFen").asLong();
    }
    assertThat(byMonth).isEqualTo(payments);
    assertThat(frozen.get("closingBalanceFen").asLong())
        .isEqualTo(
            frozen.get("openingBalanceFen").asLong()
                + frozen.get("income").get("totalFen").asLong()
                - frozen.get("spending").get("totalFen").asLong());
    // the host's books got nothing of it
    assertThat(
            api.get("/api/dues/ledgers/" + hostBranch + "/years/" + lastYear, hostSecretary)
                .json()
                .get("income")
                .get("duesFen")
                .asLong())
        .isZero();
  }

  private static void awaitHostedInOrgLife() throws Exception {
    Map<String, Object> plan = new LinkedHashMap<>();
    LocalDateTime at = TODAY.plusDays(7).atTime(9, 0);
    plan.put("orgId", hostBranch.toString());
    plan.put("type", "PARTY_LECTURE");
    plan.put("title", "流动党员见面会");
    plan.put("startsAt", at.toString());
    plan.put("endsAt", at.plusHours(1).toString());
    plan.put("place", "园区党群服务中心");
    String id =
        api.awaitCreated("/api/org-life/meetings", hostSecretary, plan).json().get("id").asString();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!api.get("/api/org-life/meetings/" + id, hostSecretary)
        .json()
        .get("hostedMobileMemberIds")
        .toString()
        .contains(mobile.toString())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("org-life-service never learned the 活动证");
      }
      Thread.sleep(300);
    }
  }

  private static void duesProfile(UUID member) throws Exception {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("memberId", member.toString());
    profile.put("effectiveMonth", YearMonth.from(TODAY).toString());
    profile.put("category", "EMPLOYED");
    profile.put("baseFen", 540_000);
    Api.Response created = api.awaitCreated("/api/dues/profiles", admin, profile);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  private static void billRun() {
    Api.Response started =
        api.post(
            "/api/dues/bills/runs",
            admin,
            Map.of("month", YearMonth.from(TODAY).toString(), "orgId", home.toString()));
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    api.follow("/api/dues/bills/runs", admin, started);
  }

  private static Map<String, Object> offline(UUID member, String receipt) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("memberId", member.toString());
    body.put("months", List.of(YearMonth.from(TODAY).toString()));
    body.put("channel", "OFFLINE");
    body.put("receiptNo", receipt);
    return body;
  }

  /** 404 until dues-service has learned the 活动证 from member.events. */
  private static Api.Response awaitPayment(String token, Map<String, Object> body)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Api.Response paid;
    do {
      paid = api.postWithKey("/api/dues/payments", token, body);
      if (paid.status() != 404) {
        break;
      }
      Thread.sleep(300);
    } while (System.nanoTime() < deadline);
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    return paid;
  }

  private static long backdatePaymentsOneYear(UUID org) throws Exception {
    var config = E2ePlatform.get().config();
    try (Connection c =
            DriverManager.getConnection(
                config.jdbcUrl("dues_db"), config.dbUser(), config.dbPassword());
        PreparedStatement move =
            c.prepareStatement(
                "UPDATE dues_payment SET paid_at = paid_at - INTERVAL 1 YEAR,"
                    + " created_at = created_at - INTERVAL 1 YEAR WHERE org_id = ?");
        PreparedStatement sum =
            c.prepareStatement(
                "SELECT COALESCE(SUM(total_fen), 0) FROM dues_payment WHERE org_id = ?"
                    + " AND paid_at IS NOT NULL AND reversed_at IS NULL")) {
      byte[] id =
          java.nio.ByteBuffer.allocate(16)
              .putLong(org.getMostSignificantBits())
              .putLong(org.getLeastSignificantBits())
              .array();
      move.setBytes(1, id);
      move.executeUpdate();
      sum.setBytes(1, id);
      try (var rs = sum.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
