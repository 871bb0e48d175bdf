package cn.dangjian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ProblemDetailsIT extends StarterIntegrationTest {

  private static final String PROBLEM_JSON = "application/problem+json";

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  private String token() {
    return KEYCLOAK.token().roles("secretary").orgId(UUID.randomUUID()).build();
  }

  private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token()));
  }

  private int notes() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM note", Integer.class);
  }

  @Test
  void validationFailureListsEveryFieldInChineseAndWritesNothing() throws Exception {
    int before = notes();
    call(post("/api/notes")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"title\":\"\",\"pages\":0}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/validation"))
        .andExpect(jsonPath("$.title").value("请求参数校验失败"))
        .andExpect(jsonPath("$.errors", hasSize(2)))
        .andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("不能为空"))
        .andExpect(jsonPath("$.instance").value("/api/notes"));
    assertThat(notes()).isEqualTo(before);
  }

  @Test
  void validationDetailIsEnglishWhenTheClientAsksForEnglish() throws Exception {
    call(post("/api/notes")
            .header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"title\":\"\",\"pages\":3}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Validation failed"))
        .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
  }

  @Test
  void malformedJsonIsABadRequest() throws Exception {
    call(post("/api/notes").contentType(MediaType.APPLICATION_JSON).content("{\"title\": "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/malformed-json"))
        .andExpect(jsonPath("$.detail").value("请求体缺失或不是合法的 JSON"));
  }

  @Test
  void unknownPropertyIsRejectedAndNamed() throws Exception {
    int before = notes();
    call(post("/api/notes")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"title\":\"学习笔记\",\"pages\":3,\"isAdmin\":true}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/unknown-property"))
        .andExpect(jsonPath("$.detail").value(containsString("isAdmin")));
    assertThat(notes()).isEqualTo(before);
  }

  @Test
  void wrongValueTypeNamesTheField() throws Exception {
    call(post("/api/notes")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"title\":\"学习笔记\",\"pages\":\"many\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/type-mismatch"))
        .andExpect(jsonPath("$.field").value("pages"));
  }

  @Test
  void malformedIdInThePathIsABadRequestNotAServerError() throws Exception {
    call(get("/api/notes/not-a-uuid"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/type-mismatch"));
  }

  @Test
  void unknownIdIsNotFoundWithTheServicesOwnMessage() throws Exception {
    UUID id = UUID.randomUUID();
    call(get("/api/notes/" + id))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/not-found"))
        .andExpect(jsonPath("$.detail").value("笔记 " + id + " 不存在"));
  }

  @Test
  void unmappedPathIsNotFoundProblem() throws Exception {
    call(get("/api/nothing-here"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(containsString("/api/nothing-here")));
  }

  @Test
  void unsupportedMethodIs405() throws Exception {
    call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
            "/api/notes/" + UUID.randomUUID()))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/method-not-allowed"));
  }

  @Test
  void oversizedBodyIs413AndNotRead() throws Exception {
    String big = "{\"title\":\"" + "长".repeat(3000) + "\",\"pages\":1}";
    call(post("/api/notes").contentType(MediaType.APPLICATION_JSON).content(big))
        .andExpect(status().is(413))
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/payload-too-large"))
        .andExpect(jsonPath("$.detail").value(containsString("2048")));
  }

  @Test
  void wrongContentTypeIs415() throws Exception {
    call(post("/api/notes").contentType(MediaType.TEXT_PLAIN).content("title=x"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/unsupported-media-type"));
  }

  @Test
  void staleVersionIsAConflictAndTheNewerDataSurvives() throws Exception {
    String created =
        call(post("/api/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"原题\",\"pages\":2}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    call(put("/api/notes/" + id)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"title\":\"甲改\",\"version\":0}"))
        .andExpect(status().isOk());
    call(put("/api/notes/" + id)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"title\":\"乙改\",\"version\":0}"))
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.type").value("https://dangjian.cn/problems/concurrent-modification"));
    call(get("/api/notes/" + id)).andExpect(jsonPath("$.title").value("甲改"));
  }

  @Test
  void aDeadlockIs503RetryAfterOneSecondNotAServerErrorAndNamesNoSql() throws Exception {
    call(post("/api/notes/deadlocked")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"title\":\"x\",\"pages\":1}"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "1"))
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/service-unavailable"))
        .andExpect(jsonPath("$.detail").value("服务暂时不可用，请稍后重试"))
        .andExpect(content().string(not(containsString("INSERT"))))
        .andExpect(content().string(not(containsString("Deadlock"))));
  }

  @Test
  void anUnreachableDatabaseIs503RetryAfterNotAServerErrorAndNamesNoConnection() throws Exception {
    call(post("/api/notes/database-down")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"title\":\"x\",\"pages\":1}"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/service-unavailable"))
        .andExpect(jsonPath("$.detail").value("服务暂时不可用，请稍后重试"))
        .andExpect(content().string(not(containsString("jdbc:mysql"))))
        .andExpect(content().string(not(containsString("EntityManager"))));
  }

  @Test
  void aConnectionKilledBeforeTheCommitIs503AndNothingIsWritten() throws Exception {
    isServiceUnavailableRetryAfterFiveAndWritesNothing("/api/notes/connection-lost-before-commit");
  }

  @Test
  void aConnectionKilledMidTransactionIs503AndNothingIsWritten() throws Exception {
    isServiceUnavailableRetryAfterFiveAndWritesNothing(
        "/api/notes/connection-lost-mid-transaction");
  }

  private void isServiceUnavailableRetryAfterFiveAndWritesNothing(String path) throws Exception {
    int before = notes();
    call(post(path)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"title\":\"断线\",\"pages\":1}"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/service-unavailable"));
    assertThat(notes()).isEqualTo(before);
  }

  @Test
  void unexpectedFailureIs500ProblemWithTraceIdAndNoStackTrace() throws Exception {
    call(post("/api/notes/failing")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"title\":\"x\",\"pages\":1}"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/internal"))
        .andExpect(jsonPath("$.traceId").exists())
        .andExpect(content().string(not(containsString("IllegalStateException"))))
        .andExpect(content().string(not(containsString("at cn.dangjian"))));
  }

  @Test
  void missingTokenIs401ProblemWithBearerChallenge() throws Exception {
    mvc.perform(get("/api/notes/" + UUID.randomUUID()))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")))
        .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("需要有效的访问令牌，请重新登录"));
  }

  @Test
  void expiredForeignWrongIssuerAndWrongAudienceTokensAreAllRefused() throws Exception {
    String[] bad = {
      KEYCLOAK.token().roles("secretary").lifetime(Duration.ofMinutes(-5)).build(),
      KEYCLOAK.token().roles("secretary").signedWithForeignKey().build(),
      KEYCLOAK.token().roles("secretary").issuer("http://evil.example/realms/dangjian").build(),
      KEYCLOAK.token().roles("secretary").audience("another-api").build()
    };
    for (String token : bad) {
      mvc.perform(
              get("/api/notes/" + UUID.randomUUID())
                  .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
          .andExpect(status().isUnauthorized())
          .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/unauthorized"));
    }
  }

  @Test
  void integrationClientReadsButCannotWriteIntoAnyBranch() throws Exception {
    String integration = KEYCLOAK.token().roles("integration").build();
    int before = notes();
    mvc.perform(
            post("/api/notes")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + integration)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"写入任意支部\",\"pages\":1}"))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/forbidden"));
    assertThat(notes()).isEqualTo(before);
    mvc.perform(
            get("/api/notes/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + integration))
        .andExpect(status().isNotFound());
    // a person with a platform role who also holds integration is not limited by it
    String adminAndIntegration = KEYCLOAK.token().roles("platform-admin", "integration").build();
    mvc.perform(
            post("/api/notes")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminAndIntegration)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"组织部\",\"pages\":1}"))
        .andExpect(status().isCreated());
  }

  @Test
  void realmRolesFromKeycloakDecideMethodAccess() throws Exception {
    String member = KEYCLOAK.token().roles("member").build();
    String admin = KEYCLOAK.token().roles("platform-admin").build();
    mvc.perform(post("/api/notes/admin-only").header(HttpHeaders.AUTHORIZATION, "Bearer " + member))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/forbidden"));
    mvc.perform(post("/api/notes/admin-only").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin))
        .andExpect(status().isOk());
  }

  @Test
  void healthProbesAndMetricsAreOpenWithoutAToken() throws Exception {
    mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    mvc.perform(get("/actuator/prometheus"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.openapi").value(containsString("3.1")));
  }
}
