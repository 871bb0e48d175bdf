package cn.dangjian.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tiny Keycloak client on {@link HttpClient} and Jackson (no Keycloak library): admin token, user
 * lookup, setting the {@code org_id}/{@code member_id} attributes, user and client tokens, and JWT
 * claim decoding. Meant for devstack, demo data and tests — LOCAL USE ONLY.
 */
public final class KeycloakAdmin {

  public static final String REALM = KeycloakLauncher.REALM;
  public static final String CLI_CLIENT = "dangjian-cli";
  public static final String INTEGRATION_CLIENT = "dangjian-integration";
  public static final String INTEGRATION_SECRET = "integration-secret-local-only";
  public static final String ORG_ID = "org_id";
  public static final String MEMBER_ID = "member_id";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String baseUrl;
  private final String adminUsername;
  private final String adminPassword;
  private final HttpClient http;

  private String cachedAdminToken;
  private Instant cachedAdminTokenExpiry = Instant.EPOCH;

  /** Thrown for any non-2xx answer; carries the HTTP status and body. */
  public static final class KeycloakException extends RuntimeException {
    private final int status;
    private final String body;

    KeycloakException(String message, int status, String body) {
      super(message + " (HTTP " + status + "): " + body);
      this.status = status;
      this.body = body;
    }

    public int status() {
      return status;
    }

    public String body() {
      return body;
    }
  }

  /** Uses the bootstrap admin admin/admin that devstack gives Keycloak. */
  public KeycloakAdmin(String baseUrl) {
    this(
        baseUrl,
        KeycloakLauncher.BOOTSTRAP_ADMIN_USERNAME,
        KeycloakLauncher.BOOTSTRAP_ADMIN_PASSWORD);
  }

  /**
   * @param baseUrl e.g. {@code http://127.0.0.1:8180} (no trailing slash needed)
   */
  public KeycloakAdmin(String baseUrl, String adminUsername, String adminPassword) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.adminUsername = adminUsername;
    this.adminPassword = adminPassword;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /**
   * An admin access token from the master realm (client {@code admin-cli}); cached until near
   * expiry.
   */
  public synchronized String adminToken() {
    if (cachedAdminToken != null && Instant.now().isBefore(cachedAdminTokenExpiry)) {
      return cachedAdminToken;
    }
    JsonNode response =
        tokenRequest(
            "master",
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "admin-cli",
                "username",
                adminUsername,
                "password",
                adminPassword),
            "admin token");
    cachedAdminToken = response.path("access_token").asString();
    long expiresIn = response.path("expires_in").asLong(60);
    cachedAdminTokenExpiry = Instant.now().plusSeconds(Math.max(5, expiresIn - 10));
    return cachedAdminToken;
  }

  /** The user representation of {@code username} in realm dangjian (exact match), if it exists. */
  public Optional<JsonNode> findUser(String username) {
    String path = "/admin/realms/" + REALM + "/users?exact=true&username=" + encode(username);
    JsonNode users = adminSend(HttpRequest.newBuilder(uri(path)).GET(), "find user " + username);
    for (JsonNode user : users) {
      if (username.equalsIgnoreCase(user.path("username").asString())) {
        return Optional.of(user);
      }
    }
    return Optional.empty();
  }

  public JsonNode requireUser(String username) {
    return findUser(username)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No user '" + username + "' in realm " + REALM + " at " + baseUrl));
  }

  /**
   * Sets the user's {@code org_id} and {@code member_id} attributes (a null or blank value removes
   * the attribute). They end up in access tokens as the claims {@code org_id} / {@code member_id}.
   */
  public void setOrgAndMember(String username, String orgId, String memberId) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(ORG_ID, orgId);
    attributes.put(MEMBER_ID, memberId);
    setUserAttributes(username, attributes);
  }

  /**
   * Sets single-valued user attributes, keeping the others (null or blank removes one). Keycloak
   * replaces all attributes on update, so the full user representation is read, changed and PUT
   * back; the result is read again and a dropped attribute (one the realm's user profile does not
   * declare) is reported instead of silently ignored.
   */
  public void setUserAttributes(String username, Map<String, String> attributes) {
    JsonNode found = requireUser(username);
    String id = found.path("id").asString();
    String userPath = "/admin/realms/" + REALM + "/users/" + encode(id);
    ObjectNode user =
        (ObjectNode) adminSend(HttpRequest.newBuilder(uri(userPath)).GET(), "read user");
    ObjectNode attrs =
        user.get("attributes") instanceof ObjectNode existing
            ? existing
            : user.putObject("attributes");
    attributes.forEach(
        (name, value) -> {
          if (value == null || value.isBlank()) {
            attrs.remove(name);
          } else {
            ArrayNode values = attrs.putArray(name);
            values.add(value);
          }
        });
    adminSend(
        HttpRequest.newBuilder(uri(userPath))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))),
        "update user " + username);
    JsonNode after = adminSend(HttpRequest.newBuilder(uri(userPath)).GET(), "re-read user");
    attributes.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            String stored = after.path("attributes").path(name).path(0).asString("");
            if (!value.equals(stored)) {
              throw new IllegalStateException(
                  "Keycloak did not store attribute "
                      + name
                      + "="
                      + value
                      + " for "
                      + username
                      + ": declare it in the realm's user profile"
                      + " (deploy/keycloak/demo/dangjian-realm.json, component"
                      + " declarative-user-profile)");
            }
          }
        });
  }

  /**
   * Adds clients, users (with their realm roles and credentials) and the like to realm {@value
   * #REALM} with Keycloak's partial import, skipping what already exists: how the e2e run against a
   * compose stack gives the production realm its test client and users.
   *
   * @param resources a partial realm representation, e.g. {@code {"clients":[…],"users":[…]}}
   * @return Keycloak's answer (counts of added and skipped resources)
   */
  public JsonNode partialImport(ObjectNode resources) {
    ObjectNode body = resources.deepCopy();
    body.put("ifResourceExists", "SKIP");
    return adminSend(
        HttpRequest.newBuilder(uri("/admin/realms/" + REALM + "/partialImport"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
        "partial import into " + REALM);
  }

  /** Sets a user's password (e.g. to replace a temporary one in tests), not temporary. */
  public void setPassword(String username, String password) {
    String id = requireUser(username).path("id").asString();
    adminSend(
        HttpRequest.newBuilder(
                uri("/admin/realms/" + REALM + "/users/" + encode(id) + "/reset-password"))
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(
                        Map.of("type", "password", "value", password, "temporary", false)))),
        "reset password of " + username);
  }

  /** A user's access token by the password grant (client {@code dangjian-cli}, local/e2e only). */
  public String userAccessToken(String username, String password) {
    return passwordGrant(username, password).path("access_token").asString();
  }

  /** The full token response of a password grant (client {@code dangjian-cli}). */
  public JsonNode passwordGrant(String username, String password) {
    return tokenRequest(
        REALM,
        Map.of(
            "grant_type", "password",
            "client_id", CLI_CLIENT,
            "username", username,
            "password", password,
            "scope", "openid"),
        "password grant for " + username);
  }

  /** A client-credentials access token for {@code dangjian-integration}. */
  public String clientCredentialsToken() {
    return clientCredentialsToken(INTEGRATION_CLIENT, INTEGRATION_SECRET);
  }

  public String clientCredentialsToken(String clientId, String clientSecret) {
    return tokenRequest(
            REALM,
            Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", clientSecret),
            "client credentials for " + clientId)
        .path("access_token")
        .asString();
  }

  /** The claims of a JWT, decoded WITHOUT checking the signature (for tests and printing). */
  public static JsonNode decodeClaims(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      throw new IllegalArgumentException("Not a JWT");
    }
    byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
    return JSON.readTree(new String(payload, StandardCharsets.UTF_8));
  }

  // --- HTTP -------------------------------------------------------------------------------

  private JsonNode tokenRequest(String realm, Map<String, String> form, String what) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/realms/" + realm + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)));
    return send(request, what);
  }

  private JsonNode adminSend(HttpRequest.Builder request, String what) {
    return send(request.header("Authorization", "Bearer " + adminToken()), what);
  }

  private JsonNode send(HttpRequest.Builder request, String what) {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              request.timeout(TIMEOUT).header("Accept", "application/json").build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new KeycloakException(
          "Keycloak at " + baseUrl + " unreachable: " + what, 0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + what, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new KeycloakException(
          "Keycloak refused: " + what, response.statusCode(), response.body());
    }
    String body = response.body();
    return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private static String formEncode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
