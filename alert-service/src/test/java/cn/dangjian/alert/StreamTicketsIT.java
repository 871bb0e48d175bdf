package cn.dangjian.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.alert.handling.AlertViews;
import cn.dangjian.alert.push.AlertStream;
import cn.dangjian.testsupport.api.ResponseContract;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * The stream as a browser uses it: a single-use ticket instead of the Authorization header, event
 * ids, Last-Event-ID replay, the end at the token's expiry, and events pushed to one user.
 */
class StreamTicketsIT extends ApiTestSupport {

  @Autowired AlertStream streams;

  private JsonNode buyTicket(String token) throws Exception {
    return read(as(token, post("/api/alerts/stream-tickets")).andExpect(status().isCreated()));
  }

  private ResultActions withTicket(String ticket) throws Exception {
    return mvc.perform(get("/api/alerts/stream").param("ticket", ticket))
        .andDo(ResponseContract.servedBy(mvc));
  }

  private static String body(MvcResult stream) {
    try {
      return stream.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String awaitBody(MvcResult stream, String text) {
    return await(() -> body(stream).contains(text) ? Optional.of(body(stream)) : Optional.empty());
  }

  /** The id: line of the event whose data mentions {@code text}. */
  private static long idOfEventWith(String body, String text) {
    Matcher event = Pattern.compile("id:(\\d+)\\nevent:([^\\n]+)\\ndata:([^\\n]*)").matcher(body);
    while (event.find()) {
      if (event.group(3).contains(text)) {
        return Long.parseLong(event.group(1));
      }
    }
    throw new AssertionError("no event with " + text + " in " + body);
  }

  @Test
  void aBrowserOpensTheStreamWithASingleUseTicketAndSeesOnlyItsSubtree() throws Exception {
    JsonNode bought = buyTicket(secretaryOf(branchA));
    String ticket = bought.get("ticket").asString();
    assertThat(ticket).hasSize(43);
    assertThat(bought.get("streamUrl").asString()).isEqualTo("/api/alerts/stream?ticket=" + ticket);
    assertThat(Instant.parse(bought.get("expiresAt").asString()))
        .isBetween(Instant.now(), Instant.now().plusSeconds(31));
    // only its hash is stored
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM stream_ticket WHERE ticket_hash = ?",
                Integer.class,
                (Object) MessageDigest.getInstance("SHA-256").digest(ticket.getBytes())))
        .isEqualTo(1);

    MvcResult mine = withTicket(ticket).andExpect(request().asyncStarted()).andReturn();
    MvcResult other =
        withTicket(buyTicket(secretaryOf(branchB)).get("ticket").asString())
            .andExpect(request().asyncStarted())
            .andReturn();

    // used once: the same ticket again, an unknown one, none at all are 401 problems
    withTicket(ticket)
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("票据")));
    withTicket("made-up").andExpect(status().isUnauthorized());
    mvc.perform(get("/api/alerts/stream")).andExpect(status().isUnauthorized());
    // accepted on the stream route only: elsewhere a ticket is no credential (and stays unused)
    String unused = buyTicket(secretaryOf(branchA)).get("ticket").asString();
    mvc.perform(get("/api/alerts").param("ticket", unused)).andExpect(status().isUnauthorized());
    withTicket(unused).andExpect(request().asyncStarted());

    UUID m = member(branchA);
    arrears(m, branchA, 5, "2026-07", 7500);
    String received = awaitBody(mine, m.toString());
    assertThat(received).contains("event:alert.raised").contains("党员已连续5个月未交纳党费");
    assertThat(idOfEventWith(received, m.toString())).isPositive();
    assertThat(body(other)).doesNotContain(m.toString());
  }

  @Test
  void aTicketIsNeverStoredForIdempotentReplay() throws Exception {
    String key = "k-" + UUID.randomUUID();
    String first =
        read(as(
                    secretaryOf(branchA),
                    post("/api/alerts/stream-tickets").header("Idempotency-Key", key))
                .andExpect(status().isCreated()))
            .get("ticket")
            .asString();
    String retried =
        read(as(
                    secretaryOf(branchA),
                    post("/api/alerts/stream-tickets").header("Idempotency-Key", key))
                .andExpect(status().isCreated()))
            .get("ticket")
            .asString();
    assertThat(retried).isNotEqualTo(first);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM idempotency_key WHERE body LIKE ?",
                Integer.class,
                "%" + first + "%"))
        .isZero();
  }

  @Test
  void aTicketStreamEndsWhenTheTokenThatBoughtItExpires() throws Exception {
    String subject = "sse-" + UUID.randomUUID();
    String shortLived =
        KEYCLOAK
            .token()
            .roles("secretary")
            .orgId(branchA)
            .subject(subject)
            .username("secretary-" + subject)
            .lifetime(Duration.ofSeconds(3))
            .build();
    JsonNode bought = buyTicket(shortLived);
    // a ticket never outlives its token
    assertThat(Instant.parse(bought.get("expiresAt").asString()))
        .isBefore(Instant.now().plusSeconds(4));
    MvcResult stream =
        withTicket(bought.get("ticket").asString()).andExpect(request().asyncStarted()).andReturn();
    assertThat(streams.openStreamsOf(subject)).isEqualTo(1);
    await(() -> streams.openStreamsOf(subject) == 0 ? Optional.of(true) : Optional.empty());
    assertThat(body(stream)).contains("event:token-expired").contains("TOKEN_EXPIRED");
  }

  @Test
  void reconnectingWithLastEventIdReplaysWhatWasMissedWithinTheCallersSubtree() throws Exception {
    String secretary = secretaryOf(branchA);
    MvcResult first =
        as(secretary, get("/api/alerts/stream")).andExpect(request().asyncStarted()).andReturn();
    UUID seen = member(branchA);
    arrears(seen, branchA, 5, "2026-07", 7500);
    long lastId = idOfEventWith(awaitBody(first, seen.toString()), seen.toString());
    first.getRequest().getAsyncContext().complete(); // the browser tab sleeps

    UUID missed = member(branchA);
    arrears(missed, branchA, 4, "2026-07", 6000);
    UUID elsewhere = member(branchB);
    arrears(elsewhere, branchB, 4, "2026-07", 6000);
    awaitAlertOf(missed);
    awaitAlertOf(elsewhere);

    MvcResult header =
        as(secretary, get("/api/alerts/stream").header("Last-Event-ID", Long.toString(lastId)))
            .andExpect(request().asyncStarted())
            .andReturn();
    String replayed = awaitBody(header, missed.toString());
    assertThat(idOfEventWith(replayed, missed.toString())).isGreaterThan(lastId);
    assertThat(replayed).doesNotContain(seen.toString()).doesNotContain(elsewhere.toString());

    // a client that cannot set headers: lastEventId, here with a ticket
    MvcResult query =
        mvc.perform(
                get("/api/alerts/stream")
                    .param("ticket", buyTicket(secretary).get("ticket").asString())
                    .param("lastEventId", Long.toString(lastId)))
            .andExpect(request().asyncStarted())
            .andReturn();
    assertThat(awaitBody(query, missed.toString())).doesNotContain(elsewhere.toString());

    // an id this service never gave (an older client's): told to reload, then live
    MvcResult unknown =
        as(secretary, get("/api/alerts/stream").header("Last-Event-ID", "3f1c0d5e-not-ours"))
            .andExpect(request().asyncStarted())
            .andReturn();
    assertThat(awaitBody(unknown, "UNKNOWN_EVENT_ID")).contains("event:reset");
    header.getRequest().getAsyncContext().complete();
    query.getRequest().getAsyncContext().complete();
    unknown.getRequest().getAsyncContext().complete();
  }

  private void awaitAlertOf(UUID subject) {
    await(
        () -> {
          try {
            return alertsOf(admin, subject).get("total").asInt() > 0
                ? Optional.of(1)
                : Optional.empty();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void aFeaturePushesAnEventToTheStreamsOfOneUserOnly() throws Exception {
    MvcResult mine =
        as(secretaryOf(branchA), get("/api/alerts/stream"))
            .andExpect(request().asyncStarted())
            .andReturn();
    MvcResult other =
        as(secretaryOf(branchB), get("/api/alerts/stream"))
            .andExpect(request().asyncStarted())
            .andReturn();
    UUID job = UUID.randomUUID();
    long id =
        streams.pushToUser(
            "secretary-" + branchA,
            "job",
            new AlertViews.JobProgress(
                job,
                "alert-export",
                "RUNNING",
                5000,
                12000L,
                "rows",
                41,
                "/api/alerts/jobs/" + job));
    String received = awaitBody(mine, job.toString());
    assertThat(received)
        .contains("id:" + id + "\nevent:job\n")
        .contains("\"done\":5000")
        .contains("\"unit\":\"rows\"");
    assertThat(body(other)).doesNotContain(job.toString());
    assertThatThrownBy(() -> streams.pushToUser("secretary-" + branchA, "alert.raised", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    mine.getRequest().getAsyncContext().complete();
    other.getRequest().getAsyncContext().complete();
  }

  @Test
  void aJobsProgressAndEndReachTheStreamOfWhoStartedItOnly() throws Exception {
    UUID member = member(branchA);
    arrears(member, branchA, 3, "2026-08", 4500);
    awaitRow(
        "SELECT COUNT(*) FROM alert WHERE subject_id = UNHEX(REPLACE(?, '-', ''))"
            + " AND rule_id = 'DUES_ARREARS'",
        member);
    MvcResult mine =
        as(secretaryOf(branchA), get("/api/alerts/stream"))
            .andExpect(request().asyncStarted())
            .andReturn();
    MvcResult other =
        as(secretaryOf(branchB), get("/api/alerts/stream"))
            .andExpect(request().asyncStarted())
            .andReturn();

    MvcResult started =
        as(
                secretaryOf(branchA),
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/api/alerts/exports")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content("{\"orgId\":\"" + branchA + "\"}"))
            .andExpect(status().isAccepted())
            .andReturn();
    String job = json.readTree(started.getResponse().getContentAsString()).get("id").asString();

    String received = awaitBody(mine, "\"status\":\"SUCCEEDED\"");
    assertThat(received)
        .contains("event:job\n")
        .contains("\"jobId\":\"" + job + "\"")
        .contains("\"kind\":\"alert-export\"")
        .contains("\"href\":\"/api/alerts/jobs/" + job + "\"");
    assertThat(body(other)).doesNotContain(job);
    mine.getRequest().getAsyncContext().complete();
    other.getRequest().getAsyncContext().complete();
  }
}
