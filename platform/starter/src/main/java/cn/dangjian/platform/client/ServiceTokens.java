package cn.dangjian.platform.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * A service's own access token from Keycloak (client credentials), kept until shortly before it
 * expires: one token request per lifetime instead of one per call. Thread-safe; one instance per
 * client. Errors of the token endpoint propagate as Spring's {@code RestClientException}.
 */
public final class ServiceTokens {

  /** Renewed this long before Keycloak's {@code expires_in} runs out (clock skew, slow calls). */
  static final Duration EARLY = Duration.ofSeconds(30);

  private final RestClient http;
  private final String tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.EPOCH;

  /**
   * @param keycloakUrl e.g. http://localhost:8180
   * @param realm e.g. dangjian
   */
  public ServiceTokens(
      RestClient http,
      String keycloakUrl,
      String realm,
      String clientId,
      String clientSecret,
      Clock clock) {
    this.http = http;
    this.tokenUrl = keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token";
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.clock = clock;
  }

  /** {@code Bearer <token>}, fetched anew only when the cached one is about to expire. */
  public synchronized String bearer() {
    if (token == null || !clock.instant().isBefore(renewAt)) {
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("grant_type", "client_credentials");
      form.add("client_id", clientId);
      form.add("client_secret", clientSecret);
      JsonNode response =
          http.post()
              .uri(tokenUrl)
              .contentType(MediaType.APPLICATION_FORM_URLENCODED)
              .body(form)
              .retrieve()
              .body(JsonNode.class);
      if (response == null || !response.hasNonNull("access_token")) {
        throw new IllegalStateException("token endpoint answered without access_token");
      }
      token = response.get("access_token").asString();
      long lifetime = response.path("expires_in").asLong(60);
      renewAt = clock.instant().plusSeconds(lifetime).minus(EARLY);
    }
    return "Bearer " + token;
  }

  /** Forgets the token (the resource server refused it): the next call fetches a new one. */
  public synchronized void invalidate() {
    token = null;
  }
}
