package cn.dangjian.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform's API through the gateway, as the demo data loader calls it — LOCAL USE ONLY. */
final class DemoApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String gateway;

  /** A body and its ETag. */
  record Answer(int status, JsonNode body, String etag) {}

  DemoApi(String gateway) {
    this.gateway = gateway;
  }

  JsonNode call(String token, String method, String path, Object body, int expected) {
    return send(token, method, path, body, Map.of(), expected).body();
  }

  /**
   * Starts a job (202 with the job), follows it until it ends and answers its result; fails unless
   * it succeeded within two minutes.
   */
  JsonNode job(String token, String path, Object body) {
    JsonNode job = call(token, "POST", path, body, 202);
    String location = path.substring(0, path.indexOf('/', "/api/".length())) + "/jobs/";
    String at = location + job.path("id").asString();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (job.path("status").asString().equals("QUEUED")
        || job.path("status").asString().equals("RUNNING")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("demo data: job " + at + " did not end: " + job);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      job = call(token, "GET", at, null, 200);
    }
    if (!job.path("status").asString().equals("SUCCEEDED")) {
      throw new IllegalStateException("demo data: job " + at + " ended " + job);
    }
    return job.path("result");
  }

  /** {@link #send} that fails unless the status is the expected one. */
  Answer send(
      String token,
      String method,
      String path,
      Object body,
      Map<String, String> headers,
      int expected) {
    Answer answer = send(token, method, path, body, headers);
    if (answer.status() != expected) {
      throw unexpected(method, path, answer);
    }
    return answer;
  }

  static IllegalStateException unexpected(String method, String path, Answer answer) {
    return new IllegalStateException(
        "demo data: "
            + method
            + " "
            + path
            + " answered "
            + answer.status()
            + ": "
            + answer.body());
  }

  Answer send(String token, String method, String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    headers.forEach(request::header);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json =
          response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
      return new Answer(
          response.statusCode(), json, response.headers().firstValue("ETag").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException("demo data: " + method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
