package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.devstack.ServiceLauncher;
import cn.dangjian.e2e.Api.Response;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * With member-service stopped the gateway answers 503 problem+json within its time limit, and the
 * route recovers once the service is back.
 */
@Order(10)
class OutageE2EIT {

  /** The gateway's per-route time limit (resilience4j.timelimiter default 5 s) plus slack. */
  static final long TIME_LIMIT_MILLIS = 6_000;

  @Test
  void gatewayAnswers503WhileMemberServiceIsDownAndRecoversWhenItIsBack() {
    Api api = E2ePlatform.api();
    String admin = E2ePlatform.token("admin");
    // every instance: with replicas the gateway would otherwise route around the one stopped
    List<ServiceLauncher> memberService = E2ePlatform.get().instances("member-service");
    assertThat(api.get("/api/orgs", admin).status()).isEqualTo(200);

    memberService.forEach(ServiceLauncher::stop);
    try {
      Response down = api.get("/api/orgs", admin);
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.millis()).isLessThan(TIME_LIMIT_MILLIS);
      assertThat(down.header("Content-Type")).startsWith("application/problem+json");
      assertThat(down.json().get("detail").asString()).contains("暂时不可用");
    } finally {
      memberService.forEach(ServiceLauncher::start);
    }

    long deadline = System.currentTimeMillis() + 60_000;
    int status = 0;
    while (System.currentTimeMillis() < deadline) {
      status = api.get("/api/orgs", admin).status();
      if (status == 200) {
        break;
      }
      sleep(1_000);
    }
    assertThat(status).as("route recovered after member-service came back").isEqualTo(200);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
