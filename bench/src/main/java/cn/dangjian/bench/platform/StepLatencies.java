package cn.dangjian.bench.platform;

import io.gatling.javaapi.core.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Each request's response time as Gatling measured it (its {@code responseTimeInMillis} check),
 * kept per step and per request type, so the bench computes its tables itself rather than parsing
 * the HTML report (Gatling 3.15 writes no stats.json).
 */
final class StepLatencies {

  /** Nearest-rank percentiles of one step or one request type, in ms (Gatling's resolution). */
  record Numbers(long total, long ko, double p50, double p95, double p99, double p999) {}

  private static final Map<String, ConcurrentLinkedQueue<Integer>> OK = new ConcurrentHashMap<>();
  private static final Map<String, ConcurrentLinkedQueue<Integer>> KO = new ConcurrentHashMap<>();

  private StepLatencies() {}

  static void clear() {
    OK.clear();
    KO.clear();
  }

  /** After a request: its time under the step and under "step / request"; resets the session. */
  static Session record(String step, String request, Session session) {
    Integer rt = session.getIntegerWrapper("rt");
    boolean failed = session.isFailed() || rt == null;
    for (String key : List.of(step, step + " / " + request)) {
      (failed ? KO : OK)
          .computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>())
          .add(rt == null ? -1 : rt);
    }
    return session.remove("rt").markAsSucceeded();
  }

  /** Percentiles over the successful requests; KO = non-2xx, failed checks or timeouts. */
  static Numbers of(String key) {
    List<Integer> ok = new ArrayList<>(OK.getOrDefault(key, new ConcurrentLinkedQueue<>()));
    long ko = KO.getOrDefault(key, new ConcurrentLinkedQueue<>()).size();
    int[] sorted = ok.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(sorted);
    return new Numbers(
        sorted.length + ko,
        ko,
        pct(sorted, 0.50),
        pct(sorted, 0.95),
        pct(sorted, 0.99),
        pct(sorted, 0.999));
  }

  /** The request types seen under a step. */
  static List<String> requests(String step) {
    List<String> names = new ArrayList<>();
    for (Map<String, ConcurrentLinkedQueue<Integer>> m : List.of(OK, KO)) {
      for (String key : m.keySet()) {
        if (key.startsWith(step + " / ")) {
          String name = key.substring(step.length() + 3);
          if (!names.contains(name)) {
            names.add(name);
          }
        }
      }
    }
    names.sort(String::compareTo);
    return names;
  }

  private static double pct(int[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
