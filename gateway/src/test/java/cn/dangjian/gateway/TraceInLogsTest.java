package cn.dangjian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;

/**
 * The gateway does not restore the trace context around every reactive operator
 * (context-propagation "limited"), so the lines it logs per request put the ids in themselves.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceInLogsTest extends GatewayIntegrationTest {

  @Test
  void theFallbackLogLineCarriesTheRequestsTraceId(CapturedOutput output) {
    String traceId =
        client
            .get()
            .uri("/api/dues/bills")
            .header(HttpHeaders.AUTHORIZATION, bearer(secretaryToken()))
            .exchange()
            .expectStatus()
            .isEqualTo(503)
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Trace-Id");

    assertThat(traceId).matches("[0-9a-f]{32}");
    assertThat(output.getOut().lines())
        .filteredOn(line -> line.contains("dues-service unavailable for GET /api/dues/bills"))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains(traceId));
  }
}
