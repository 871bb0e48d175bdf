package cn.dangjian.testsupport.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows a job the way a client does: the start answered 202 with {@code Location}; {@code GET} it
 * until its status is an end. Fails the test on anything else.
 */
public final class JobFollower {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MockMvc mvc;
  private final Duration timeout;

  public JobFollower(MockMvc mvc, Duration timeout) {
    this.mvc = mvc;
    this.timeout = timeout;
  }

  /** The ended job (any end) after a start that must have answered 202 with Location. */
  public JsonNode follow(String token, ResultActions started) throws Exception {
    MvcResult start = started.andReturn();
    int status = start.getResponse().getStatus();
    if (status != 202) {
      throw new AssertionError(
          "expected 202 Accepted with the job, got "
              + status
              + ": "
              + start.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
    String location = start.getResponse().getHeader("Location");
    if (location == null) {
      throw new AssertionError("202 without Location");
    }
    return awaitEnd(token, location);
  }

  /** The ended job at {@code location}. */
  public JsonNode awaitEnd(String token, String location) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      MvcResult read =
          mvc.perform(get(location).header("Authorization", "Bearer " + token)).andReturn();
      String body = read.getResponse().getContentAsString(StandardCharsets.UTF_8);
      if (read.getResponse().getStatus() != 200) {
        throw new AssertionError("GET " + location + " → " + read.getResponse().getStatus() + body);
      }
      JsonNode job = JSON.readTree(body);
      String status = job.get("status").asString();
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
        return job;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("job did not end in " + timeout + ": " + body);
      }
      Thread.sleep(50);
    }
  }

  /** The result of a job that must have succeeded. */
  public JsonNode succeeded(String token, ResultActions started) throws Exception {
    JsonNode job = follow(token, started);
    if (!job.get("status").asString().equals("SUCCEEDED")) {
      throw new AssertionError("job did not succeed: " + job);
    }
    return job.get("result");
  }
}
