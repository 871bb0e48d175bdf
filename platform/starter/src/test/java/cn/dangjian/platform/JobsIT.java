package cn.dangjian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.dangjian.events.Topics;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The job facility as a client meets it: 202 with Location, progress, result, one run per natural
 * key, cancel, a streamed file, failures as problems, and jobs cut off by a restart.
 */
class JobsIT extends StarterIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  private final String alice = KEYCLOAK.token().roles("secretary").username("alice").build();
  private final String bob = KEYCLOAK.token().roles("secretary").username("bob").build();

  @Test
  void longOperationAnswers202WithTheJobAndTheJobEndsWithItsResultAndFullProgress()
      throws Exception {
    MvcResult started = start(alice, "/api/notes/counts", count(50, 0, 0, null));

    assertThat(started.getResponse().getStatus()).isEqualTo(202);
    String location = started.getResponse().getHeader(HttpHeaders.LOCATION);
    String id = JsonPath.read(started.getResponse().getContentAsString(), "$.id");
    assertThat(location).isEqualTo("/api/notes/jobs/" + id);
    assertThat((String) JsonPath.read(started.getResponse().getContentAsString(), "$.status"))
        .isIn("QUEUED", "RUNNING", "SUCCEEDED");

    String done = awaitEnd(alice, location);
    assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("SUCCEEDED");
    assertThat((Integer) JsonPath.read(done, "$.result.counted")).isEqualTo(50);
    assertThat((Integer) JsonPath.read(done, "$.progress.done")).isEqualTo(50);
    assertThat((Integer) JsonPath.read(done, "$.progress.total")).isEqualTo(50);
    assertThat((Integer) JsonPath.read(done, "$.progress.percent")).isEqualTo(100);
    assertThat((String) JsonPath.read(done, "$.progress.unit")).isEqualTo("notes");
    assertThat((String) JsonPath.read(done, "$.startedAt")).isNotNull();
    assertThat((String) JsonPath.read(done, "$.finishedAt")).isNotNull();
  }

  @Test
  void everyChangeOfAJobIsPublishedOnTheServicesTopicForWhoeverStartedIt() throws Exception {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "jobs-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.MEMBER_EVENTS));
      String id = id(start(alice, "/api/notes/counts", count(5, 0, 0, null)));
      awaitEnd(alice, "/api/notes/jobs/" + id);

      List<String> statuses = new ArrayList<>();
      long deadline = System.currentTimeMillis() + 20_000;
      while (!statuses.contains("SUCCEEDED") && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (id.equals(record.key())) {
            assertThat(record.value()).contains("\"type\":\"member.job-changed\"");
            assertThat((String) JsonPath.read(record.value(), "$.payload.createdBy"))
                .isEqualTo("alice");
            assertThat((String) JsonPath.read(record.value(), "$.payload.href"))
                .isEqualTo("/api/notes/jobs/" + id);
            statuses.add(JsonPath.read(record.value(), "$.payload.status"));
          }
        }
      }
      // at least once, not always in order (the alert stream's relay drops older changes)
      assertThat(statuses).contains("RUNNING", "SUCCEEDED");
    }
  }

  @Test
  void startingTheSameWorkTwiceWhileItRunsReturnsTheRunningJob() throws Exception {
    String key = "same-" + UUID.randomUUID();
    String first = id(start(alice, "/api/notes/counts", count(40, 50, 0, key)));
    String second = id(start(alice, "/api/notes/counts", count(40, 50, 0, key)));

    assertThat(second).isEqualTo(first);
    awaitEnd(alice, "/api/notes/jobs/" + first);
    // ended: the key is free again, a new start is a new job
    String third = id(start(alice, "/api/notes/counts", count(1, 0, 0, key)));
    assertThat(third).isNotEqualTo(first);
    awaitEnd(alice, "/api/notes/jobs/" + third);
  }

  @Test
  void cancellingARunningJobStopsItAtItsNextCheck() throws Exception {
    String id = id(start(alice, "/api/notes/counts", count(600, 50, 0, null)));
    awaitStatus(alice, id, "RUNNING");

    MvcResult cancelled =
        mvc.perform(
                delete("/api/notes/jobs/" + id).header(HttpHeaders.AUTHORIZATION, bearer(alice)))
            .andReturn();
    assertThat(cancelled.getResponse().getStatus()).isEqualTo(200);

    String done = awaitEnd(alice, "/api/notes/jobs/" + id);
    assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("CANCELLED");
    assertThat((Integer) JsonPath.read(done, "$.progress.done")).isLessThan(600);
    MvcResult again =
        mvc.perform(
                delete("/api/notes/jobs/" + id).header(HttpHeaders.AUTHORIZATION, bearer(alice)))
            .andReturn();
    assertThat(again.getResponse().getStatus()).isEqualTo(409);
  }

  @Test
  void aRuleBrokenByTheWorkEndsTheJobFailedWithTheProblemInChinese() throws Exception {
    String id = id(start(alice, "/api/notes/counts", count(10, 0, 3, null)));

    String done = awaitEnd(alice, "/api/notes/jobs/" + id);
    assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("FAILED");
    assertThat((String) JsonPath.read(done, "$.problem.rule")).isEqualTo("count-refused");
    assertThat((Integer) JsonPath.read(done, "$.problem.status")).isEqualTo(422);
    assertThat((String) JsonPath.read(done, "$.problem.detail")).isEqualTo("笔记 3 不存在");
    assertThat((Object) JsonPath.read(done, "$.result")).isNull();
  }

  @Test
  void aJobIsInvisibleToAnotherCallerOutsideItsScope() throws Exception {
    String id = id(start(alice, "/api/notes/counts", count(1, 0, 0, null)));

    assertThat(status(bob, "/api/notes/jobs/" + id)).isEqualTo(404);
    assertThat(
            mvc.perform(
                    delete("/api/notes/jobs/" + id).header(HttpHeaders.AUTHORIZATION, bearer(bob)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
    String bobsList =
        mvc.perform(get("/api/notes/jobs").header(HttpHeaders.AUTHORIZATION, bearer(bob)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(bobsList).doesNotContain(id);
    awaitEnd(alice, "/api/notes/jobs/" + id);
  }

  @Test
  void aGeneratedFileLargerThanOneChunkIsDownloadedWhole() throws Exception {
    int lines = 150_000; // ≈ 2.3 MB: three chunks
    String id = id(start(alice, "/api/notes/lines", "{\"lines\":" + lines + "}"));

    String done = awaitEnd(alice, "/api/notes/jobs/" + id);
    assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("SUCCEEDED");
    assertThat((String) JsonPath.read(done, "$.file.href"))
        .isEqualTo("/api/notes/jobs/" + id + "/file");
    MvcResult file =
        mvc.perform(
                get("/api/notes/jobs/" + id + "/file")
                    .header(HttpHeaders.AUTHORIZATION, bearer(alice)))
            .andReturn();
    MvcResult body =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(
                    file))
            .andReturn();
    assertThat(body.getResponse().getContentType()).isEqualTo("text/csv");
    assertThat(body.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
        .contains("filename*=UTF-8''");
    String text = body.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(text.lines().count()).isEqualTo(lines);
    assertThat(text).startsWith("第0行,note\n").endsWith("第" + (lines - 1) + "行,note\n");
    assertThat(body.getResponse().getContentAsByteArray().length)
        .isEqualTo(((Number) JsonPath.read(done, "$.file.sizeBytes")).intValue());
  }

  @Test
  void aJobCutOffByARestartResumesIfItsKindIsResumableElseEndsFailedWithTheReason()
      throws Exception {
    UUID resumable = cutOff("note-lines", "{\"lines\":3}");
    UUID notResumable = cutOff("note-count", "{\"count\":3,\"sleepMs\":0,\"failAt\":0}");

    String resumed = awaitEnd(alice, "/api/notes/jobs/" + resumable);
    assertThat((String) JsonPath.read(resumed, "$.status")).isEqualTo("SUCCEEDED");
    assertThat((Integer) JsonPath.read(resumed, "$.attempts")).isEqualTo(2);

    String failed = awaitEnd(alice, "/api/notes/jobs/" + notResumable);
    assertThat((String) JsonPath.read(failed, "$.status")).isEqualTo("FAILED");
    assertThat((String) JsonPath.read(failed, "$.problem.detail"))
        .contains("服务重启")
        .contains("重新发起");
  }

  /** A job a dead replica was running: picked, its heartbeat an hour old. */
  private UUID cutOff(String kind, String payload) {
    UUID id = cn.dangjian.platform.persistence.UuidV7.next();
    Timestamp hourAgo = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
    jdbc.update(
        "INSERT INTO platform_job (id, kind, status, created_by, created_at, started_at, attempts,"
            + " payload) VALUES (?, ?, 'RUNNING', 'alice', NOW(6), NOW(6), 1, ?)",
        cn.dangjian.platform.persistence.Uuids.bytes(id),
        kind,
        payload);
    jdbc.update(
        "INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,"
            + " picked_by, last_heartbeat, version) VALUES ('platform-job', ?, ?, ?, TRUE,"
            + " 'dead-replica', ?, 1)",
        id.toString(),
        javaSerialized(id.toString()),
        hourAgo,
        hourAgo);
    return id;
  }

  private static byte[] javaSerialized(String value) {
    try (var bytes = new java.io.ByteArrayOutputStream();
        var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(value);
      out.flush();
      return bytes.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String count(int count, int sleepMs, int failAt, String key) {
    return "{\"count\":"
        + count
        + ",\"sleepMs\":"
        + sleepMs
        + ",\"failAt\":"
        + failAt
        + (key == null ? "" : ",\"key\":\"" + key + "\"")
        + "}";
  }

  private MvcResult start(String token, String path, String body) throws Exception {
    return mvc.perform(
            post(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andReturn();
  }

  private static String id(MvcResult result) throws Exception {
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(202);
    return JsonPath.read(result.getResponse().getContentAsString(), "$.id");
  }

  private int status(String token, String path) throws Exception {
    return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, bearer(token)))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  private String read(String token, String path) throws Exception {
    MvcResult result =
        mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, bearer(token))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private void awaitStatus(String token, String id, String status) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    String current = null;
    while (System.currentTimeMillis() < deadline) {
      current = JsonPath.read(read(token, "/api/notes/jobs/" + id), "$.status");
      if (status.equals(current)) {
        return;
      }
      Thread.sleep(50);
    }
    assertThat(current).isEqualTo(status);
  }

  private String awaitEnd(String token, String location) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    String job = read(token, location);
    while (System.currentTimeMillis() < deadline) {
      String status = JsonPath.read(job, "$.status");
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
        return job;
      }
      Thread.sleep(100);
      job = read(token, location);
    }
    throw new AssertionError("job did not end in 30 s: " + job);
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }
}
