package cn.dangjian.bench.platform;

import cn.dangjian.bench.alert.AlertBench;
import cn.dangjian.bench.alert.RaisedAlertTimer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event pipeline as a user feels it: a secretary marks a member 失联 (POST
 * /api/members/{id}/flags LOST_CONTACT, started 7 months ago, through the gateway); member-service
 * publishes member.flag-changed through its outbox; alert-service raises LOST_CONTACT on that one
 * event; the alert is timed until it is on alert-service's SSE stream. Meanwhile AlertBench's
 * dues.arrears.changed events (one month behind: state changes, no alert) go to Kafka at a fixed
 * rate for other members, so the p99 is the one at that background rate.
 */
final class EventToAlert {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Result(
      int samples,
      int received,
      int writeErrors,
      double p50,
      double p99,
      double max,
      long eventsSent,
      double eventsPerSecond,
      long fromNanos,
      long toNanos) {}

  private final PlatformStack stack;
  private final Fixture fixture;
  private final Map<UUID, List<String>> secretaries;

  EventToAlert(PlatformStack stack, Fixture fixture, Map<UUID, List<String>> secretaries) {
    this.stack = stack;
    this.fixture = fixture;
    this.secretaries = secretaries;
  }

  Result run(int eventsPerSecond, int seconds, int samples) throws Exception {
    // the flagged members are the first of each branch, taken in turn; the feed gets the rest
    List<UUID[]> flagged = new ArrayList<>(); // {member, branch}
    List<UUID> feed = new ArrayList<>();
    for (int round = 0; flagged.size() < samples && round < 1000; round++) {
      boolean any = false;
      for (Fixture.Branch b : fixture.branches()) {
        if (round < b.memberIds().size() / 2 && flagged.size() < samples) {
          flagged.add(new UUID[] {b.memberIds().get(round), b.orgId()});
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    for (Fixture.Branch b : fixture.branches()) {
      feed.addAll(b.memberIds().subList(b.memberIds().size() / 2, b.memberIds().size()));
    }
    String admin =
        stack
            .keycloak()
            .token()
            .roles("platform-admin")
            .username("bench-sse")
            .lifetime(Duration.ofHours(2))
            .build();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String gateway = stack.gateway().baseUrl();
    clearEarlierFlags(http, gateway, flagged);
    RaisedAlertTimer timer =
        new RaisedAlertTimer(
            stack.service("alert-service").baseUrl() + "/api/alerts/stream",
            admin,
            "LOST_CONTACT",
            flagged.size());

    AtomicBoolean feeding = new AtomicBoolean(true);
    AtomicLong eventsSent = new AtomicLong();
    Thread feeder =
        new Thread(() -> feed(feed, eventsPerSecond, feeding, eventsSent), "platform-event-feed");
    long from = System.nanoTime();
    feeder.start();
    Thread.sleep(3000); // the feed runs at its rate before the first sample

    // alert-service raises one alert per episode (period key "since:<date>"): a run that flags
    // the same members with the same date as an earlier run raises nothing, so each run's episode
    // starts on another day (7 months plus 0–149 days ago, all of them alert levels)
    long runDay = (System.currentTimeMillis() / 10_000) % 150;
    String startedOn =
        LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(7).minusDays(runDay).toString();
    long interval = Math.max(1, (seconds * 1000L) / Math.max(1, flagged.size()));
    int errors = 0;
    long began = System.nanoTime();
    for (int i = 0; i < flagged.size(); i++) {
      long due = began + i * interval * 1_000_000L;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      UUID member = flagged.get(i)[0];
      List<String> tokens = secretaries.get(flagged.get(i)[1]);
      String body =
          "{\"flag\":\"LOST_CONTACT\",\"startedOn\":\""
              + startedOn
              + "\",\"reason\":\"多次联系未果（压测）\"}";
      timer.sent(member.toString());
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(gateway + "/api/members/" + member + "/flags"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        timer.unsent(member.toString());
        if (errors++ == 0) {
          System.out.printf(
              "   first flag write error: HTTP %d %s%n",
              response.statusCode(),
              response.body().substring(0, Math.min(300, response.body().length())));
        }
      }
    }
    int expected = flagged.size() - errors;
    timer.await(expected, Duration.ofSeconds(60));
    long to = System.nanoTime();
    feeding.set(false);
    feeder.join();
    double feedSeconds = (to - from) / 1e9;
    timer.close();
    long[] sorted = timer.sortedLatencies();
    int n = sorted.length;
    System.out.println("   slowest write → alert (arrival order): " + timer.slowest(8));
    return new Result(
        flagged.size(),
        n,
        errors,
        pct(sorted, 0.50),
        pct(sorted, 0.99),
        n == 0 ? Double.NaN : sorted[n - 1] / 1e6,
        eventsSent.get(),
        eventsSent.get() / feedSeconds,
        from,
        to);
  }

  /** AlertBench's dues.arrears.changed events (no alert) at a fixed rate, keyed by member. */
  /**
   * An earlier run on the same data set flagged these members already (the flag write would answer
   * 422): clear the flag first, then let its events settle, so every sample raises a new alert.
   */
  private void clearEarlierFlags(HttpClient http, String gateway, List<UUID[]> flagged)
      throws Exception {
    int cleared = 0;
    for (int i = 0; i < flagged.size(); i++) {
      List<String> tokens = secretaries.get(flagged.get(i)[1]);
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          gateway + "/api/members/" + flagged.get(i)[0] + "/flags/LOST_CONTACT"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                  .DELETE()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 204) {
        cleared++;
      }
    }
    if (cleared > 0) {
      System.out.printf("   cleared %d LOST_CONTACT flags of an earlier run%n", cleared);
      Thread.sleep(10_000);
    }
  }

  private void feed(List<UUID> members, int rate, AtomicBoolean running, AtomicLong sent) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      long start = System.nanoTime();
      for (long i = 0; running.get(); i++) {
        long due = start + i * 1_000_000_000L / rate;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        UUID member = members.get((int) (i % members.size()));
        producer.send(
            new ProducerRecord<>(
                "dues.events",
                member.toString(),
                JSON.writeValueAsBytes(AlertBench.arrears(member, false))));
        sent.incrementAndGet();
      }
      producer.flush();
    } catch (Exception e) {
      System.err.println("   event feed stopped: " + e);
    }
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
