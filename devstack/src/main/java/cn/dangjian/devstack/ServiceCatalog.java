package cn.dangjian.devstack;

import static cn.dangjian.devstack.DevstackConfig.ALERT_SERVICE;
import static cn.dangjian.devstack.DevstackConfig.ASSESSMENT_SERVICE;
import static cn.dangjian.devstack.DevstackConfig.DUES_SERVICE;
import static cn.dangjian.devstack.DevstackConfig.GATEWAY;
import static cn.dangjian.devstack.DevstackConfig.MEMBER_SERVICE;
import static cn.dangjian.devstack.DevstackConfig.ORG_LIFE_SERVICE;

import java.util.List;
import java.util.Map;

/**
 * The services devstack starts, in start order (the gateway last). A module is started only if its
 * jar has been built; adding a service is one line here (plus its port in {@link
 * DevstackConfig#DEFAULT_SERVICE_PORTS}).
 */
public final class ServiceCatalog {

  public static final List<String> BACKENDS =
      List.of(MEMBER_SERVICE, DUES_SERVICE, ORG_LIFE_SERVICE, ASSESSMENT_SERVICE, ALERT_SERVICE);

  private static final List<ServiceDefinition> ALL =
      List.of(
          ServiceDefinition.backend(MEMBER_SERVICE, "member_db")
              .withProperties(
                  Map.of(
                      "dangjian.privacy.encryption-key", localOnlyKey("privacy.encryption-key"),
                      "dangjian.privacy.hash-key", localOnlyKey("privacy.hash-key")))
              // member-service creates and links members' Keycloak users (local-only secret)
              .withEndpointProperties(
                  endpoints ->
                      Map.of(
                          "dangjian.accounts.enabled", "true",
                          "dangjian.accounts.keycloak-url",
                              endpoints.issuerUri().replace("/realms/dangjian", ""),
                          "dangjian.accounts.client-secret", "member-service-secret-local-only")),
          // LOCAL ONLY: the sandbox provider completes payments without money (off everywhere else)
          ServiceDefinition.backend(DUES_SERVICE, "dues_db")
              .withProperties(Map.of("dangjian.dues.sandbox.enabled", "true")),
          ServiceDefinition.backend(ORG_LIFE_SERVICE, "orglife_db"),
          ServiceDefinition.backend(ASSESSMENT_SERVICE, "assessment_db"),
          // LOCAL ONLY: webhook receivers on this machine over plain HTTP (elsewhere: public HTTPS)
          ServiceDefinition.backend(ALERT_SERVICE, "alert_db")
              .withProperties(
                  Map.of(
                      "dangjian.alerts.webhooks.allow-insecure-http", "true",
                      "dangjian.alerts.webhooks.allowed-addresses", "127.0.0.1,::1"))
              // notification channels read contacts as dangjian-alert-service (local-only secret)
              .withEndpointProperties(
                  endpoints ->
                      Map.of(
                          "dangjian.notifications.contacts.member-service-url",
                              endpoints.serviceUrl(MEMBER_SERVICE),
                          "dangjian.notifications.contacts.keycloak-url",
                              endpoints.issuerUri().replace("/realms/dangjian", ""),
                          "dangjian.notifications.contacts.client-secret",
                              "alert-service-secret-local-only")),
          ServiceDefinition.gateway(GATEWAY, BACKENDS));

  private ServiceCatalog() {}

  /**
   * A random 256-bit key (Base64) for local use, generated on first use and kept outside the repo
   * in {@code ~/.config/dangjian/devstack-keys.properties} (owner-only), so data encrypted in a
   * local database by one devstack run can be read by the next one.
   */
  static String localOnlyKey(String purpose) {
    return LocalKeys.get(purpose);
  }

  public static List<ServiceDefinition> all() {
    return ALL;
  }
}
