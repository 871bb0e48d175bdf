package cn.dangjian.bench.alert;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times subjects from the moment their event was sent until {@code alert.raised} of one rule for
 * them is on alert-service's SSE stream ({@code GET /api/alerts/stream}). A daemon thread reads the
 * stream; java.net.http's client buffers an endless body, HttpURLConnection streams it.
 */
public final class RaisedAlertTimer implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String ruleId;
  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
  private final long[] latencies;
  private final AtomicInteger received = new AtomicInteger();
  private final HttpURLConnection connection;
  private volatile boolean streaming = true;

  /** Opens the stream and waits 2 s: its consumer starts at the newest alerts. */
  public RaisedAlertTimer(String streamUrl, String token, String ruleId, int capacity)
      throws Exception {
    this.ruleId = ruleId;
    this.latencies = new long[capacity];
    connection = (HttpURLConnection) URI.create(streamUrl).toURL().openConnection();
    connection.setRequestProperty("Authorization", "Bearer " + token);
    connection.setRequestProperty("Accept", "text/event-stream");
    connection.setReadTimeout(0);
    Thread reader = new Thread(this::read, "sse-reader");
    reader.setDaemon(true);
    reader.start();
    Thread.sleep(2000);
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (streaming && (line = lines.readLine()) != null) {
        if (!line.startsWith("data:")) {
          continue;
        }
        long now = System.nanoTime();
        JsonNode data = JSON.readTree(line.substring(5));
        if (!"alert.raised".equals(data.path("type").asString())
            || !ruleId.equals(data.path("ruleId").asString())) {
          continue;
        }
        Long sent = sentAt.remove(data.path("subjectId").asString());
        if (sent != null) {
          int i = received.getAndIncrement();
          if (i < latencies.length) {
            latencies[i] = now - sent;
          }
        }
      }
    } catch (Exception e) {
      if (streaming) {
        System.err.println("   SSE stream ended: " + e);
      }
    }
  }

  /** The subject's event leaves now. */
  public void sent(String subjectId) {
    sentAt.put(subjectId, System.nanoTime());
  }

  /** Its event was refused: no alert is to be waited for. */
  public void unsent(String subjectId) {
    sentAt.remove(subjectId);
  }

  public int received() {
    return received.get();
  }

  /** Waits until {@code expected} alerts arrived or the timeout passed; returns how many did. */
  public int await(int expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.get() < expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return received.get();
  }

  /** The latencies received so far, in nanoseconds, sorted. */
  public long[] sortedLatencies() {
    long[] sorted = Arrays.copyOf(latencies, Math.min(received.get(), latencies.length));
    Arrays.sort(sorted);
    return sorted;
  }

  /**
   * The {@code k} slowest as "#arrival: ms" (arrival order = roughly send order), to tell a slow
   * start or one stall from a slow pipeline.
   */
  public java.util.List<String> slowest(int k) {
    int n = Math.min(received.get(), latencies.length);
    return java.util.stream.IntStream.range(0, n)
        .boxed()
        .sorted((a, b) -> Long.compare(latencies[b], latencies[a]))
        .limit(k)
        .map(i -> String.format(java.util.Locale.ROOT, "#%d: %.0f ms", i, latencies[i] / 1e6))
        .toList();
  }

  @Override
  public void close() {
    streaming = false;
    connection.disconnect();
  }
}
