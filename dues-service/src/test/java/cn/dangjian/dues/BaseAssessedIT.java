package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * 年初核定 and re-assessment after a change of pay leave as {@code dues.base-assessed} through the
 * outbox (alert-service's DUES_BASE_NOT_REASSESSED), with the year and month but never the base.
 */
class BaseAssessedIT extends ApiTestSupport {

  /** The envelopes of dues.base-assessed bound for Kafka for one member, oldest first. */
  private List<JsonNode> published(UUID member) {
    return jdbc
        .queryForList(
            "SELECT serialized_event FROM event_publication"
                + " WHERE listener_id LIKE '%EventExternalizer%' AND serialized_event LIKE ?"
                + " AND serialized_event LIKE '%dues.base-assessed%' ORDER BY publication_date",
            String.class, "%" + member + "%")
        .stream()
        .map(json::readTree)
        .toList();
  }

  @Test
  void assessingAndReassessingADuesBaseIsPublishedWithoutTheBase() throws Exception {
    UUID member = fullMember(branchA, "EMPLOYED");
    JsonNode created = profile(member, NOW, "EMPLOYED", 543_210L);

    List<JsonNode> events = published(member);
    assertThat(events).hasSize(1);
    JsonNode payload = events.get(0).get("payload");
    assertThat(payload.get("memberId").asString()).isEqualTo(member.toString());
    assertThat(payload.get("orgId").asString()).isEqualTo(branchA.toString());
    assertThat(payload.get("year").asInt()).isEqualTo(NOW.getYear());
    assertThat(payload.get("effectiveMonth").asString()).isEqualTo(NOW.toString());
    assertThat(payload.get("category").asString()).isEqualTo("EMPLOYED");
    assertThat(events.get(0).get("orgPath").asString()).isEqualTo(feed.pathOf(branchA));

    // pay changed: the same profile re-assessed on a new base
    as(
            admin,
            put("/api/dues/profiles/" + created.get("id").asString())
                .header("If-Match", "\"" + created.get("version").asLong() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(Map.of("category", "EMPLOYED", "baseFen", 612_345L))))
        .andExpect(status().isOk());
    events = published(member);
    assertThat(events).hasSize(2);
    assertThat(events.toString()).doesNotContain("543210").doesNotContain("612345");
  }
}
