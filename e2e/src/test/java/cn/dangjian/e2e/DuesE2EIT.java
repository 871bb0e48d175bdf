package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.e2e.Api.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Issue 4 through the gateway with real Keycloak tokens: dues-service learns the member from
 * member.events, a member sees and pays their own bills through the sandbox provider, the branch
 * secretary sees the branch's arrears and another branch's secretary sees none of it.
 */
@Tag("compose")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DuesE2EIT {

  static final YearMonth NOW = YearMonth.now(ZoneId.of("Asia/Shanghai"));

  static Api api;
  static String admin;
  static UUID branchA;
  static UUID branchB;
  static UUID member;
  static String memberToken;
  static String secretaryA;
  static String secretaryB;

  @BeforeAll
  static void memberWithTwoMonthsBilled() throws Exception {
    api = E2ePlatform.api();
    admin = E2ePlatform.token("admin");
    UUID root =
        DataScopeE2EIT.created(
            api.post(
                "/api/orgs",
                admin,
                TestData.org(null, "e2e党费党委" + UUID.randomUUID(), "PARTY_COMMITTEE")));
    branchA =
        DataScopeE2EIT.created(api.post("/api/orgs", admin, TestData.org(root, "南村党支部", "BRANCH")));
    branchB =
        DataScopeE2EIT.created(api.post("/api/orgs", admin, TestData.org(root, "北村党支部", "BRANCH")));
    member =
        DataScopeE2EIT.created(api.post("/api/members", admin, TestData.member(branchA, "缴费党员")));
    UUID secA =
        DataScopeE2EIT.created(api.post("/api/members", admin, TestData.member(branchA, "南村书记")));
    UUID secB =
        DataScopeE2EIT.created(api.post("/api/members", admin, TestData.member(branchB, "北村书记")));
    memberToken = account(member, "MEMBER");
    secretaryA = account(secA, "SECRETARY");
    secretaryB = account(secB, "SECRETARY");

    // dues-service learns the member from member.events: wait until it knows them
    api.awaitStatus(
        "/api/dues/profiles?memberId=" + member, secretaryA, 200, Duration.ofSeconds(60));

    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("memberId", member.toString());
    profile.put("effectiveMonth", NOW.minusMonths(1).toString());
    profile.put("baseFen", 540_000); // 5400 元 → 81.00 元 a month
    Response created = api.post("/api/dues/profiles", secretaryA, profile);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    for (YearMonth month : List.of(NOW.minusMonths(1), NOW)) {
      api.job(
          "/api/dues/bills/runs",
          secretaryA,
          Map.of("month", month.toString(), "orgId", branchA.toString()));
    }
  }

  private static String account(UUID id, String role) {
    return E2ePlatform.accountToken(admin, id, role, "e2e-dues-");
  }

  /** POST with an Idempotency-Key (payments need one); Api has no header parameter. */
  private static Response postWithKey(String path, String token, Object body) {
    try {
      String json = body == null ? "" : Api.JSON.writeValueAsString(body);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(E2ePlatform.gatewayUrl() + path))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + token)
              .header("Idempotency-Key", "e2e-" + UUID.randomUUID())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build();
      long start = System.nanoTime();
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().map(),
          response.body(),
          (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(1)
  void theBranchSecretarySeesTheBranchsArrearsAndAnotherBranchsSecretarySeesNone() {
    Response arrears = api.get("/api/dues/arrears?size=200", secretaryA);
    assertThat(arrears.status()).as(arrears.body()).isEqualTo(200);
    assertThat(arrears.body()).contains(member.toString());
    Response other = api.get("/api/dues/arrears?size=200", secretaryB);
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.body()).doesNotContain(member.toString());
    assertThat(api.get("/api/dues/bills?memberId=" + member, secretaryB).status()).isEqualTo(404);
    assertThat(api.get("/api/dues/bills?size=200", secretaryB).body())
        .doesNotContain(member.toString());
    assertThat(api.get("/api/dues/arrears/members/" + member, secretaryB).status()).isEqualTo(404);
  }

  @Test
  @Order(2)
  void aMemberSeesTheirOwnBillsAndPaysThroughTheSandboxProvider() {
    Response bills = api.get("/api/dues/bills", memberToken);
    assertThat(bills.status()).as(bills.body()).isEqualTo(200);
    assertThat(bills.json().get("total").asLong()).isEqualTo(2);
    for (JsonNode bill : bills.json().get("items")) {
      assertThat(bill.get("memberId").asString()).isEqualTo(member.toString());
      assertThat(bill.get("amountFen").asLong()).isEqualTo(8_100);
    }

    Map<String, Object> pay = new LinkedHashMap<>();
    pay.put("memberId", member.toString());
    pay.put("months", List.of(NOW.minusMonths(1).toString(), NOW.toString()));
    pay.put("channel", "ONLINE");
    Response order = postWithKey("/api/dues/payments", memberToken, pay);
    assertThat(order.status()).as(order.body()).isEqualTo(201);
    assertThat(order.json().get("status").asString()).isEqualTo("PENDING");
    assertThat(order.json().get("totalFen").asLong()).isEqualTo(16_200);

    Response completed =
        postWithKey(
            "/api/dues/sandbox/orders/"
                + order.json().get("providerOrderId").asString()
                + "/complete",
            memberToken,
            null);
    assertThat(completed.status()).as(completed.body()).isEqualTo(200);
    assertThat(completed.json().get("outcome").asString()).isEqualTo("APPLIED");

    Response after = api.get("/api/dues/bills?status=PAID", memberToken);
    assertThat(after.json().get("total").asLong()).isEqualTo(2);
    Response payment =
        api.get("/api/dues/payments/" + order.json().get("id").asString(), memberToken);
    assertThat(payment.json().get("status").asString()).isEqualTo("PAID");
    assertThat(
            api.get("/api/dues/payments/" + order.json().get("id").asString(), secretaryB).status())
        .isEqualTo(404);
  }
}
