package cn.dangjian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.platform.testapp.StarterTestApplication;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A replica told to stop (SIGTERM) first reports "not ready" while it keeps serving for {@code
 * dangjian.shutdown.drain-delay}, so a load balancer polling readiness takes it out before it stops
 * accepting; only then does the web server drain and close (issue 25, graceful everything).
 */
class GracefulShutdownIT {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void aStoppingReplicaRefusesTrafficOnReadinessButKeepsServingThroughItsDrainDelay()
      throws Exception {
    Map<String, String> properties = new HashMap<>();
    properties.put("server.port", "0");
    properties.put("spring.datasource.url", StarterIntegrationTest.DB_URL);
    properties.put("spring.datasource.username", cn.dangjian.testsupport.TestDatabase.user());
    properties.put("spring.datasource.password", cn.dangjian.testsupport.TestDatabase.password());
    properties.put(
        "spring.kafka.bootstrap-servers", StarterIntegrationTest.KAFKA.bootstrapServers());
    properties.putAll(StarterIntegrationTest.KEYCLOAK.resourceServerProperties());
    properties.put("dangjian.shutdown.drain-delay", "3s");
    // as command-line arguments: they win over the platform's defaults, as in a real start
    ConfigurableApplicationContext replica =
        new SpringApplicationBuilder(StarterTestApplication.class)
            .run(
                properties.entrySet().stream()
                    .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                    .toArray(String[]::new));
    int port = Integer.parseInt(replica.getEnvironment().getProperty("local.server.port"));
    String token = StarterIntegrationTest.KEYCLOAK.token().build();
    assertThat(get(port, "/actuator/health/readiness", null)).isEqualTo(200);

    long closing = System.nanoTime();
    CompletableFuture<Void> closed = CompletableFuture.runAsync(replica::close);
    long notReadyAfter = -1;
    while (System.nanoTime() - closing < Duration.ofSeconds(2).toNanos()) {
      if (get(port, "/actuator/health/readiness", null) == 503) {
        notReadyAfter = Duration.ofNanos(System.nanoTime() - closing).toMillis();
        break;
      }
      Thread.sleep(50);
    }
    assertThat(notReadyAfter).as("readiness turns 503 at once").isBetween(0L, 1_000L);
    assertThat(get(port, "/api/notes/due?month=2026-05", token))
        .as("still serving during the drain delay")
        .isEqualTo(200);
    assertThat(closed).as("stopping waits for the drain delay").isNotDone();

    closed.get();
    assertThat(Duration.ofNanos(System.nanoTime() - closing))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThatThrownBy(() -> get(port, "/actuator/health/liveness", null))
        .as("closed afterwards")
        .isInstanceOf(ConnectException.class);
  }

  private int get(int port, String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
