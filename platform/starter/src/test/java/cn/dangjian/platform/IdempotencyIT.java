package cn.dangjian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A retried create with the same Idempotency-Key creates once and answers the same. */
class IdempotencyIT extends StarterIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  private final String token =
      KEYCLOAK.token().roles("secretary").username("retrying-client").build();

  private ResultActions create(String key, String body) throws Exception {
    return mvc.perform(
        post("/api/notes")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private int notesTitled(String title) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM note WHERE title = ?", Integer.class, title);
  }

  @Test
  void retryWithTheSameKeyCreatesOnceAndReplaysTheFirstAnswer() throws Exception {
    String key = UUID.randomUUID().toString();
    String first =
        create(key, "{\"title\":\"幂等\",\"pages\":2}")
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    create(key, "{\"title\":\"幂等\",\"pages\":2}")
        .andExpect(status().isCreated())
        .andExpect(header().string("Idempotency-Replayed", "true"))
        .andExpect(
            result -> assertThat(result.getResponse().getContentAsString()).isEqualTo(first));
    assertThat(notesTitled("幂等")).isEqualTo(1);
  }

  @Test
  void sameKeyForADifferentRequestIsRefused() throws Exception {
    String key = UUID.randomUUID().toString();
    create(key, "{\"title\":\"甲\",\"pages\":2}").andExpect(status().isCreated());
    create(key, "{\"title\":\"乙\",\"pages\":2}")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.detail").value("该 Idempotency-Key 已用于另一个不同的请求"));
    assertThat(notesTitled("乙")).isZero();
  }

  @Test
  void failedFirstAttemptCanBeCorrectedUnderTheSameKey() throws Exception {
    String key = UUID.randomUUID().toString();
    create(key, "{\"title\":\"\",\"pages\":2}").andExpect(status().isBadRequest());
    create(key, "{\"title\":\"更正后\",\"pages\":2}").andExpect(status().isCreated());
    assertThat(notesTitled("更正后")).isEqualTo(1);
  }

  @Test
  void aKeyOlderThanTheRetentionIsFreeAgainAndCreatesAnew() throws Exception {
    String key = UUID.randomUUID().toString();
    create(key, "{\"title\":\"去年\",\"pages\":2}").andExpect(status().isCreated());
    jdbc.update(
        "UPDATE idempotency_key SET created_at = ? WHERE idem_key = ?",
        java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofHours(25))),
        key);
    create(key, "{\"title\":\"今年\",\"pages\":2}")
        .andExpect(status().isCreated())
        .andExpect(header().doesNotExist("Idempotency-Replayed"));
    assertThat(notesTitled("今年")).isEqualTo(1);
  }
}
