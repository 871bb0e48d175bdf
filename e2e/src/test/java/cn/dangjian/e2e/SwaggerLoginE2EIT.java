package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.devstack.BrowserSignIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A front-end developer opens the gateway's Swagger UI, presses Authorize and signs in with
 * Keycloak (authorization code + PKCE, client dangjian-web), then tries a call — no curl, no pasted
 * token. Driven here as the browser would: the UI's OAuth settings, the documents' OpenID Connect
 * scheme, the login page, the code exchange from the gateway's origin, and the call.
 */
class SwaggerLoginE2EIT {

  /** The demo realm allows the Swagger UI of a gateway on its default port. */
  static final String ORIGIN = "http://localhost:8080";

  static final String REDIRECT = ORIGIN + "/swagger-ui/oauth2-redirect.html";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void swaggerUiSignsInWithKeycloakByAuthorizationCodeAndPkceAndTheTokenCallsTheApi()
      throws Exception {
    Api api = E2ePlatform.api();

    // the page the gateway serves initialises OAuth with the public web client and PKCE
    Api.Response initializer = api.get("/swagger-ui/swagger-initializer.js", null);
    assertThat(initializer.status()).isEqualTo(200);
    assertThat(initializer.body())
        .contains("initOAuth")
        .containsPattern("\"?clientId\"?\\s*:\\s*\"dangjian-web\"")
        .containsPattern("\"?usePkceWithAuthorizationCodeGrant\"?\\s*:\\s*true");

    // every document offers the Keycloak sign-in; its discovery URL is the running realm's
    JsonNode scheme =
        api.get("/member-service/v3/api-docs", null)
            .json()
            .path("components")
            .path("securitySchemes")
            .path("keycloak");
    assertThat(scheme.path("type").asString()).isEqualTo("openIdConnect");
    JsonNode discovery = getJson(scheme.path("openIdConnectUrl").asString());
    assertThat(discovery.path("issuer").asString()).endsWith("/realms/dangjian");
    String realmUrl = discovery.path("issuer").asString();

    // the login page, as the browser sees it after Authorize
    String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    String next =
        BrowserSignIn.signIn(
            realmUrl,
            "dangjian-web",
            REDIRECT,
            BrowserSignIn.codeChallenge(verifier),
            "admin",
            E2ePlatform.PASSWORD);
    assertThat(next).startsWith(REDIRECT + "?");
    String code = URI.create(next).getQuery().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");

    // Swagger UI exchanges the code from the gateway's origin: Keycloak must allow it (CORS)
    HttpResponse<String> exchanged =
        http.send(
            HttpRequest.newBuilder(URI.create(discovery.path("token_endpoint").asString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", ORIGIN)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        BrowserSignIn.form(
                            Map.of(
                                "grant_type", "authorization_code",
                                "client_id", "dangjian-web",
                                "code", code,
                                "redirect_uri", REDIRECT,
                                "code_verifier", verifier))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
    assertThat(exchanged.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
    String token = Api.JSON.readTree(exchanged.body()).path("access_token").asString();

    Api.Response orgs = api.get("/api/orgs?size=1", token);
    assertThat(orgs.status()).as(orgs.body()).isEqualTo(200);

    // without the verifier the code is worth nothing (PKCE)
    String stolen =
        BrowserSignIn.signIn(
            realmUrl,
            "dangjian-web",
            REDIRECT,
            BrowserSignIn.codeChallenge(verifier),
            "admin",
            E2ePlatform.PASSWORD);
    String stolenCode = URI.create(stolen).getQuery().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(URI.create(discovery.path("token_endpoint").asString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        BrowserSignIn.form(
                            Map.of(
                                "grant_type",
                                "authorization_code",
                                "client_id",
                                "dangjian-web",
                                "code",
                                stolenCode,
                                "redirect_uri",
                                REDIRECT,
                                "code_verifier",
                                "not-the-verifier-" + verifier))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(400);
  }

  private JsonNode getJson(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return Api.JSON.readTree(response.body());
  }
}
