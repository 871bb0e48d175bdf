package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.e2e.Api.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Bad input through the gateway answers 4xx problem+json in Chinese and changes nothing. */
@Order(2)
class BadInputE2EIT {

  private final Api api = E2ePlatform.api();

  private static void assertProblem(Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("type").asString()).startsWith("https://dangjian.cn/problems/");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at cn.");
  }

  @Test
  void malformedJsonIsABadRequestProblem() {
    Response response = api.post("/api/orgs", E2ePlatform.token("admin"), "{\"name\": ");
    assertProblem(response, 400);
    assertThat(response.json().get("detail").asString()).isEqualTo("请求体缺失或不是合法的 JSON");
  }

  @Test
  void oversizedBodyIsRefusedAtTheGateway() {
    String huge = "{\"name\":\"" + "大".repeat(700_000) + "\",\"type\":\"BRANCH\"}";
    assertProblem(api.post("/api/orgs", E2ePlatform.token("admin"), huge), 413);
  }

  @Test
  void unknownPropertyIsRejected() {
    Response response =
        api.post(
            "/api/orgs",
            E2ePlatform.token("admin"),
            "{\"name\":\"x\",\"type\":\"PARTY_COMMITTEE\",\"admin\":true}");
    assertProblem(response, 400);
    assertThat(response.json().get("type").asString()).endsWith("/unknown-property");
  }

  @Test
  void missingTokenIsUnauthorizedProblem() {
    assertProblem(api.get("/api/members", null), 401);
  }

  @Test
  void malformedIdIsABadRequestNotAServerError() {
    assertProblem(api.get("/api/members/not-a-uuid", E2ePlatform.token("admin")), 400);
  }
}
