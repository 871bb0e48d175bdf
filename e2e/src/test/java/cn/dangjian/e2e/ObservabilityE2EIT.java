package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.devstack.ServiceLauncher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The metrics the dashboards and alert rules read (deploy/observability/exported-metrics.txt) are
 * really exported: every listed metric appears in the /actuator/prometheus of each service the list
 * names, on the running platform.
 */
class ObservabilityE2EIT {

  @Test
  void everyMetricTheDashboardsReadIsExportedByTheServicesThatShouldExportIt() throws Exception {
    Api api = E2ePlatform.api();
    String admin = E2ePlatform.token("admin");
    // traffic through the gateway, so request timers and breaker calls exist
    for (String path :
        List.of("/api/orgs?size=1", "/api/alerts/rules", "/api/org-life/meetings?size=1")) {
      api.get(path, admin);
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Map<String, Set<String>> exported = new HashMap<>();
    for (ServiceLauncher service : E2ePlatform.get().services()) {
      Set<String> names = new HashSet<>();
      for (int scrape = 0;
          scrape < 2;
          scrape++) { // the first scrape's own request shows in the second
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/prometheus"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(service.module()).isEqualTo(200);
        for (String line : response.body().split("\n")) {
          if (!line.isBlank() && !line.startsWith("#")) {
            names.add(line.split("[{ ]")[0]);
          }
        }
      }
      // with replicas, what any instance of the module exports
      exported.computeIfAbsent(service.module(), module -> new HashSet<>()).addAll(names);
    }
    Path list = Path.of("../deploy/observability/exported-metrics.txt");
    List<String> missing = new ArrayList<>();
    for (String line : Files.readAllLines(list)) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length < 2 || parts[0].startsWith("#")) {
        continue;
      }
      for (int i = 1; i < parts.length; i++) {
        Set<String> names = exported.get(parts[i]);
        if (names != null && !names.contains(parts[0])) {
          missing.add(parts[i] + " does not export " + parts[0]);
        }
      }
    }
    assertThat(missing).isEmpty();
    assertThat(exported.keySet()).contains("gateway", "member-service", "alert-service");
  }
}
