package cn.dangjian.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.alert.push.AlertStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/** SSE streams: a bounded number per caller, none outliving the caller's token. */
class StreamLimitsIT extends ApiTestSupport {

  @Autowired AlertStream streams;

  private String tokenOf(String subject, Duration lifetime) {
    return KEYCLOAK
        .token()
        .roles("secretary")
        .orgId(branchA)
        .subject(subject)
        .username("secretary-" + subject)
        .lifetime(lifetime)
        .build();
  }

  @Test
  void oneCallerCannotOpenUnboundedStreamsAndAnEndedStreamFreesItsSlot() throws Exception {
    String subject = "sse-" + UUID.randomUUID();
    List<MvcResult> open = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      // a fresh token each time: the limit is per caller, not per token
      open.add(
          as(tokenOf(subject, Duration.ofMinutes(5)), get("/api/alerts/stream"))
              .andExpect(request().asyncStarted())
              .andReturn());
    }
    assertThat(streams.openStreamsOf(subject)).isEqualTo(3);
    as(tokenOf(subject, Duration.ofMinutes(5)), get("/api/alerts/stream"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"))
        .andExpect(jsonPath("$.status").value(429))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("上限")));
    // another caller is not affected
    as(tokenOf("sse-" + UUID.randomUUID(), Duration.ofMinutes(5)), get("/api/alerts/stream"))
        .andExpect(request().asyncStarted());

    // the client goes away: the slot is given back
    open.get(0).getRequest().getAsyncContext().complete();
    assertThat(streams.openStreamsOf(subject)).isEqualTo(2);
    as(tokenOf(subject, Duration.ofMinutes(5)), get("/api/alerts/stream"))
        .andExpect(request().asyncStarted());
    assertThat(streams.openStreamsOf(subject)).isEqualTo(3);
  }

  @Test
  void aStreamEndsWhenTheCallersTokenExpires() throws Exception {
    String subject = "sse-" + UUID.randomUUID();
    MvcResult result =
        as(tokenOf(subject, Duration.ofSeconds(3)), get("/api/alerts/stream"))
            .andExpect(request().asyncStarted())
            .andReturn();
    assertThat(streams.openStreamsOf(subject)).isEqualTo(1);
    await(() -> streams.openStreamsOf(subject) == 0 ? Optional.of(true) : Optional.empty());
    String body = result.getResponse().getContentAsString();
    assertThat(body).contains("token-expired");
  }

  @Test
  void onShutdownEveryStreamEndsWithARetryHintSoTheClientReconnectsElsewhere() throws Exception {
    String subject = "sse-" + UUID.randomUUID();
    MvcResult result =
        as(tokenOf(subject, Duration.ofMinutes(5)), get("/api/alerts/stream"))
            .andExpect(request().asyncStarted())
            .andReturn();
    assertThat(streams.openStreamsOf(subject)).isEqualTo(1);

    streams.handBackStreams(); // what the instance does when told to stop (ContextClosedEvent)

    assertThat(streams.openStreamsOf(subject)).as("slot released").isZero();
    String body = result.getResponse().getContentAsString();
    assertThat(body).contains("retry:1000").contains(":restarting: reconnect");
    assertThat(body).doesNotContain("token-expired");
  }
}
