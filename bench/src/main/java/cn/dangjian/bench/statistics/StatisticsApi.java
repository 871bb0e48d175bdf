package cn.dangjian.bench.statistics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * member-service's statistics API over loopback HTTP (keep-alive, one connection per thread), and
 * sequential latency series: warm-up requests, then measured ones, each timed from send to the last
 * body byte.
 */
final class StatisticsApi {

  /** One measured series: nearest-rank percentiles in milliseconds. */
  record Timings(
      String name,
      int count,
      int errors,
      double p50,
      double p90,
      double p99,
      double max,
      String firstError) {

    static Timings of(String name, long[] nanos, int errors, String firstError) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return new Timings(
          name,
          sorted.length,
          errors,
          ms(sorted, 0.50),
          ms(sorted, 0.90),
          ms(sorted, 0.99),
          sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6,
          firstError);
    }

    static double ms(long[] sorted, double p) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(p * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "%-62s n=%-4d p50 %8.1f  p90 %8.1f  p99 %8.1f  max %8.1f ms%s",
          name,
          count,
          p50,
          p90,
          p99,
          max,
          errors == 0 ? "" : "  ERRORS " + errors + " (" + firstError + ")");
    }
  }

  /** An answer: status, body bytes and time taken. */
  record Answer(int status, byte[] body, long nanos) {
    String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    JsonNode json() {
      return ProvinceEvents.JSON.readTree(body);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String baseUrl;
  private final String token;

  StatisticsApi(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  Answer get(String pathAndQuery) throws IOException, InterruptedException {
    return send(builder(pathAndQuery).GET().build());
  }

  Answer post(String pathAndQuery) throws IOException, InterruptedException {
    return send(builder(pathAndQuery).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  /** events applied so far by the read model (GET /api/statistics/status). */
  long eventsApplied() throws IOException, InterruptedException {
    Answer a = get("/api/statistics/status");
    if (a.status() != 200) {
      throw new IllegalStateException("status: HTTP " + a.status() + " " + a.text());
    }
    return a.json().path("eventsApplied").asLong();
  }

  /** {@code warmup} unrecorded requests, then {@code count} sequential measured ones. */
  Timings series(String name, String pathAndQuery, int warmup, int count)
      throws IOException, InterruptedException {
    for (int i = 0; i < warmup; i++) {
      get(pathAndQuery);
    }
    long[] nanos = new long[count];
    int errors = 0;
    String first = null;
    for (int i = 0; i < count; i++) {
      Answer a = get(pathAndQuery);
      nanos[i] = a.nanos();
      if (a.status() != 200) {
        errors++;
        if (first == null) {
          first = "HTTP " + a.status() + " " + abbreviate(a.text());
        }
      }
    }
    return Timings.of(name, nanos, errors, first);
  }

  private HttpRequest.Builder builder(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .timeout(Duration.ofMinutes(5))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "*/*");
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(response.statusCode(), response.body(), System.nanoTime() - t0);
  }

  static String abbreviate(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ");
    return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
  }
}
