package cn.dangjian.member.account;

import cn.dangjian.platform.client.ServiceTokens;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/** Keycloak's admin REST API, just what linking members to users needs. */
@Component
public class KeycloakUsers {

  private final AccountProperties properties;
  private final RestClient http;
  private final ServiceTokens tokens;

  KeycloakUsers(AccountProperties properties) {
    this.properties = properties;
    SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
    factory.setConnectTimeout(Duration.ofSeconds(3));
    factory.setReadTimeout(Duration.ofSeconds(10));
    this.http = RestClient.builder().requestFactory(factory).build();
    this.tokens =
        new ServiceTokens(
            http,
            properties.keycloakUrl(),
            properties.realm(),
            properties.clientId(),
            properties.clientSecret(),
            // token lifetimes are wall-clock time, not the business clock tests move
            Clock.systemUTC());
  }

  /** A user as member-service sees it: id, username, attributes, realm roles. */
  public record User(String id, String username, Map<String, List<String>> attributes) {}

  public Optional<User> findByUsername(String username) {
    JsonNode users = getJson("/users?exact=true&username={u}", username);
    for (JsonNode user : users) {
      if (username.equalsIgnoreCase(user.get("username").asString())) {
        return Optional.of(toUser(user));
      }
    }
    return Optional.empty();
  }

  /**
   * Creates an enabled user whose initial password is temporary: Keycloak makes the member set a
   * new one at the first sign-in (credential {@code temporary} and required action {@code
   * UPDATE_PASSWORD}).
   */
  public User create(
      String username, String displayName, Map<String, String> attributes, String password) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("enabled", true);
    // The realm's user profile requires both names: a Chinese name is surname + given name.
    body.put("lastName", displayName.substring(0, 1));
    body.put("firstName", displayName.length() > 1 ? displayName.substring(1) : displayName);
    body.put("attributes", multi(attributes));
    body.put(
        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", true)));
    body.put("requiredActions", List.of("UPDATE_PASSWORD"));
    call(
        () ->
            http.post()
                .uri(admin("/users"))
                .header("Authorization", bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity());
    return findByUsername(username)
        .orElseThrow(() -> unavailable(new IllegalStateException("user not found after create")));
  }

  /** Sets our attributes, keeping any others the user has. */
  public void updateAttributes(String userId, Map<String, String> attributes) {
    JsonNode user = getJson("/users/{id}", userId);
    Map<String, List<String>> merged = new LinkedHashMap<>(toUser(user).attributes());
    attributes.forEach(
        (k, v) -> {
          if (v == null) {
            merged.remove(k);
          } else {
            merged.put(k, List.of(v));
          }
        });
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", user.get("username").asString());
    body.put("enabled", user.get("enabled").asBoolean());
    for (String name : new String[] {"firstName", "lastName", "email"}) {
      if (user.has(name)) {
        body.put(name, user.get(name).asString());
      }
    }
    body.put("attributes", merged);
    call(
        () ->
            http.put()
                .uri(admin("/users/{id}"), userId)
                .header("Authorization", bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity());
  }

  /** The names of the user's realm roles (direct mappings), e.g. member, secretary. */
  public java.util.Set<String> realmRoles(String userId) {
    JsonNode current = getJson("/users/{id}/role-mappings/realm", userId);
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    for (JsonNode mapped : current) {
      names.add(mapped.get("name").asString());
    }
    return names;
  }

  /** Grants {@code role} and removes the other roles member-service manages. */
  public void setRole(String userId, AccountRole role) {
    List<JsonNode> remove = new ArrayList<>();
    JsonNode current = getJson("/users/{id}/role-mappings/realm", userId);
    boolean has = false;
    for (JsonNode mapped : current) {
      String name = mapped.get("name").asString();
      for (AccountRole managed : AccountRole.values()) {
        if (managed.realmRole().equals(name)) {
          if (managed == role) {
            has = true;
          } else {
            remove.add(mapped);
          }
        }
      }
    }
    if (!remove.isEmpty()) {
      call(
          () ->
              http.method(org.springframework.http.HttpMethod.DELETE)
                  .uri(admin("/users/{id}/role-mappings/realm"), userId)
                  .header("Authorization", bearer())
                  .contentType(MediaType.APPLICATION_JSON)
                  .body(remove)
                  .retrieve()
                  .toBodilessEntity());
    }
    if (!has) {
      JsonNode representation = getJson("/roles/{role}", role.realmRole());
      call(
          () ->
              http.post()
                  .uri(admin("/users/{id}/role-mappings/realm"), userId)
                  .header("Authorization", bearer())
                  .contentType(MediaType.APPLICATION_JSON)
                  .body(List.of(representation))
                  .retrieve()
                  .toBodilessEntity());
    }
  }

  private String bearer() {
    return call(tokens::bearer);
  }

  private String admin(String path) {
    return properties.keycloakUrl() + "/admin/realms/" + properties.realm() + path;
  }

  private static Map<String, List<String>> multi(Map<String, String> attributes) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    attributes.forEach((k, v) -> result.put(k, List.of(v)));
    return result;
  }

  private static User toUser(JsonNode user) {
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    JsonNode attrs = user.get("attributes");
    if (attrs != null && attrs.isObject()) {
      for (var entry : attrs.properties()) {
        List<String> values = new ArrayList<>();
        entry.getValue().forEach(v -> values.add(v.asString()));
        attributes.put(entry.getKey(), values);
      }
    }
    return new User(user.get("id").asString(), user.get("username").asString(), attributes);
  }

  /** A GET of the admin API, answered as JSON. */
  private JsonNode getJson(String path, Object... variables) {
    return call(
        () ->
            http.get()
                .uri(admin(path), variables)
                .header("Authorization", bearer())
                .retrieve()
                .body(JsonNode.class));
  }

  private <T> T call(java.util.function.Supplier<T> request) {
    if (!properties.enabled()) {
      throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "account.disabled", null, null);
    }
    try {
      return request.get();
    } catch (RestClientException e) {
      throw unavailable(e);
    }
  }

  private static ProblemException unavailable(Exception e) {
    org.slf4j.LoggerFactory.getLogger(KeycloakUsers.class)
        .warn("Keycloak admin API call failed: {}", e.toString());
    return new ProblemException(
        ProblemType.SERVICE_UNAVAILABLE, "account.keycloak-unavailable", null, null);
  }
}
