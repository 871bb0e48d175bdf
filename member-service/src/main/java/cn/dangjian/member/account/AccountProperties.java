package cn.dangjian.member.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keycloak admin access for linking members to users. Off by default: a deployment without a
 * Keycloak admin client answers 503 on account operations instead of failing at start.
 *
 * @param enabled whether account operations talk to Keycloak
 * @param keycloakUrl e.g. http://localhost:8180
 * @param realm the realm, dangjian
 * @param clientId a confidential client whose service account may manage users
 * @param clientSecret its secret (from the environment, never committed for real deployments)
 */
@ConfigurationProperties("dangjian.accounts")
public record AccountProperties(
    boolean enabled, String keycloakUrl, String realm, String clientId, String clientSecret) {

  public AccountProperties {
    realm = realm == null || realm.isBlank() ? "dangjian" : realm;
    clientId = clientId == null || clientId.isBlank() ? "dangjian-member-service" : clientId;
  }
}
