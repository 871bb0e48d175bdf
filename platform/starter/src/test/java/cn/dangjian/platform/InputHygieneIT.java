package cn.dangjian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Input hygiene over real HTTP (Tomcat parses multipart; MockMvc would not): invisible and control
 * characters, numbers posing as strings, absurd dates and boundary-less uploads are 400 problems
 * that name the field and store nothing.
 */
@SpringBootTest(
    classes = cn.dangjian.platform.testapp.StarterTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InputHygieneIT extends StarterIntegrationTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    String token = KEYCLOAK.token().roles("secretary").orgId(UUID.randomUUID()).build();
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode problem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("tools.jackson");
    return json.readTree(response.body());
  }

  private int notes() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM note", Integer.class);
  }

  @Test
  void nameMadeOfZeroWidthCharactersIsRejectedNamingTheField() throws Exception {
    int before = notes();
    JsonNode body =
        problem(
            post(
                "/api/notes", "application/json", "{\"title\":\"\u200b\u200b\u200b\",\"pages\":3}"),
            400);
    assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("title");
    assertThat(body.get("errors").get(0).get("message").asString()).contains("不可见字符");
    assertThat(notes()).isEqualTo(before);
  }

  @Test
  void nulBelAndRightToLeftOverrideInANameAreRejected() throws Exception {
    int before = notes();
    for (String title : new String[] {"第一支部\\u0000", "支部\\u0007", "\\u202e部支一第"}) {
      JsonNode body =
          problem(
              post("/api/notes", "application/json", "{\"title\":\"" + title + "\",\"pages\":3}"),
              400);
      assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("title");
    }
    assertThat(notes()).isEqualTo(before);
  }

  @Test
  void ordinaryChineseTextWithLineBreaksIsStillAccepted() throws Exception {
    assertThat(
            post("/api/notes", "application/json", "{\"title\":\"第一党支部\\n会议\\t纪要 😀\",\"pages\":3}")
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void jsonNumberIsNotCoercedIntoAStringField() throws Exception {
    int before = notes();
    JsonNode body =
        problem(post("/api/notes", "application/json", "{\"title\":12345,\"pages\":3}"), 400);
    assertThat(body.get("field").asString()).isEqualTo("title");
    problem(post("/api/notes", "application/json", "{\"title\":true,\"pages\":3}"), 400);
    assertThat(notes()).isEqualTo(before);
  }

  @Test
  void effectiveMonth9999AndYear2100AreRejectedNamingTheField() throws Exception {
    JsonNode month =
        problem(
            post(
                "/api/notes/dated",
                "application/json",
                "{\"title\":\"x\",\"effectiveMonth\":\"9999-12\"}"),
            400);
    assertThat(month.get("errors").get(0).get("field").asString()).isEqualTo("effectiveMonth");
    assertThat(month.get("errors").get(0).get("message").asString())
        .isEqualTo("日期须在 1900 年至 2099 年之间");
    JsonNode due =
        problem(
            post(
                "/api/notes/dated", "application/json", "{\"title\":\"x\",\"due\":\"2100-01-01\"}"),
            400);
    assertThat(due.get("errors").get(0).get("field").asString()).isEqualTo("due");
    assertThat(
            post(
                    "/api/notes/dated",
                    "application/json",
                    "{\"title\":\"x\",\"due\":\"2027-03-31\",\"effectiveMonth\":\"2027-01\"}")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void multipartUploadWithoutABoundaryIsABadRequestNotAServerError() throws Exception {
    JsonNode body = problem(post("/api/notes/attachments", "multipart/form-data", "file=abc"), 400);
    assertThat(body.get("type").asString()).isEqualTo("https://dangjian.cn/problems/bad-request");
    assertThat(body.get("detail").asString()).contains("boundary");
  }

  @Test
  void dateQueryParametersIn9999Or2100AreRejectedNamingTheParameter() throws Exception {
    String token = KEYCLOAK.token().roles("secretary").orgId(UUID.randomUUID()).build();
    for (String query : new String[] {"asOf=9999-12-31", "asOf=2100-01-01", "month=9999-12"}) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/api/notes/due?" + query))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body = problem(response, 400);
      assertThat(body.get("errors").get(0).get("field").asString())
          .isEqualTo(query.substring(0, query.indexOf('=')));
    }
    HttpResponse<String> fine =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/api/notes/due?asOf=2026-12-31&month=2027-01"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(fine.statusCode()).isEqualTo(200);
  }
}
