package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.dangjian.devstack.ServiceLauncher;
import cn.dangjian.e2e.Api.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two instances of every service behind the gateway (issue 25): a rolling restart of member-service
 * — each instance stopped with SIGTERM and started again in turn, as a Kubernetes rollout does —
 * while a client keeps reading and writing through the gateway, loses no request; and a retried
 * write with the same Idempotency-Key is answered once, whichever instance gets it.
 */
class RollingRestartE2EIT {

  private final Api api = E2ePlatform.api();
  private final String admin = E2ePlatform.token("admin");

  @Test
  void noRequestFailsWhileEachMemberServiceInstanceRestartsInTurn() throws Exception {
    List<ServiceLauncher> instances = E2ePlatform.get().instances("member-service");
    assumeTrue(instances.size() >= 2, "needs replicas (-De2e.replicas=2, the default)");
    UUID committee =
        DataScopeE2EIT.created(
            api.post(
                "/api/orgs",
                admin,
                TestData.org(null, "滚动重启党委" + UUID.randomUUID(), "PARTY_COMMITTEE")));

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger reads = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<UUID> written = Collections.synchronizedList(new ArrayList<>());
    Thread client =
        new Thread(
            () -> {
              int n = 0;
              while (running.get()) {
                try {
                  Response read = api.get("/api/orgs/" + committee, admin);
                  if (read.status() == 200) {
                    reads.incrementAndGet();
                  } else {
                    failures.add("GET " + read.status() + " " + read.body());
                  }
                  Response write =
                      api.post(
                          "/api/orgs",
                          admin,
                          TestData.org(committee, "滚动重启第" + (++n) + "支部", "BRANCH"));
                  if (write.status() == 201) {
                    written.add(UUID.fromString(write.json().get("id").asString()));
                  } else {
                    failures.add("POST " + write.status() + " " + write.body());
                  }
                  Thread.sleep(200);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                } catch (RuntimeException e) {
                  failures.add("error " + e);
                }
              }
            },
            "rolling-restart-client");
    client.start();
    try {
      Thread.sleep(2_000);
      for (ServiceLauncher instance : instances) {
        long began = System.nanoTime();
        instance.restart();
        System.out.printf(
            "[rolling restart] member-service on port %d restarted in %d ms%n",
            instance.port(), (System.nanoTime() - began) / 1_000_000);
        Thread.sleep(3_000); // the gateway's balancer sees it ready within a second
      }
    } finally {
      running.set(false);
      client.join(30_000);
    }

    System.out.printf(
        "[rolling restart] %d reads, %d writes, %d failed%n",
        reads.get(), written.size(), failures.size());
    assertThat(failures).as("requests that failed during the rolling restart").isEmpty();
    assertThat(written).as("writes went on during the restarts").hasSizeGreaterThan(20);
    Response children = api.get("/api/orgs?parentId=" + committee + "&size=1", admin);
    assertThat(children.status()).isEqualTo(200);
    assertThat(children.json().get("total").asLong())
        .as("every acknowledged write is there, once")
        .isEqualTo(written.size());
  }

  @Test
  void aRetriedWriteWithTheSameIdempotencyKeyIsAnsweredOnceAcrossInstances() {
    assumeTrue(E2ePlatform.replicas() >= 2, "needs replicas");
    UUID committee =
        DataScopeE2EIT.created(
            api.post(
                "/api/orgs",
                admin,
                TestData.org(null, "幂等党委" + UUID.randomUUID(), "PARTY_COMMITTEE")));
    String key = "replica-" + UUID.randomUUID();
    byte[] body =
        Api.JSON
            .writeValueAsString(TestData.org(committee, "幂等支部", "BRANCH"))
            .getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers =
        Map.of(
            "Authorization",
            "Bearer " + admin,
            "Content-Type",
            "application/json",
            "Idempotency-Key",
            key);
    // round robin over two instances: four sends reach both of them
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Response response = api.exchange("POST", "/api/orgs", headers, body);
      assertThat(response.status()).as(response.body()).isEqualTo(201);
      ids.add(response.json().get("id").asString());
    }
    assertThat(ids).as("one org, answered four times").containsOnly(ids.get(0));
    Response children = api.get("/api/orgs?parentId=" + committee, admin);
    assertThat(children.json().get("total").asLong()).isEqualTo(1);
  }
}
