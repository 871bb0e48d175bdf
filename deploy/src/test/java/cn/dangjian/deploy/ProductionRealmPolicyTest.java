package cn.dangjian.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What a pilot's Keycloak is given: the production realm (no users, no password grant, no literal
 * secret, MFA for administrators, permanent lockout, rotating refresh tokens, events on), and never
 * the demo realm with its shared password. The real Keycloak proves the file in devstack's
 * ProductionRealmIT; this test keeps anyone from weakening it or wiring the demo realm back in.
 */
class ProductionRealmPolicyTest {

  private final Path root = Repo.root();

  @SuppressWarnings("unchecked")
  private Map<String, Object> realm() throws Exception {
    // JSON is YAML: no second parser needed
    return new Yaml(new LoaderOptions())
        .load(Files.readString(root.resolve("deploy/keycloak/production/dangjian-realm.json")));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> clients() throws Exception {
    return (List<Map<String, Object>>) realm().get("clients");
  }

  @Test
  void productionRealmContainsNoUser() throws Exception {
    Object users = realm().get("users");
    assertThat(users == null || ((List<?>) users).isEmpty()).as("users in the realm file").isTrue();
  }

  @Test
  void productionRealmAllowsNoPasswordGrantAndHasNoDemoCliClient() throws Exception {
    for (Map<String, Object> client : clients()) {
      assertThat(client.get("directAccessGrantsEnabled"))
          .as(client.get("clientId") + " directAccessGrantsEnabled")
          .isEqualTo(false);
      assertThat(client.get("clientId")).isNotEqualTo("dangjian-cli");
    }
  }

  @Test
  void productionRealmHoldsNoLiteralSecret() throws Exception {
    for (Map<String, Object> client : clients()) {
      Object secret = client.get("secret");
      if (secret != null) {
        assertThat(secret.toString())
            .as(client.get("clientId") + " secret must come from the environment")
            .matches("\\$\\{[A-Z0-9_]+}");
      }
    }
    assertThat(Files.readString(root.resolve("deploy/keycloak/production/dangjian-realm.json")))
        .doesNotContain("integration-secret-local-only")
        .doesNotContain("Dangjian@2026");
  }

  @Test
  @SuppressWarnings("unchecked")
  void productionRealmRequiresOtpForPlatformAdminsAndLocksAccountsForGood() throws Exception {
    Map<String, Object> realm = realm();
    assertThat(realm.get("permanentLockout")).isEqualTo(true);
    assertThat(realm.get("bruteForceProtected")).isEqualTo(true);
    assertThat(realm.get("revokeRefreshToken")).isEqualTo(true);
    assertThat(realm.get("eventsEnabled")).isEqualTo(true);
    assertThat(realm.get("adminEventsEnabled")).isEqualTo(true);
    String browserFlow = (String) realm.get("browserFlow");
    List<Map<String, Object>> flows = (List<Map<String, Object>>) realm.get("authenticationFlows");
    List<Map<String, Object>> configs =
        (List<Map<String, Object>>) realm.get("authenticatorConfig");
    // walk the browser flow down to its executions
    List<Map<String, Object>> executions = new ArrayList<>();
    collect(browserFlow, flows, executions);
    boolean adminOtp =
        flows.stream()
            .anyMatch(
                flow -> {
                  List<Map<String, Object>> steps =
                      (List<Map<String, Object>>) flow.get("authenticationExecutions");
                  boolean roleIsAdmin =
                      steps.stream()
                          .anyMatch(
                              e ->
                                  "conditional-user-role".equals(e.get("authenticator"))
                                      && configs.stream()
                                          .anyMatch(
                                              c ->
                                                  c.get("alias")
                                                          .equals(e.get("authenticatorConfig"))
                                                      && "platform-admin"
                                                          .equals(
                                                              ((Map<String, Object>)
                                                                      c.get("config"))
                                                                  .get("condUserRole"))
                                                      && "false"
                                                          .equals(
                                                              ((Map<String, Object>)
                                                                      c.get("config"))
                                                                  .get("negate"))));
                  boolean otpRequired =
                      steps.stream()
                          .anyMatch(
                              e ->
                                  "auth-otp-form".equals(e.get("authenticator"))
                                      && "REQUIRED".equals(e.get("requirement")));
                  return roleIsAdmin && otpRequired && executions.containsAll(steps);
                });
    assertThat(adminOtp).as("the browser flow requires OTP for platform-admin").isTrue();
  }

  @SuppressWarnings("unchecked")
  private static void collect(
      String alias, List<Map<String, Object>> flows, List<Map<String, Object>> into) {
    for (Map<String, Object> flow : flows) {
      if (alias.equals(flow.get("alias"))) {
        for (Map<String, Object> step :
            (List<Map<String, Object>>) flow.get("authenticationExecutions")) {
          into.add(step);
          if (step.get("flowAlias") != null) {
            collect((String) step.get("flowAlias"), flows, into);
          }
        }
      }
    }
  }

  @Test
  void composeAndKubernetesNeverImportTheDemoRealm() throws Exception {
    String compose = Files.readString(root.resolve("docker-compose.yml"));
    assertThat(compose).doesNotContain("deploy/keycloak/demo").doesNotContain("./deploy/keycloak:");
    assertThat(compose)
        .contains(
            "./deploy/keycloak/production/dangjian-realm.json:/opt/keycloak/data/import/dangjian-realm.json");
    for (String overlay : List.of("k8s/base", "k8s/overlays/dev", "k8s/overlays/prod")) {
      String rendered = Manifests.render(root.resolve(overlay));
      assertThat(rendered)
          .as(overlay)
          .doesNotContain("Dangjian@2026")
          .doesNotContain("dangjian-cli");
      assertThat(rendered).as(overlay).contains("name: dangjian-keycloak-bootstrap");
    }
  }

  @Test
  void sandboxPaymentsAreOffInComposeAndEveryOverlay() throws Exception {
    assertThat(Files.readString(root.resolve("docker-compose.yml")))
        .contains("DANGJIAN_DUES_SANDBOX_ENABLED: \"false\"");
    for (String overlay : List.of("k8s/base", "k8s/overlays/dev", "k8s/overlays/prod")) {
      assertThat(Manifests.render(root.resolve(overlay)))
          .as(overlay)
          .contains("DUES_SANDBOX_ENABLED: \"false\"");
    }
  }
}
