package cn.dangjian.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in at Keycloak's login page the way a browser does for a public client (authorization code
 * with PKCE): open the authorization URL, post the login form, read where Keycloak sends the
 * browser next. For tests of the realm's browser clients — LOCAL USE ONLY. Keycloak's cookies are
 * Secure, which java.net's cookie handler never sends over http, so they are carried by hand.
 */
public final class BrowserSignIn {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]+)\"");

  private BrowserSignIn() {}

  /** The S256 code challenge of a PKCE verifier. */
  public static String codeChallenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param realmUrl e.g. {@code http://localhost:8180/realms/dangjian}
   * @return where Keycloak sends the browser after the form: the redirect URI with a code, or
   *     {@code "page:" + body} when it shows a page instead (wrong password, required action…)
   */
  public static String signIn(
      String realmUrl,
      String clientId,
      String redirectUri,
      String codeChallenge,
      String username,
      String password)
      throws IOException, InterruptedException {
    Map<String, String> cookies = new LinkedHashMap<>();
    String authorize =
        realmUrl
            + "/protocol/openid-connect/auth?"
            + form(
                Map.of(
                    "client_id",
                    clientId,
                    "redirect_uri",
                    redirectUri,
                    "response_type",
                    "code",
                    "scope",
                    "openid",
                    "code_challenge",
                    codeChallenge,
                    "code_challenge_method",
                    "S256"));
    HttpResponse<String> page = browse(authorize, null, cookies);
    Matcher action = FORM_ACTION.matcher(page.body());
    if (!action.find()) {
      return "page:" + page.body();
    }
    HttpResponse<String> afterLogin =
        browse(
            action.group(1).replace("&amp;", "&"),
            form(Map.of("username", username, "password", password)),
            cookies);
    return afterLogin.statusCode() == 302
        ? afterLogin.headers().firstValue("Location").orElse("")
        : "page:" + afterLogin.body();
  }

  public static String form(Map<String, String> values) {
    List<String> pairs = new ArrayList<>();
    values.forEach(
        (k, v) ->
            pairs.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return String.join("&", pairs);
  }

  private static HttpResponse<String> browse(
      String url, String formBody, Map<String, String> cookies)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (!cookies.isEmpty()) {
      List<String> pairs = new ArrayList<>();
      cookies.forEach((k, v) -> pairs.add(k + "=" + v));
      request.header("Cookie", String.join("; ", pairs));
    }
    if (formBody != null) {
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(formBody));
    }
    HttpResponse<String> response =
        HTTP.send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    for (String cookie : response.headers().allValues("Set-Cookie")) {
      String pair = cookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return response;
  }
}
