package cn.dangjian.bench;

import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.TestDatabase;
import cn.dangjian.testsupport.TestKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 25 item 5: direct vs nginx vs gateway, side by side in one run. member-service and the
 * gateway start with devstack's JVM options; nginx is a plain reverse proxy (keep-alive upstream);
 * {@code wrk} sends {@code GET /api/members?size=5} with one token: {@code --connections} (16) for
 * {@code --seconds} (20) per path for req/s and each process's CPU per request, then one connection
 * for p50/p99. The gateway's rate limit is off unless {@code --rate-limit=true}. Options: --rounds=
 * (2), --one-seconds= (15), --warmup-seconds= (30), --jvm=, --set.<gateway property>=, --nginx=,
 * --wrk=, --paths= (direct,nginx,gateway), --variant.<property>= (a second gateway, measured as
 * "variant"). Result: {@code bench/target/bench-results/gateway-compare.md}.
 */
public final class GatewayCompare {

  /** devstack's ServiceLauncher.DEFAULT_JVM_ARGS (ServiceProcess adds encoding and time zone). */
  static final String DEVSTACK_JVM = "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PATH = "/api/members?size=5";

  private final Map<String, String> options;
  private final BenchLog report = new BenchLog();

  private GatewayCompare(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) {
    BenchMain.run(args, options -> new GatewayCompare(options).run());
  }

  private String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  private int option(String name, int fallback) {
    return Integer.parseInt(option(name, Integer.toString(fallback)));
  }

  private void run() throws Exception {
    Path out = Path.of("bench/target/bench-results");
    Files.createDirectories(out);
    Path memberJar = out.resolve("member-service-compare.jar");
    Path gatewayJar = out.resolve("gateway-compare.jar");
    Files.copy(
        Path.of("member-service/target/member-service.jar"),
        memberJar,
        StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        Path.of("gateway/target/gateway.jar"), gatewayJar, StandardCopyOption.REPLACE_EXISTING);
    List<String> jvm = Arrays.asList(option("jvm", DEVSTACK_JVM).trim().split("\\s+"));
    report.line(
        "== gateway compare (issue 25): %s, %d cores, load %s, JVM %s",
        Instant.now(),
        Runtime.getRuntime().availableProcessors(),
        Files.readString(Path.of("/proc/loadavg")).trim(),
        String.join(" ", jvm));
    try (FakeKeycloak keycloak = FakeKeycloak.start()) {
      TestKafka kafka = TestKafka.shared("member.events");
      try (ServiceProcess member =
          BenchServices.memberService(
              memberJar,
              out.resolve("member-service-compare.log"),
              jvm,
              "gateway_compare_member",
              kafka,
              keycloak,
              Map.of())) {
        Map<String, String> gatewayProps = new LinkedHashMap<>();
        gatewayProps.put("dangjian.services.member-service.uri", member.baseUrl());
        gatewayProps.put("logging.level.root", "WARN");
        gatewayProps.put("dangjian.gateway.rate-limit.enabled", option("rate-limit", "false"));
        // the shared rate-limit buckets (--rate-limit=true measures them; one token at a few
        // hundred req/s needs a budget above the default 50/s: --set.dangjian.gateway.rate-limit.*)
        gatewayProps.put("spring.datasource.url", TestDatabase.fresh("gateway_compare_gw"));
        gatewayProps.putAll(keycloak.resourceServerProperties());
        gatewayProps.putAll(BenchMain.under(options, "set."));
        Map<String, String> gatewayEnv =
            Map.of(
                "SPRING_DATASOURCE_USERNAME", TestDatabase.user(),
                "SPRING_DATASOURCE_PASSWORD", TestDatabase.password());
        // --variant.<property>=<value>: a second gateway with these properties on top, measured
        // as "variant" in the same run, phase after phase with the first (a fair A/B on a busy
        // machine)
        Map<String, String> variantProps = new LinkedHashMap<>(gatewayProps);
        variantProps.putAll(BenchMain.under(options, "variant."));
        boolean variant = !BenchMain.under(options, "variant.").isEmpty();
        try (ServiceProcess gateway =
                ServiceProcess.start(
                    gatewayJar,
                    out.resolve("gateway-compare.log"),
                    jvm,
                    gatewayProps,
                    gatewayEnv,
                    Duration.ofMinutes(3));
            ServiceProcess second =
                variant
                    ? ServiceProcess.start(
                        gatewayJar,
                        out.resolve("gateway-variant.log"),
                        jvm,
                        variantProps,
                        gatewayEnv,
                        Duration.ofMinutes(3))
                    : null;
            NginxProxy nginx =
                NginxProxy.start(Path.of(option("nginx", "nginx")), out, member.baseUrl())) {
          report.line(
              "   started: member-service %.1f s, gateway %.1f s; nginx %s",
              member.startTime().toMillis() / 1000.0,
              gateway.startTime().toMillis() / 1000.0,
              nginx.baseUrl());
          List<String> paths = List.of(option("paths", "direct,nginx,gateway").split(","));
          List<Target> targets = new ArrayList<>();
          targets.add(new Target("direct", member.baseUrl(), -1));
          if (paths.contains("nginx")) {
            targets.add(new Target("nginx", nginx.baseUrl(), nginx.pid()));
          }
          if (paths.contains("gateway")) {
            targets.add(new Target("gateway", gateway.baseUrl(), gateway.pid()));
          }
          if (second != null) {
            report.line("   variant: %s", BenchMain.under(options, "variant."));
            targets.add(new Target("variant", second.baseUrl(), second.pid()));
          }
          measure(keycloak, member, targets);
        }
      }
    }
    Files.writeString(out.resolve("gateway-compare.md"), report.toString(), StandardCharsets.UTF_8);
    System.out.println("\nwritten to " + out.resolve("gateway-compare.md"));
  }

  /** One path to member-service: its URL and the proxy's process (-1: none). */
  private record Target(String name, String baseUrl, long proxyPid) {}

  private void measure(FakeKeycloak keycloak, ServiceProcess member, List<Target> targets)
      throws Exception {
    String token =
        keycloak
            .token()
            .roles("platform-admin")
            .username("bench-admin")
            .lifetime(Duration.ofHours(3))
            .build();
    seed(member.baseUrl(), token);
    int connections = option("connections", 16);
    int seconds = option("seconds", 20);
    int oneSeconds = option("one-seconds", 15);
    int rounds = option("rounds", 2);
    int warmup = option("warmup-seconds", 30);
    Wrk wrk = new Wrk(option("wrk", "wrk"), token);
    // the JIT (C1 only with devstack's flags) and the connection pools, untimed
    for (Target target : targets) {
      wrk.run(target.baseUrl(), connections, warmup);
    }
    Map<String, List<Wrk.Result>> many = new LinkedHashMap<>();
    Map<String, List<Wrk.Result>> one = new LinkedHashMap<>();
    Map<String, List<double[]>> cpu = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (Target target : targets) {
        double memberBefore = Cpu.treeMillis(member.pid());
        double proxyBefore = target.proxyPid() < 0 ? 0 : Cpu.treeMillis(target.proxyPid());
        Wrk.Result result = wrk.run(target.baseUrl(), connections, seconds);
        double memberAfter = Cpu.treeMillis(member.pid());
        double proxyAfter = target.proxyPid() < 0 ? 0 : Cpu.treeMillis(target.proxyPid());
        long n = Math.max(1, result.requests());
        many.computeIfAbsent(target.name(), k -> new ArrayList<>()).add(result);
        cpu.computeIfAbsent(target.name(), k -> new ArrayList<>())
            .add(new double[] {(memberAfter - memberBefore) / n, (proxyAfter - proxyBefore) / n});
      }
      for (Target target : targets) {
        one.computeIfAbsent(target.name(), k -> new ArrayList<>())
            .add(wrk.run(target.baseUrl(), 1, oneSeconds));
      }
    }
    report.line("   load after: %s", Files.readString(Path.of("/proc/loadavg")).trim());
    report.line("");
    report.line(
        "| round | path | req/s (%d conn) | %% of direct | non-2xx | CPU ms/req member |"
            + " CPU ms/req proxy | p50 ms (1 conn) | p99 ms (1 conn) | added p50 ms |",
        connections);
    report.line("|---|---|---|---|---|---|---|---|---|---|");
    for (int r = 0; r < rounds; r++) {
      Wrk.Result direct = many.get("direct").get(r);
      Wrk.Result directOne = one.get("direct").get(r);
      for (Target target : targets) {
        Wrk.Result result = many.get(target.name()).get(r);
        Wrk.Result single = one.get(target.name()).get(r);
        double[] perRequest = cpu.get(target.name()).get(r);
        report.line(
            "| %d | %s | %.0f | %.1f %% | %d | %.3f | %s | %.2f | %.2f | %+.2f |",
            r + 1,
            target.name(),
            result.perSecond(),
            100 * result.perSecond() / direct.perSecond(),
            result.errors() + single.errors(),
            perRequest[0],
            target.proxyPid() < 0 ? "–" : String.format(Locale.ROOT, "%.3f", perRequest[1]),
            single.p50(),
            single.p99(),
            single.p50() - directOne.p50());
      }
    }
  }

  /** One branch with five members, so that the page is what a secretary's first screen asks. */
  private static void seed(String base, String token) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> committee = new LinkedHashMap<>();
    committee.put("name", "对比压测党委-" + suffix);
    committee.put("type", "PARTY_COMMITTEE");
    String root = post(http, base + "/api/orgs", token, committee).path("id").asString();
    Map<String, Object> org = new LinkedHashMap<>();
    org.put("parentId", root);
    org.put("name", "对比压测支部-" + suffix);
    org.put("type", "BRANCH");
    String branch = post(http, base + "/api/orgs", token, org).path("id").asString();
    for (int i = 0; i < 5; i++) {
      LocalDate birth = LocalDate.of(1980 + i, 3, 1 + i);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("orgId", branch);
      body.put("name", "党员" + i);
      body.put("gender", "MALE");
      body.put("birthDate", birth.toString());
      body.put("idNumber", IdNumbers.of(IdNumbers.first17(110101, birth, 2 * i + 1)));
      body.put("phone", "1391234567" + i);
      body.put("stage", "FULL");
      body.put("duesCategory", "EMPLOYED");
      body.put("joinDate", "2015-07-01");
      body.put("fullMemberDate", "2016-07-01");
      post(http, base + "/api/members", token, body);
    }
  }

  private static tools.jackson.databind.JsonNode post(
      HttpClient http, String url, String token, Map<String, Object> body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "POST " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** User + system CPU of a process and its descendants (nginx's workers), from /proc. */
  static final class Cpu {
    private Cpu() {}

    static double treeMillis(long pid) {
      double total = millis(pid);
      for (ProcessHandle child :
          ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
        total += millis(child.pid());
      }
      return total;
    }

    private static double millis(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime, stime: fields 14 and 15 of the line (12 and 13 after the name), in clock ticks
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }
  }

  /** wrk, two threads (one for one connection), with its latency distribution. */
  record Wrk(String command, String token) {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("([0-9]+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: ([0-9]+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: (.*)");

    record Result(long requests, double perSecond, double p50, double p99, long errors) {}

    Result run(String base, int connections, int seconds) throws Exception {
      List<String> args =
          List.of(
              command,
              "-t" + Math.min(2, connections),
              "-c" + connections,
              "-d" + seconds + "s",
              "--latency",
              "--timeout",
              "10s",
              "-H",
              "Authorization: Bearer " + token,
              "-H",
              "Accept: application/json",
              base + PATH);
      Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("wrk failed on " + base + ":\n" + output);
      }
      long errors = find(NON_2XX, output).map(Long::parseLong).orElse(0L);
      if (find(SOCKET, output).isPresent()) {
        System.out.println("   wrk socket errors on " + base + ": " + find(SOCKET, output).get());
      }
      return new Result(
          Long.parseLong(find(TOTAL, output).orElseThrow()),
          Double.parseDouble(find(RATE, output).orElseThrow()),
          percentile(output, "50%"),
          percentile(output, "99%"),
          errors);
    }

    private static java.util.Optional<String> find(Pattern pattern, String text) {
      Matcher matcher = pattern.matcher(text);
      return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
    }

    /** " 50% 3.38ms" (or us / s) from the "Latency Distribution" block, in ms. */
    private static double percentile(String output, String label) {
      Matcher matcher =
          Pattern.compile("^\\s*" + label + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
              .matcher(output);
      if (!matcher.find()) {
        return Double.NaN;
      }
      double value = Double.parseDouble(matcher.group(1));
      return switch (matcher.group(2)) {
        case "us" -> value / 1000;
        case "s" -> value * 1000;
        default -> value;
      };
    }
  }
}
