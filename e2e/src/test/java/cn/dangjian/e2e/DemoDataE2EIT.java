package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.devstack.DemoData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * devstack's demo data gives a new console something to show: the demo tree with a year of approved
 * meetings in branch one, dues billed and paid, one member of branch two in arrears, and the alerts
 * all that raises. Loading it twice changes nothing.
 */
class DemoDataE2EIT {

  @Test
  void theDemoDataIsAYearOfMeetingsDuesAndTheAlertsTheyRaiseLoadedOnce() {
    new DemoData().load(E2ePlatform.get());
    Api api = E2ePlatform.api();
    String admin = E2ePlatform.token("admin");
    // under the demo root: other suites name their own branches alike
    String town = orgId(api, admin, orgId(api, admin, null, "示范县委"), "城关镇党委");
    String branchA = orgId(api, admin, town, "城关镇第一党支部");
    String branchB = orgId(api, admin, town, "城关镇第二党支部");

    JsonNode meetingsA =
        api.get("/api/org-life/meetings?size=100&status=APPROVED&orgId=" + branchA, admin).json();
    assertThat(meetingsA.path("total").asLong()).isGreaterThanOrEqualTo(16);
    assertThat(
            api.get("/api/org-life/meetings?size=100&orgId=" + branchB, admin)
                .json()
                .path("total")
                .asLong())
        .isEqualTo(2);

    JsonNode arrears = api.get("/api/dues/arrears?orgId=" + branchB, admin).json();
    assertThat(arrears.toString()).contains("consecutiveMonths");
    JsonNode paid = api.get("/api/dues/payments?size=50", admin).json();
    assertThat(paid.path("total").asLong()).isGreaterThanOrEqualTo(5);

    JsonNode alertsB = api.get("/api/alerts?size=100&orgId=" + branchB, admin).json();
    assertThat(alertsB.path("total").asLong()).isPositive();
    assertThat(alertsB.path("items").toString()).contains("DUES_ARREARS");

    new DemoData().load(E2ePlatform.get());
    assertThat(
            api.get("/api/org-life/meetings?size=100&status=APPROVED&orgId=" + branchA, admin)
                .json()
                .path("total")
                .asLong())
        .isEqualTo(meetingsA.path("total").asLong());
  }

  private static String orgId(Api api, String token, String parentId, String name) {
    JsonNode page =
        api.get(
                "/api/orgs?size=50&name="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + (parentId == null ? "" : "&parentId=" + parentId),
                token)
            .json();
    for (JsonNode org : page.path("items")) {
      if (org.path("name").asString().equals(name)
          && (parentId != null || org.path("parentId").isNull())) {
        return org.path("id").asString();
      }
    }
    throw new AssertionError("no demo org " + name);
  }
}
