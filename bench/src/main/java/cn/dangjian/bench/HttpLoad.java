package cn.dangjian.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Closed-loop HTTP load on loopback: {@code clients} threads, each sending its next request as soon
 * as the previous answer is read (keep-alive connections), until {@code requests} have been sent or
 * the phase's time limit is reached. Warm-up requests go first and are not recorded. Latency is
 * client-side, from send to the last body byte.
 */
final class HttpLoad {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String baseUrl;

  HttpLoad(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  HttpRequest.Builder request(String pathAndQuery, String token) {
    return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  LatencyStats run(
      String name,
      int clients,
      int warmup,
      int requests,
      Duration limit,
      long seed,
      Function<SplittableRandom, HttpRequest> source)
      throws InterruptedException {
    if (warmup > 0) {
      phase(name, clients, warmup, limit, seed ^ 0x5DEECE66DL, source);
    }
    return phase(name, clients, requests, limit, seed, source);
  }

  private LatencyStats phase(
      String name,
      int clients,
      int requests,
      Duration limit,
      long seed,
      Function<SplittableRandom, HttpRequest> source)
      throws InterruptedException {
    long[] nanos = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    long deadline = System.nanoTime() + limit.toNanos();
    List<Thread> threads = new ArrayList<>();
    long began = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      SplittableRandom random = new SplittableRandom(seed + c * 7919L);
      Thread t =
          new Thread(
              () -> {
                while (System.nanoTime() < deadline) {
                  int i = next.getAndIncrement();
                  if (i >= requests) {
                    return;
                  }
                  HttpRequest request = source.apply(random);
                  long t0 = System.nanoTime();
                  String error = null;
                  try {
                    HttpResponse<String> response =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                      error =
                          "HTTP "
                              + response.statusCode()
                              + " "
                              + abbreviate(response.body())
                              + " for "
                              + request.uri().getRawPath();
                    }
                  } catch (IOException e) {
                    error = e.toString();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  nanos[i] = System.nanoTime() - t0;
                  if (error != null) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, error);
                  }
                }
              },
              "bench-client-" + c);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    double wall = (System.nanoTime() - began) / 1e9;
    int count = Math.min(next.get(), requests);
    return LatencyStats.of(name, clients, nanos, count, errors.get(), wall, firstError.get());
  }

  static String abbreviate(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ");
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }
}
