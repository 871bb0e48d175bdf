package cn.dangjian.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.TestDatabase;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Shared setup for the gateway's HTTP tests: one Spring context (every subclass inherits the same
 * configuration, so the context cache starts it once), one fake Keycloak, and one WireMock that
 * stands in for member-service (and, on other paths, org-life-service and the others). dues-service
 * points at a port nobody listens on.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "resilience4j.timelimiter.instances.member-service.timeout-duration=700ms",
      "resilience4j.timelimiter.instances.alert-service.timeout-duration=700ms",
      "resilience4j.circuitbreaker.instances.org-life-service.sliding-window-size=4",
      "resilience4j.circuitbreaker.instances.org-life-service.minimum-number-of-calls=4",
      "resilience4j.circuitbreaker.instances.org-life-service.wait-duration-in-open-state=1s",
      "resilience4j.circuitbreaker.instances.org-life-service.permitted-number-of-calls-in-half-open-state=1",
      "dangjian.gateway.max-body-size=16KB",
      "dangjian.gateway.rate-limit.requests-per-second=1",
      "dangjian.gateway.rate-limit.burst=10",
      // every test calls from 127.0.0.1; AnonymousRateLimitTest has its own, tight budget
      "dangjian.gateway.rate-limit.anonymous-requests-per-second=1000",
      "dangjian.gateway.rate-limit.anonymous-burst=1000",
    })
public abstract class GatewayIntegrationTest {

  protected static final FakeKeycloak KEYCLOAK = startKeycloak();
  protected static final WireMockServer MEMBER_SERVICE = startWireMock();
  protected static final int CLOSED_PORT = unusedPort();

  /** The shared rate-limit buckets live here (the real server, a schema of the tests' own). */
  private static final String DATABASE = TestDatabase.fresh("gateway_it");

  @LocalServerPort protected int port;

  @Autowired private CircuitBreakerRegistry circuitBreakers;

  protected WebTestClient client;

  @DynamicPropertySource
  static void wireUpstreams(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", KEYCLOAK::issuer);
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", KEYCLOAK::jwkSetUri);
    registry.add("spring.datasource.url", () -> DATABASE);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", TestDatabase::password);
    registry.add("dangjian.services.member-service.uri", MEMBER_SERVICE::baseUrl);
    registry.add("dangjian.services.dues-service.uri", () -> "http://127.0.0.1:" + CLOSED_PORT);
    registry.add("dangjian.services.org-life-service.uri", MEMBER_SERVICE::baseUrl);
    registry.add("dangjian.services.assessment-service.uri", MEMBER_SERVICE::baseUrl);
    registry.add("dangjian.services.alert-service.uri", MEMBER_SERVICE::baseUrl);
  }

  @BeforeEach
  void resetUpstreamsAndBreakers() {
    MEMBER_SERVICE.resetAll();
    // Failure tests must not leave a breaker open for the next test.
    circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    client =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(20))
            .build();
  }

  protected CircuitBreaker circuitBreaker(String name) {
    return circuitBreakers.circuitBreaker(name);
  }

  /** A valid token for a branch secretary; each call mints a new subject. */
  protected static String secretaryToken() {
    return KEYCLOAK.token().roles("secretary").build();
  }

  protected static String bearer(String token) {
    return "Bearer " + token;
  }

  private static FakeKeycloak startKeycloak() {
    FakeKeycloak keycloak = FakeKeycloak.start();
    Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close));
    return keycloak;
  }

  private static WireMockServer startWireMock() {
    WireMockServer server =
        new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }

  private static int unusedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
