package cn.dangjian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * As compose and Kubernetes run a service (MANAGEMENT_SERVER_PORT=9090): probes and metrics answer
 * on the management port without a token, and the API port no longer serves them — so nothing
 * routed to the API port (Ingress, gateway) can reach /actuator.
 */
@SpringBootTest(
    classes = cn.dangjian.platform.testapp.StarterTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.server.port=0")
class ManagementPortIT extends StarterIntegrationTest {

  @LocalServerPort int apiPort;
  @LocalManagementPort int managementPort;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void probesAndMetricsAnswerOnTheManagementPortWithoutAToken() throws Exception {
    assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void theApiPortDoesNotServeMetricsOrProbes() throws Exception {
    assertThat(managementPort).isNotEqualTo(apiPort);
    assertThat(get(apiPort, "/actuator/prometheus").statusCode()).isIn(401, 404);
    assertThat(get(apiPort, "/actuator/prometheus").body()).doesNotContain("jvm_memory_used_bytes");
  }
}
