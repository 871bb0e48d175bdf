package cn.dangjian.alert.push;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries: each is claimed with a conditional update (so several instances
 * never send the same attempt), sent outside any transaction, and recorded; failures retry with
 * exponential backoff, and a subscription that keeps failing is disabled.
 */
@Component
public class WebhookDispatcher {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final JdbcTemplate jdbc;
  private final WebhookProperties properties;
  private final Clock clock;
  private final HttpClient http;
  private final WebhookTargets targets;
  private final WebhookSecrets secrets;

  WebhookDispatcher(
      JdbcTemplate jdbc,
      WebhookProperties properties,
      Clock clock,
      WebhookTargets targets,
      WebhookSecrets secrets) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
    this.targets = targets;
    this.secrets = secrets;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.getTimeout())
            // a redirect could point anywhere, past the address check: never followed
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
  }

  /**
   * At start-up, secrets stored before they were encrypted, or under a key that is no longer the
   * current one, are sealed again under the current key (the rotation path; the table is small).
   */
  @EventListener(ApplicationReadyEvent.class)
  public void resealStaleSecrets() {
    jdbc
        .query(
            "SELECT id, secret FROM webhook_subscription",
            (rs, n) -> new Object[] {uuid(rs.getBytes(1)), rs.getString(2)})
        .stream()
        .filter(row -> secrets.isStale((String) row[1]))
        .forEach(
            row -> {
              UUID id = (UUID) row[0];
              String stored = (String) row[1];
              String plain =
                  cn.dangjian.platform.crypto.KeyRingCipher.isSealed(stored)
                      ? secrets.open(stored, id)
                      : stored;
              jdbc.update(
                  "UPDATE webhook_subscription SET secret = ? WHERE id = ? AND secret = ?",
                  secrets.seal(plain, id),
                  bytes(id),
                  stored);
            });
  }

  private record Due(
      UUID id,
      UUID subscriptionId,
      String eventType,
      String body,
      int attempts,
      String url,
      String secret) {}

  @Scheduled(fixedDelayString = "${dangjian.alerts.webhooks.poll-interval:5s}")
  public void sendDue() {
    Instant now = clock.instant();
    List<Due> due =
        jdbc.query(
            "SELECT d.id, d.subscription_id, d.event_type, d.body, d.attempts, s.url, s.secret"
                + " FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id"
                + " WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at"
                + " LIMIT 100",
            (rs, n) ->
                new Due(
                    uuid(rs.getBytes(1)),
                    uuid(rs.getBytes(2)),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getString(6),
                    rs.getString(7)),
            Timestamp.from(now));
    for (Due delivery : due) {
      if (claim(delivery, now)) {
        attempt(delivery);
      }
    }
  }

  private boolean claim(Due delivery, Instant now) {
    // lease the attempt: nobody else picks it up while it is in flight
    return jdbc.update(
            "UPDATE webhook_delivery SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING'"
                + " AND next_attempt_at <= ?",
            Timestamp.from(now.plus(properties.getTimeout().multipliedBy(3))),
            bytes(delivery.id()),
            Timestamp.from(now))
        == 1;
  }

  private void attempt(Due delivery) {
    String status =
        jdbc.queryForObject(
            "SELECT status FROM webhook_subscription WHERE id = ?",
            String.class,
            bytes(delivery.subscriptionId()));
    if (!"ACTIVE".equals(status)) {
      finish(delivery, "FAILED", null, "投递失败：订阅已停用");
      return;
    }
    long timestamp = clock.instant().getEpochSecond();
    Integer code = null;
    String error = null;
    URI target;
    try {
      // again right before connecting: the host may resolve elsewhere now (DNS rebinding); the
      // JVM's address cache then serves this same answer to the connection below
      target = targets.check(delivery.url());
    } catch (WebhookTargets.Refused e) {
      failed(delivery, null, REFUSED);
      return;
    }
    try {
      String secret = secrets.open(delivery.secret(), delivery.subscriptionId());
      HttpRequest request =
          HttpRequest.newBuilder(target)
              .timeout(properties.getTimeout())
              .header("Content-Type", "application/json")
              .header("X-Dangjian-Event", delivery.eventType())
              .header("X-Dangjian-Delivery", delivery.id().toString())
              .header("X-Dangjian-Timestamp", Long.toString(timestamp))
              .header(
                  "X-Dangjian-Signature", WebhookSigner.sign(secret, timestamp, delivery.body()))
              .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
              .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      code = response.statusCode();
      if (code >= 200 && code < 300) {
        finish(delivery, "DELIVERED", code, null);
        jdbc.update(
            "UPDATE webhook_subscription SET consecutive_failures = 0 WHERE id = ?",
            bytes(delivery.subscriptionId()));
        return;
      }
      error = "投递失败：HTTP " + code;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      error = describe(e);
      log.debug("webhook delivery {} failed", delivery.id(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "投递失败：已中断";
    }
    failed(delivery, code, error);
  }

  static final String REFUSED = "投递失败：目标地址不允许";

  /**
   * What the subscriber's log shows of a failure: a fixed text per kind, never the host, address,
   * port, exception class or message (they would map the network behind the service).
   */
  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.http.HttpTimeoutException
          || t instanceof java.net.SocketTimeoutException) {
        return "投递失败：超时";
      }
      if (t instanceof java.net.ConnectException) {
        return "投递失败：连接被拒绝";
      }
      if (t instanceof javax.net.ssl.SSLException) {
        return "投递失败：TLS 握手失败";
      }
      if (t instanceof java.net.UnknownHostException) {
        return "投递失败：无法解析主机";
      }
    }
    return "投递失败：网络错误";
  }

  private void failed(Due delivery, Integer code, String error) {
    int attempts = delivery.attempts() + 1;
    if (attempts >= properties.getMaxAttempts()) {
      finish(delivery, "FAILED", code, error);
    } else {
      Duration wait = properties.getRetryInitial().multipliedBy(1L << (attempts - 1));
      jdbc.update(
          "UPDATE webhook_delivery SET attempts = ?, last_status = ?, last_error = ?,"
              + " next_attempt_at = ? WHERE id = ?",
          attempts,
          code,
          truncate(error),
          Timestamp.from(clock.instant().plus(wait)),
          bytes(delivery.id()));
    }
    jdbc.update(
        "UPDATE webhook_subscription SET consecutive_failures = consecutive_failures + 1,"
            + " status = CASE WHEN consecutive_failures >= ? THEN 'DISABLED' ELSE status END"
            + " WHERE id = ?",
        properties.getDisableAfter(),
        bytes(delivery.subscriptionId()));
    log.warn("webhook delivery {} failed (attempt {}): {}", delivery.id(), attempts, error);
  }

  private void finish(Due delivery, String status, Integer code, String error) {
    jdbc.update(
        "UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, last_status = ?,"
            + " last_error = ?, delivered_at = CASE WHEN ? = 'DELIVERED' THEN ? ELSE NULL END"
            + " WHERE id = ?",
        status,
        code,
        truncate(error),
        status,
        Timestamp.from(clock.instant()),
        bytes(delivery.id()));
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 500 ? text : text.substring(0, 500);
  }
}
