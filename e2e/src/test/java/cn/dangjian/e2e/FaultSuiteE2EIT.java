package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.e2e.Api.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

/**
 * The fault suite (issue 25), against the compose stack (deploy/compose/faults.sh): a client keeps
 * registering members through the gateway, 5 a second, while one fault is injected and healed. For
 * each fault: writes attempted, acknowledged (201), refused (an answer the client can act on: 503
 * while a service is down), lost (acknowledged, yet never reaching dues-service and alert-service's
 * projection), duplicate effects (more than one dues profile or projected member for one
 * registration), and the recovery times, from the moment the recovery starts (container start,
 * unpause): until the restarted part answers, until the first acknowledged write, and until every
 * member acknowledged before that moment is known to every consumer. The table goes to stdout and
 * to {@code e2e/target/fault-suite.md}.
 */
@Tag("faults")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfSystemProperty(named = "e2e.target", matches = "compose")
@EnabledIfSystemProperty(named = "e2e.faults", matches = "true")
class FaultSuiteE2EIT {

  static final Duration CATCH_UP = Duration.ofMinutes(3);
  static final List<String> REPORT = Collections.synchronizedList(new ArrayList<>());

  /**
   * Every 5xx but 503 (the designed "try again") a write got: its problem type and trace id, to
   * find it in the service's log.
   */
  static final List<String> SERVER_ERRORS = Collections.synchronizedList(new ArrayList<>());

  static Api api;
  static String admin;
  static UUID branch;
  static UUID first;
  static ComposeStack stack;

  @BeforeAll
  static void aBranchEveryConsumerKnows() {
    stack = ComposeStack.get();
    api = E2ePlatform.api();
    admin = E2ePlatform.token("admin");
    KnownBranch known = KnownBranch.create(api, admin, "故障演练", CATCH_UP);
    branch = known.branch();
    first = known.member();
  }

  @AfterAll
  static void report() throws IOException {
    List<String> table = new ArrayList<>();
    table.add(
        "| fault | writes attempted | acknowledged | refused | lost | duplicate effects |"
            + " answering after start | first write acknowledged after start |"
            + " backlog in every consumer after start |");
    table.add("|---|---|---|---|---|---|---|---|---|");
    table.addAll(REPORT);
    if (!SERVER_ERRORS.isEmpty()) {
      table.add("");
      table.add("5xx answers to writes other than 503 (status, problem type, trace id):");
      SERVER_ERRORS.forEach(error -> table.add("- " + error));
    }
    table.forEach(line -> System.out.println("[fault suite] " + line));
    Path file = Path.of("target", "fault-suite.md");
    Files.createDirectories(file.getParent());
    Files.write(file, table);
  }

  @Test
  @Order(1)
  void kafkaStoppedDuringWrites() {
    drill(
        new Drill(
            "Kafka stopped 20 s",
            () -> stack.compose("stop", "kafka"),
            Duration.ofSeconds(20),
            () -> stack.compose("start", "kafka"),
            "kafka",
            null));
  }

  @Test
  @Order(2)
  void kafkaFrozenDuringWrites() {
    // docker pause freezes every process of the container (cgroup freezer), as SIGSTOP would
    drill(
        new Drill(
            "Kafka frozen (paused) 30 s",
            () -> stack.compose("pause", "kafka"),
            Duration.ofSeconds(30),
            () -> stack.compose("unpause", "kafka"),
            "kafka",
            null));
  }

  @Test
  @Order(3)
  void eachServiceKilledMidBatchAndRestarted() {
    Map<String, String> probes = new LinkedHashMap<>();
    probes.put("member-service", "/api/members?size=1");
    probes.put("dues-service", "/api/dues/profiles?memberId=" + first);
    probes.put("org-life-service", "/api/org-life/meetings?size=1");
    probes.put("assessment-service", "/api/assessments/innovation-cases?size=1");
    probes.put("alert-service", "/api/alerts?size=1");
    probes.put("gateway", "/api/members?size=1");
    // -De2e.faults.services=alert-service,gateway: only these (default: all six)
    List<String> only =
        List.of(
            System.getProperty("e2e.faults.services", String.join(",", probes.keySet()))
                .split(","));
    probes.keySet().retainAll(only);
    probes.forEach(
        (service, probe) ->
            drill(
                new Drill(
                    service + " SIGKILLed, restarted",
                    () -> stack.compose("kill", "-s", "SIGKILL", service),
                    Duration.ofSeconds(2),
                    () -> stack.compose("start", service),
                    service,
                    () -> answers(probe))));
  }

  @Test
  @Order(4)
  void databaseRestartedDuringWrites() {
    drill(
        new Drill(
            "database restarted",
            () -> {},
            Duration.ZERO,
            () -> stack.compose("restart", "mysql"),
            "mysql",
            () -> answers("/api/members?size=1")));
  }

  @Test
  @Order(5)
  void anUnreadableOutboxRowDoesNotHoldBackTheOthers() {
    UUID broken = UUID.randomUUID();
    drill(
        new Drill(
            "unreadable outbox row",
            () ->
                stack.sql(
                    "INSERT INTO member_db.event_publication (id, listener_id, event_type,"
                        + " serialized_event, publication_date, status, completion_attempts)"
                        + " VALUES (UNHEX('"
                        + broken.toString().replace("-", "")
                        + "'), 'fault-suite', 'cn.dangjian.events.RemovedLongAgo', '{}',"
                        + " UTC_TIMESTAMP(6), 'FAILED', 1)"),
            Duration.ofSeconds(5),
            () -> {},
            null,
            null));
    String parked =
        stack.sql(
            "SELECT COUNT(*) FROM member_db.event_publication_unreadable WHERE id = UNHEX('"
                + broken.toString().replace("-", "")
                + "')");
    assertThat(parked).as("the broken row was moved aside").isEqualTo("1");
  }

  /**
   * One fault: {@code inject} it, wait {@code hold}, then {@code start} the recovery (a container
   * start, an unpause; it returns at once) and measure from that moment. {@code container}, when
   * given, is awaited healthy before the next drill (not timed: docker's health check polls every
   * 10 s); {@code answering}, when given, is polled every 250 ms for the time until the restarted
   * part answers through the gateway.
   */
  record Drill(
      String fault,
      Runnable inject,
      Duration hold,
      Runnable start,
      String container,
      BooleanSupplier answering) {}

  /**
   * Registers members (5 a second) through the drill, until 5 s after the restarted part is healthy
   * again; checks that every acknowledged member reaches the consumers exactly once, and measures
   * from the start of the recovery: until the part answers again, until the first acknowledged
   * write, and until every member acknowledged before it reached every consumer (the backlog).
   */
  private void drill(Drill drill) {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger attempted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    Map<String, Integer> refusals = new ConcurrentSkipListMap<>();
    AtomicLong firstAckAfterStart = new AtomicLong();
    AtomicLong startedAt = new AtomicLong(Long.MAX_VALUE);
    List<UUID> acknowledged = Collections.synchronizedList(new ArrayList<>());
    Thread client =
        new Thread(
            () -> {
              while (running.get()) {
                attempted.incrementAndGet();
                try {
                  Response response =
                      api.post(
                          "/api/members", admin, TestData.member(branch, "演练党员" + attempted.get()));
                  if (response.status() == 201) {
                    acknowledged.add(UUID.fromString(response.json().get("id").asString()));
                    long now = System.nanoTime();
                    if (now > startedAt.get()) {
                      firstAckAfterStart.compareAndSet(0, now);
                    }
                  } else {
                    refused.incrementAndGet();
                    refusals.merge(String.valueOf(response.status()), 1, Integer::sum);
                    if (response.status() >= 500 && response.status() != 503) {
                      SERVER_ERRORS.add(drill.fault() + ": " + serverError(response));
                    }
                  }
                } catch (RuntimeException e) {
                  refused.incrementAndGet();
                  refusals.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                }
                sleep(Duration.ofMillis(200));
              }
            },
            "fault-suite-client");
    client.start();
    sleep(Duration.ofSeconds(2));
    drill.inject().run();
    sleep(drill.hold());

    List<UUID> backlog = List.copyOf(acknowledged);
    long startWall = System.currentTimeMillis();
    long start = System.nanoTime();
    startedAt.set(start);
    AtomicLong backlogDone = new AtomicLong();
    Thread backlogWatch =
        new Thread(
            () -> {
              long deadline = start + CATCH_UP.toNanos();
              while (System.nanoTime() < deadline && known(backlog) < backlog.size()) {
                sleep(Duration.ofMillis(500));
              }
              backlogDone.set(System.nanoTime());
            },
            "fault-suite-backlog");
    backlogWatch.start();
    drill.start().run();
    String answering = "–";
    if (drill.answering() != null) {
      long deadline = start + CATCH_UP.toNanos();
      while (System.nanoTime() < deadline && !drill.answering().getAsBoolean()) {
        sleep(Duration.ofMillis(250));
      }
      answering = seconds(System.nanoTime() - start);
    }
    if (drill.container() != null) {
      stack.awaitHealthy(drill.container(), CATCH_UP);
    }
    if ("kafka".equals(drill.container()) && drill.fault().contains("stopped")) {
      long brokerStarted = stack.lastLogged("kafka", "Kafka Server started");
      answering =
          brokerStarted < startWall
              ? "?"
              : seconds((brokerStarted - startWall) * 1_000_000L) + " (broker log)";
    }
    sleep(Duration.ofSeconds(5));
    running.set(false);
    join(client);
    join(backlogWatch);

    List<UUID> written = List.copyOf(acknowledged);
    int known = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      known = known(written);
      if (known == written.size()) {
        break;
      }
      sleep(Duration.ofMillis(250));
    }
    int lost = written.size() - known;
    int duplicates =
        rows("dues_db.proj_member", written)
            - distinct("dues_db.proj_member", written)
            + rows("alert_db.proj_member", written)
            - distinct("alert_db.proj_member", written);
    REPORT.add(
        String.format(
            "| %s | %d | %d | %d %s | %d | %d | %s | %s | %s (%d writes) |",
            drill.fault(),
            attempted.get(),
            written.size(),
            refused.get(),
            refusals.isEmpty() ? "" : refusals.toString(),
            lost,
            duplicates,
            answering,
            firstAckAfterStart.get() == 0 ? "none" : seconds(firstAckAfterStart.get() - start),
            seconds(backlogDone.get() - start),
            backlog.size()));
    assertThat(lost).as(drill.fault() + ": acknowledged writes lost").isZero();
    // A refused write says "try again" (503) or names the client's mistake; a 500 is a defect.
    assertThat(refusals).as(drill.fault() + ": refusals").doesNotContainKey("500");
    assertThat(duplicates).as(drill.fault() + ": duplicate effects").isZero();
    assertThat(written).as(drill.fault() + ": writes acknowledged").isNotEmpty();
  }

  private static String serverError(Response response) {
    try {
      JsonNode problem = response.json();
      return response.status()
          + " "
          + problem.path("type").asString("-")
          + " traceId "
          + problem.path("traceId").asString("-");
    } catch (RuntimeException unreadable) {
      return response.status() + " (no problem body)";
    }
  }

  /** The restarted part answers through the gateway: any answer but 502/503/504. */
  private static boolean answers(String path) {
    try {
      int status = api.get(path, admin).status();
      return status < 502 || status > 504;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** How many of the members both dues-service's and alert-service's projections know. */
  private int known(List<UUID> members) {
    return Math.min(
        distinct("dues_db.proj_member", members), distinct("alert_db.proj_member", members));
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  private int rows(String table, List<UUID> members) {
    return count("COUNT(*)", table, members);
  }

  private int distinct(String table, List<UUID> members) {
    return count("COUNT(DISTINCT member_id)", table, members);
  }

  private int count(String what, String table, List<UUID> members) {
    if (members.isEmpty()) {
      return 0;
    }
    String ids =
        members.stream()
            .map(id -> "UNHEX('" + id.toString().replace("-", "") + "')")
            .collect(Collectors.joining(","));
    String out =
        stack.sql("SELECT " + what + " FROM " + table + " WHERE member_id IN (" + ids + ")");
    return out.matches("\\d+") ? Integer.parseInt(out) : 0;
  }

  private static void join(Thread thread) {
    try {
      thread.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
