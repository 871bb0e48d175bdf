package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.e2e.Api.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * In the middle of the compose run (after the member scenarios, before dues, meetings, alerts and
 * assessments), the Kafka container and then the dues-service container are stopped while members
 * are registered, and started again: every member registered meanwhile reaches dues-service (the
 * outbox waits for the broker; the consumer resumes from its committed offset), and the scenarios
 * after this one run on the restarted containers.
 */
@Tag("compose")
@Order(6)
@EnabledIfSystemProperty(named = "e2e.target", matches = "compose")
class ComposeRestartE2EIT {

  static final Duration CATCH_UP = Duration.ofMinutes(3);

  static Api api;
  static String admin;
  static UUID branch;

  @BeforeAll
  static void aBranchDuesServiceKnows() {
    api = E2ePlatform.api();
    admin = E2ePlatform.token("admin");
    branch = KnownBranch.create(api, admin, "重启", CATCH_UP).branch();
  }

  @Test
  void membersRegisteredWhileKafkaIsStoppedReachDuesServiceWhenItIsBack() {
    ComposeStack stack = ComposeStack.get();
    List<UUID> registered = new ArrayList<>();
    stack.compose("stop", "kafka");
    try {
      for (int i = 0; i < 5; i++) {
        registered.add(register("断网期间党员" + i));
      }
    } finally {
      stack.compose("start", "kafka");
    }
    long restarted = System.nanoTime();
    stack.awaitHealthy("kafka", CATCH_UP);
    long healthy = System.nanoTime();
    registered.forEach(ComposeRestartE2EIT::awaitKnownToDues);
    report("kafka", restarted, healthy);
  }

  @Test
  void membersRegisteredWhileDuesServiceIsStoppedAreThereWhenItIsBack() {
    ComposeStack stack = ComposeStack.get();
    List<UUID> registered = new ArrayList<>();
    stack.compose("stop", "dues-service");
    try {
      Response down = api.get("/api/dues/profiles?memberId=" + UUID.randomUUID(), admin);
      assertThat(down.status()).as(down.body()).isEqualTo(503);
      assertThat(down.header("Content-Type")).startsWith("application/problem+json");
      for (int i = 0; i < 3; i++) {
        registered.add(register("停机期间党员" + i));
      }
    } finally {
      stack.compose("start", "dues-service");
    }
    long restarted = System.nanoTime();
    stack.awaitHealthy("dues-service", CATCH_UP);
    long healthy = System.nanoTime();
    registered.forEach(ComposeRestartE2EIT::awaitKnownToDues);
    report("dues-service", restarted, healthy);
  }

  private static void report(String container, long restarted, long healthy) {
    long now = System.nanoTime();
    System.out.printf(
        "[e2e compose] %s started: healthy after %d s, members caught up %d s later%n",
        container, (healthy - restarted) / 1_000_000_000, (now - healthy) / 1_000_000_000);
  }

  private static UUID register(String name) {
    return DataScopeE2EIT.created(api.post("/api/members", admin, TestData.member(branch, name)));
  }

  /** dues-service answers 200 for the member's profiles once it has consumed the registration. */
  private static void awaitKnownToDues(UUID member) {
    api.awaitStatus("/api/dues/profiles?memberId=" + member, admin, 200, CATCH_UP);
  }
}
