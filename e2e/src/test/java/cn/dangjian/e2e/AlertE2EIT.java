package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6 through the gateway with real Keycloak tokens: org-life-service records four months of
 * 主题党日 without one member; the sweep "as of" month end raises the absence alert, which branch A's
 * secretary sees on the SSE stream with its Chinese suggestion and deadline; a month later it is a
 * 预警; once the member attends it resolves. Branch B's secretary sees none of it.
 */
@Tag("compose")
class AlertE2EIT {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static Api api;
  static String admin;
  static UUID branchA;
  static UUID branchB;
  static UUID host;
  static UUID present;
  static UUID absent;
  static String secretaryA;
  static String secretaryB;
  static final List<String> streamA = new CopyOnWriteArrayList<>();
  static final List<String> streamB = new CopyOnWriteArrayList<>();
  static final List<java.util.concurrent.CompletableFuture<?>> streams = new ArrayList<>();

  @BeforeAll
  static void branchesMembersAndStreams() throws Exception {
    api = E2ePlatform.api();
    admin = E2ePlatform.token("admin");
    UUID root =
        DataScopeE2EIT.created(
            api.post(
                "/api/orgs",
                admin,
                TestData.org(null, "e2e预警党委" + UUID.randomUUID(), "PARTY_COMMITTEE")));
    branchA =
        DataScopeE2EIT.created(api.post("/api/orgs", admin, TestData.org(root, "东村党支部", "BRANCH")));
    branchB =
        DataScopeE2EIT.created(api.post("/api/orgs", admin, TestData.org(root, "西村党支部", "BRANCH")));
    host =
        DataScopeE2EIT.created(api.post("/api/members", admin, TestData.member(branchA, "东村书记")));
    present =
        DataScopeE2EIT.created(
            api.post("/api/members", admin, TestData.member(branchA, "按时参加的党员")));
    absent =
        DataScopeE2EIT.created(
            api.post("/api/members", admin, TestData.member(branchA, "长期缺席的党员")));
    UUID hostB =
        DataScopeE2EIT.created(api.post("/api/members", admin, TestData.member(branchB, "西村书记")));
    secretaryA = account(host, "SECRETARY");
    secretaryB = account(hostB, "SECRETARY");
    // the streams read alert.events from the newest offset: open them first
    streams.add(open(secretaryA, streamA));
    streams.add(open(secretaryB, streamB));
    awaitTrue(() -> streamA.stream().anyMatch(l -> l.startsWith(":")), "stream A connected");
    awaitTrue(() -> streamB.stream().anyMatch(l -> l.startsWith(":")), "stream B connected");
  }

  @AfterAll
  static void closeStreams() {
    streams.forEach(f -> f.cancel(true));
  }

  @Test
  void fourMonthsAbsentRaisesAnAlertOnTheSecretarysStreamThatRisesAndResolvesOnAttendance()
      throws Exception {
    // the member projections of org-life-service and alert-service learn the members by events
    LocalDate month = TODAY.withDayOfMonth(1).minusMonths(4);
    for (int i = 0; i < 4; i++) {
      LocalDate held = month.plusMonths(i).withDayOfMonth(5);
      themedPartyDay(held, List.of(host, present), List.of(absent));
    }
    LocalDate monthEnd = TODAY.withDayOfMonth(1).minusDays(1);
    api.job("/api/alerts/sweeps", admin, Map.of("asOf", monthEnd.toString()));

    JsonNode raised =
        awaitEvent(
            streamA,
            e ->
                e.path("subjectId").asString().equals(absent.toString())
                    && e.path("ruleId").asString().equals("MEMBER_ABSENT_ORG_LIFE"));
    assertThat(raised.get("ruleId").asString()).isEqualTo("MEMBER_ABSENT_ORG_LIFE");
    assertThat(raised.get("title").asString()).isEqualTo("党员已连续4个月未参加组织生活");
    String alertId = raised.get("alertId").asString();
    JsonNode alert = api.get("/api/alerts/" + alertId, secretaryA).json();
    assertThat(alert.get("severityLabel").asString()).isEqualTo("提示");
    assertThat(alert.get("suggestion").asString())
        .contains("已连续4个月未参加党的组织生活")
        .contains("《中国共产党章程》第九条")
        .contains("请支部书记于" + alert.get("deadline").asString() + "前");
    assertThat(alert.get("deadline").asString()).isNotBlank();

    // a month later with no attendance: the same alert rises to 预警, on the stream too
    LocalDate nextMonthEnd = TODAY.withDayOfMonth(1).plusMonths(1).minusDays(1);
    api.job("/api/alerts/sweeps", admin, Map.of("asOf", nextMonthEnd.toString()));
    JsonNode risen =
        awaitEvent(
            streamA,
            e ->
                e.path("alertId").asString().equals(alertId)
                    && e.path("severity").asString().equals("WARNING"));
    assertThat(risen.get("change").asString()).isEqualTo("SEVERITY_CHANGED");
    assertThat(api.get("/api/alerts/" + alertId, secretaryA).json().get("severityLabel").asString())
        .isEqualTo("预警");

    // branch B's secretary sees nothing of it
    assertThat(api.get("/api/alerts/" + alertId, secretaryB).status()).isEqualTo(404);
    assertThat(api.get("/api/alerts?subjectId=" + absent, secretaryB).json().get("total").asInt())
        .isZero();
    assertThat(String.join("\n", streamB))
        .doesNotContain(alertId)
        .doesNotContain(absent.toString());

    // the member attends: the alert resolves by itself and says so
    themedPartyDay(
        LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(3),
        List.of(host, present, absent),
        List.of());
    JsonNode resolved =
        awaitEvent(
            streamA,
            e ->
                e.path("alertId").asString().equals(alertId)
                    && e.path("status").asString().equals("RESOLVED"));
    assertThat(resolved.get("change").asString()).isEqualTo("RESOLVED");
    assertThat(api.get("/api/alerts/" + alertId, secretaryA).json().get("resolution").asString())
        .contains("参加组织生活，预警自动解除");
    assertThat(String.join("\n", streamB)).doesNotContain(alertId);
  }

  /** Secretary A plans, records and submits a 主题党日; the organisation department approves. */
  private static void themedPartyDay(LocalDate held, List<UUID> attendees, List<UUID> absentees) {
    themedPartyDay(held.atTime(9, 0), attendees, absentees);
  }

  private static void themedPartyDay(
      LocalDateTime starts, List<UUID> attendees, List<UUID> absentees) {
    ThemedPartyDays.held(
        api, admin, secretaryA, branchA, host, present, starts, attendees, absentees);
  }

  private static java.util.concurrent.CompletableFuture<?> open(String token, List<String> lines) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(E2ePlatform.gatewayUrl() + "/api/alerts/stream"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
        .thenAccept(response -> response.body().forEach(lines::add));
  }

  @Test
  void aBillRunIsAcceptedAtOnceThroughTheGatewayAndItsJobReachesTheSecretarysStreamOnly()
      throws Exception {
    Map<String, Object> run =
        Map.of("month", java.time.YearMonth.from(TODAY).toString(), "orgId", branchA.toString());
    // dues-service learns branch A from member.events: 404 until it has
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Api.Response started = api.post("/api/dues/bills/runs", secretaryA, run);
    while (started.status() == 404 && System.nanoTime() < deadline) {
      Thread.sleep(500);
      started = api.post("/api/dues/bills/runs", secretaryA, run);
    }
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    String job = started.json().get("id").asString();

    JsonNode ended = api.follow("/api/dues/bills/runs", secretaryA, started);
    assertThat(ended.get("result").get("runs").get(0).get("orgId").asString())
        .isEqualTo(branchA.toString());
    // the month again (a warm service): accepted at once, and it bills nothing twice
    Api.Response again = api.post("/api/dues/bills/runs", secretaryA, run);
    assertThat(again.millis()).as("202 through the gateway").isLessThan(1000);
    JsonNode rerun = api.follow("/api/dues/bills/runs", secretaryA, again);
    assertThat(rerun.get("result").get("runs").get(0).get("issued").asInt()).isZero();

    JsonNode pushed =
        awaitEvent(
            streamA,
            e ->
                e.path("jobId").asString().equals(job)
                    && e.path("status").asString().equals("SUCCEEDED"));
    assertThat(pushed.get("kind").asString()).isEqualTo("bill-run");
    assertThat(pushed.get("href").asString()).isEqualTo("/api/dues/jobs/" + job);
    assertThat(String.join("\n", streamB)).doesNotContain(job);
  }

  private static JsonNode awaitEvent(List<String> lines, Predicate<JsonNode> match)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : lines) {
        if (line.startsWith("data:")) {
          JsonNode data = Api.JSON.readTree(line.substring(5));
          if (match.test(data)) {
            return data;
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no such event on the stream; it had:\n" + String.join("\n", lines));
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " within 30 s");
      }
      Thread.sleep(100);
    }
  }

  private static String account(UUID id, String role) {
    return E2ePlatform.accountToken(admin, id, role, "e2e-alert-");
  }
}
