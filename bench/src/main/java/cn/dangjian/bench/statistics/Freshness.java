package cn.dangjian.bench.statistics;

import cn.dangjian.bench.BenchLog;
import cn.dangjian.bench.ProvinceTree.OrgRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Issue 23's freshness target: a figure reflects an event within 5 s at 1,000 events/s. New members
 * (registered + classified, two events each) go to random branches at {@code rate} events/s for
 * {@code seconds}; once a second a marker member is registered in one chosen branch. A poller reads
 * that branch's member count ({@code GET /api/statistics/members?orgId=}) every {@code pollMillis}:
 * the k-th marker is visible when the count first reaches the count before the run plus k. Lag =
 * first poll that shows it − its send time.
 */
final class Freshness {

  record Result(
      int markers,
      int seen,
      double p50,
      double p99,
      double max,
      double sentPerSecond,
      long eventsSent,
      double catchUpSeconds) {}

  private final ProvinceEvents events;
  private final ProvinceEvents.Sink sink;
  private final Runnable flush;
  private final StatisticsApi api;
  private final BenchLog log;

  Freshness(
      ProvinceEvents events,
      ProvinceEvents.Sink sink,
      Runnable flush,
      StatisticsApi api,
      BenchLog log) {
    this.events = events;
    this.sink = sink;
    this.flush = flush;
    this.api = api;
    this.log = log;
  }

  Result run(OrgRow markerBranch, int rate, int seconds, int pollMillis, long seed)
      throws Exception {
    String figure = "/api/statistics/members?orgId=" + markerBranch.id();
    long before = members(api.get(figure).json());
    List<Integer> branches = new ArrayList<>(events.tree().branches());
    branches.removeIf(i -> events.tree().org(i).id().equals(markerBranch.id()));
    long[] sentAt = new long[seconds];
    long[] seenAt = new long[seconds];
    AtomicInteger markersSent = new AtomicInteger();
    AtomicInteger visible = new AtomicInteger();
    Thread poller =
        new Thread(
            () -> {
              try {
                while (visible.get() < seconds) {
                  long asked = System.nanoTime();
                  StatisticsApi.Answer a = api.get(figure);
                  long now = System.nanoTime();
                  if (a.status() == 200) {
                    long shown = Math.min(seconds, members(a.json()) - before);
                    // a marker counts as seen at the poll that was sent after it and showed it
                    for (int k = visible.get(); k < shown && k < markersSent.get(); k++) {
                      seenAt[k] = Math.max(now, sentAt[k]);
                      visible.incrementAndGet();
                    }
                  }
                  long pause = pollMillis - (now - asked) / 1_000_000;
                  if (pause > 0) {
                    Thread.sleep(pause);
                  }
                }
              } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
              } catch (Exception e) {
                log.line("   poller failed: %s", e);
              }
            },
            "freshness-poller");
    poller.setDaemon(true);
    poller.start();

    SplittableRandom random = new SplittableRandom(seed);
    int membersPerSecond = Math.max(1, rate / ProvinceEvents.EVENTS_PER_MEMBER);
    long total = (long) membersPerSecond * seconds;
    long start = System.nanoTime();
    long sent = 0;
    for (long m = 0; m < total; m++) {
      long due = start + m * 1_000_000_000L / membersPerSecond;
      int marker = markersSent.get();
      if (marker < seconds && due >= start + marker * 1_000_000_000L) {
        sentAt[marker] = System.nanoTime();
        events.member(sink, random, Instant.now(), markerBranch, "FULL");
        markersSent.incrementAndGet();
        flush.run();
        sent += ProvinceEvents.EVENTS_PER_MEMBER;
      }
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      OrgRow branch = events.tree().org(branches.get(random.nextInt(branches.size())));
      events.member(sink, random, Instant.now(), branch, null);
      sent += ProvinceEvents.EVENTS_PER_MEMBER;
    }
    flush.run();
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    log.line(
        "   sent %,d events (%,d markers) in %.1f s: %.0f events/s",
        sent, markersSent.get(), sendSeconds, sent / sendSeconds);
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (visible.get() < markersSent.get() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    double catchUp = (System.nanoTime() - start) / 1e9 - sendSeconds;
    poller.interrupt();
    poller.join(5_000);
    int seen = visible.get();
    long[] lags = new long[seen];
    for (int k = 0; k < seen; k++) {
      lags[k] = seenAt[k] - sentAt[k];
    }
    Arrays.sort(lags);
    return new Result(
        markersSent.get(),
        seen,
        StatisticsApi.Timings.ms(lags, 0.50),
        StatisticsApi.Timings.ms(lags, 0.99),
        seen == 0 ? Double.NaN : lags[seen - 1] / 1e6,
        sent / sendSeconds,
        sent,
        catchUp);
  }

  /** MEMBERS/ALL of a FiguresView. */
  static long members(JsonNode figures) {
    for (JsonNode group : figures.path("groups")) {
      if (group.path("dimension").asString().equals("MEMBERS")) {
        for (JsonNode value : group.path("values")) {
          if (value.path("value").asString().equals("ALL")) {
            return value.path("count").asLong();
          }
        }
      }
    }
    return 0;
  }
}
