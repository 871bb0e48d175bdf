package cn.dangjian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/**
 * As compose and Kubernetes run the gateway (MANAGEMENT_SERVER_PORT=9090): metrics and probes on
 * the management port, which the Ingress never routes to; the public port no longer serves them.
 */
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortTest extends GatewayIntegrationTest {

  @LocalManagementPort int managementPort;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(int to, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void prometheusAndProbesAnswerOnlyOnTheManagementPort() throws Exception {
    assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");

    HttpResponse<String> publicPort = get(port, "/actuator/prometheus");
    assertThat(publicPort.statusCode()).isIn(401, 404);
    assertThat(publicPort.body()).doesNotContain("jvm_memory_used_bytes");
  }
}
