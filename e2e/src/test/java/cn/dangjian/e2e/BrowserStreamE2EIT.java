package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.devstack.ServiceLauncher;
import cn.dangjian.e2e.Api.Response;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20: a web page in headless Chromium (the Debian package) opens the alert stream with {@code
 * EventSource} and a single-use ticket — no Authorization header, through the gateway and its CORS
 * — and sees the alert a sweep raises in its branch. Then alert-service restarts, misses nothing: a
 * client reconnecting with the last id it saw gets what happened meanwhile.
 */
class BrowserStreamE2EIT {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** The page opens the stream, reports what it receives to the server it came from. */
  static final String PAGE =
      """
      <!doctype html><meta charset="utf-8"><title>党建云 预警推送</title>
      <pre id="log"></pre>
      <script>
        const q = new URLSearchParams(location.search);
        const report = (what, body) => fetch('/report/' + what, {method: 'POST', body});
        const source = new EventSource(q.get('stream'));
        source.onopen = () => report('open', '');
        source.onerror = () => report('error', String(source.readyState));
        source.addEventListener('alert.raised', e => {
          document.getElementById('log').textContent += e.data + '\\n';
          report('event', JSON.stringify({id: e.lastEventId, data: JSON.parse(e.data)}));
        });
      </script>
      """;

  @Test
  void aBrowserSeesAnAlertArriveOnItsTicketStreamAndNothingIsLostAcrossARestart() throws Exception {
    assertThat(CHROMIUM).as("chromium (apt-get install chromium; .ci/run does)").isExecutable();
    Api api = E2ePlatform.api();
    String admin = E2ePlatform.token("admin");
    // a cold service's first answers may pass the gateway's 5 s limit: warm the routes up first
    for (String warm : List.of("/api/orgs", "/api/alerts/rules")) {
      api.awaitStatus(warm, admin, 200, Duration.ofSeconds(60));
    }
    UUID root =
        DataScopeE2EIT.created(
            api.post(
                "/api/orgs",
                admin,
                TestData.org(null, "e2e浏览器推送党委" + UUID.randomUUID(), "PARTY_COMMITTEE")));
    UUID branch =
        DataScopeE2EIT.created(api.post("/api/orgs", admin, TestData.org(root, "南村党支部", "BRANCH")));
    UUID host =
        DataScopeE2EIT.created(api.post("/api/members", admin, TestData.member(branch, "南村书记")));
    UUID present =
        DataScopeE2EIT.created(api.post("/api/members", admin, TestData.member(branch, "按时参加的党员")));
    UUID absent =
        DataScopeE2EIT.created(api.post("/api/members", admin, TestData.member(branch, "长期缺席的党员")));
    String secretary = E2ePlatform.accountToken(admin, host, "SECRETARY", "e2e-browser-");
    BlockingQueue<String[]> reports = new LinkedBlockingQueue<>();
    HttpServer page = pageServer(reports);
    Path profile = Files.createTempDirectory("e2e-chromium-");
    Process browser = null;
    long seenId;
    try {
      JsonNode ticket = buyTicket(api, secretary);
      String url =
          "http://localhost:"
              + page.getAddress().getPort()
              + "/?stream="
              + URLEncoder.encode(
                  E2ePlatform.gatewayUrl() + ticket.get("streamUrl").asString(),
                  StandardCharsets.UTF_8);
      browser = chromium(profile, url);
      assertThat(awaitReport(reports, "open", browser)).isNotNull();

      // four 主题党日 without one member: the alert is raised on the events or by the sweep
      LocalDate month = TODAY.withDayOfMonth(1).minusMonths(4);
      for (int i = 0; i < 4; i++) {
        ThemedPartyDays.held(
            api,
            admin,
            secretary,
            branch,
            host,
            present,
            month.plusMonths(i).withDayOfMonth(5).atTime(9, 0),
            List.of(host, present),
            List.of(absent));
      }

      LocalDate monthEnd = TODAY.withDayOfMonth(1).minusDays(1);
      api.job("/api/alerts/sweeps", admin, Map.of("asOf", monthEnd.toString()));

      JsonNode event = null;
      while (event == null) {
        JsonNode candidate = Api.JSON.readTree(awaitReport(reports, "event", browser));
        JsonNode data = candidate.path("data");
        if (data.path("subjectId").asString().equals(absent.toString())
            && data.path("ruleId").asString().equals("MEMBER_ABSENT_ORG_LIFE")) {
          event = candidate;
        }
      }
      assertThat(event.get("data").get("ruleId").asString()).isEqualTo("MEMBER_ABSENT_ORG_LIFE");
      assertThat(event.get("data").get("title").asString()).isEqualTo("党员已连续4个月未参加组织生活");
      seenId = Long.parseLong(event.get("id").asString());
    } finally {
      if (browser != null) {
        browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      page.stop(0);
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }

    // alert-service restarts; then the alert rises while no stream is open
    ServiceLauncher alerts = E2ePlatform.get().requireService("alert-service");
    alerts.restart();
    LocalDate nextMonthEnd = TODAY.withDayOfMonth(1).plusMonths(1).minusDays(1);
    api.job("/api/alerts/sweeps", admin, Map.of("asOf", nextMonthEnd.toString()));

    // reconnecting with the last id the page saw: the change it missed is replayed, newer id
    List<String> lines = new CopyOnWriteArrayList<>();
    String stream =
        E2ePlatform.gatewayUrl()
            + buyTicket(api, secretary).get("streamUrl").asString()
            + "&lastEventId="
            + seenId;
    var open =
        HttpClient.newHttpClient()
            .sendAsync(
                HttpRequest.newBuilder(URI.create(stream))
                    .header("Accept", "text/event-stream")
                    .build(),
                HttpResponse.BodyHandlers.ofLines())
            .thenAccept(response -> response.body().forEach(lines::add));
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      long replayedId = -1;
      while (replayedId < 0 && System.nanoTime() < deadline) {
        for (int i = 2; i < lines.size(); i++) {
          if (lines.get(i).startsWith("data:")
              && lines.get(i).contains(absent.toString())
              && lines.get(i).contains("SEVERITY_CHANGED")
              && lines.get(i - 2).startsWith("id:")) {
            replayedId = Long.parseLong(lines.get(i - 2).substring(3).trim());
          }
        }
        Thread.sleep(200);
      }
      assertThat(replayedId)
          .as("the missed change, replayed after the restart; the stream had:\n%s", lines)
          .isGreaterThan(seenId);
      assertThat(String.join("\n", lines)).doesNotContain("id:" + seenId + "\n");
    } finally {
      open.cancel(true);
    }
  }

  private static JsonNode buyTicket(Api api, String token) {
    Response bought = api.post("/api/alerts/stream-tickets", token, Map.of());
    assertThat(bought.status()).as(bought.body()).isEqualTo(201);
    return bought.json();
  }

  /**
   * The page's origin must be one the gateway's CORS allows (devstack: the front-end dev servers'
   * http://localhost:5173 and :3000).
   */
  private static HttpServer pageServer(BlockingQueue<String[]> reports) throws IOException {
    HttpServer server = null;
    for (int port : new int[] {5173, 3000}) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        break;
      } catch (BindException busy) {
        // the other allowed origin
      }
    }
    if (server == null) {
      throw new IllegalStateException("ports 5173 and 3000 (CORS-allowed origins) are both busy");
    }
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          if (path.startsWith("/report/")) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            reports.add(new String[] {path.substring("/report/".length()), body});
            answer(exchange, 204, "");
          } else {
            answer(exchange, 200, PAGE);
          }
        });
    server.start();
    return server;
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
    if (status != 204) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private static Process chromium(Path profile, String url) throws IOException {
    return new ProcessBuilder(
            CHROMIUM.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            // keeps the browser running until the test ends it (no CDP client needed)
            "--remote-debugging-port=0",
            "--user-data-dir=" + profile,
            url)
        .redirectErrorStream(true)
        .redirectOutput(profile.resolve("chromium.log").toFile())
        .start();
  }

  /** The body of the next report of a kind; fails with what the page said otherwise. */
  private static String awaitReport(BlockingQueue<String[]> reports, String kind, Process browser)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    StringBuilder other = new StringBuilder();
    while (System.nanoTime() < deadline) {
      String[] report = reports.poll(500, TimeUnit.MILLISECONDS);
      if (report == null) {
        if (!browser.isAlive()) {
          throw new AssertionError("chromium exited with " + browser.exitValue());
        }
        continue;
      }
      if (report[0].equals(kind)) {
        return report[1];
      }
      other.append(report[0]).append(' ').append(report[1]).append('\n');
    }
    throw new AssertionError(
        "the page reported no " + kind + " within 60 s; it reported:\n" + other);
  }
}
