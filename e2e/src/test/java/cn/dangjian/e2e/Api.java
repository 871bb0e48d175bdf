package cn.dangjian.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A thin HTTP client for the gateway: JSON in, status + headers + JSON out. */
final class Api {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Api(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  record Response(
      int status, Map<String, java.util.List<String>> headers, String body, long millis) {
    JsonNode json() {
      return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  Response get(String path, String token) {
    return send(request(path, token).GET());
  }

  Response post(String path, String token, Object body) {
    String json = body instanceof String s ? s : JSON.writeValueAsString(body);
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** POST with a fresh Idempotency-Key (payments and money entries need one). */
  Response postWithKey(String path, String token, Object body) {
    return exchange(
        "POST",
        path,
        Map.of(
            "Authorization", "Bearer " + token,
            "Content-Type", "application/json",
            "Idempotency-Key", "e2e-" + java.util.UUID.randomUUID()),
        JSON.writeValueAsBytes(body));
  }

  Response put(String path, String token, Object body) {
    String json = body instanceof String s ? s : JSON.writeValueAsString(body);
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any method, with a JSON body (or none) and an If-Match (or none) for conditional writes. */
  Response send(String method, String path, String token, Object body, String ifMatch) {
    HttpRequest.Builder builder =
        request(path, token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (ifMatch != null) {
      builder.header("If-Match", ifMatch);
    }
    return send(builder);
  }

  /**
   * Any method with any headers and a raw body (null: none). A 429 from the gateway's rate limiter
   * is waited out (Retry-After) and the request sent again, so that bulk suites see the service's
   * answer, not the limiter's.
   */
  Response exchange(String method, String path, Map<String, String> headers, byte[] body) {
    for (int attempt = 0; ; attempt++) {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .timeout(Duration.ofSeconds(30))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(builder::header);
      Response response = send(builder);
      if (response.status() != 429 || attempt >= 20) {
        return response;
      }
      String retryAfter = response.header("Retry-After");
      long seconds = 1;
      if (retryAfter != null && retryAfter.matches("\\d+")) {
        seconds = Math.max(1, Long.parseLong(retryAfter));
      }
      try {
        Thread.sleep(seconds * 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Starts a job the way a client does: POST answers 202 with the job and {@code Location}, which
   * is read until the job ends. Answers the ended job; fails unless it succeeded in two minutes.
   */
  JsonNode job(String path, String token, Object body) {
    return follow(path, token, post(path, token, body));
  }

  /** As {@link #job}, for a start already sent (e.g. with If-Match). */
  JsonNode follow(String path, String token, Response started) {
    if (started.status() != 202 || started.header("Location") == null) {
      throw new AssertionError(
          path + " should answer 202 with Location: " + started.status() + " " + started.body());
    }
    String location = started.header("Location");
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    JsonNode job = started.json();
    while (job.get("status").asString().equals("QUEUED")
        || job.get("status").asString().equals("RUNNING")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(location + " did not end in 2 minutes: " + job);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Response read = get(location, token);
      if (read.status() != 200) {
        throw new AssertionError("GET " + location + ": " + read.status() + " " + read.body());
      }
      job = read.json();
    }
    if (!job.get("status").asString().equals("SUCCEEDED")) {
      throw new AssertionError(path + " job did not succeed: " + job);
    }
    return job;
  }

  /**
   * A create another service may refuse until it has learned the org or member from member.events:
   * POSTed again every 0.5 s until it answers 201 (or 60 s pass).
   */
  Response awaitCreated(String path, String token, Object body) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Response last;
    do {
      last = post(path, token, body);
      if (last.status() == 201) {
        return last;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    } while (System.nanoTime() < deadline);
    throw new AssertionError(path + " never answered 201: " + last.status() + " " + last.body());
  }

  /**
   * A GET another service answers with {@code expected} once it has consumed an event: asked again
   * every 0.5 s until it does (or {@code timeout} passes).
   */
  Response awaitStatus(String path, String token, int expected, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Response last;
    do {
      last = get(path, token);
      if (last.status() == expected) {
        return last;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    } while (System.nanoTime() < deadline);
    throw new AssertionError(
        path + " never answered " + expected + ": " + last.status() + " " + last.body());
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Response send(HttpRequest.Builder builder) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().map(),
          response.body(),
          (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
