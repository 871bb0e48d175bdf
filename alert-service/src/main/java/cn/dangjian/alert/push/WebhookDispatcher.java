package cn.dangjian.alert.push;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries: each is claimed with a conditional update (so several instances
 * never send the same attempt), signed by Standard Webhooks, sent outside any transaction, and
 * recorded; failures retry with exponential backoff plus jitter, and a subscription that keeps
 * failing is disabled.
 */
@Component
public class WebhookDispatcher {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final DeliveryStore deliveries;
  private final WebhookProperties properties;
  private final Clock clock;
  private final HttpClient http;
  private final WebhookTargets targets;
  private final WebhookSecrets secrets;

  WebhookDispatcher(
      DeliveryStore deliveries,
      WebhookProperties properties,
      Clock clock,
      WebhookTargets targets,
      WebhookSecrets secrets) {
    this.deliveries = deliveries;
    this.properties = properties;
    this.clock = clock;
    this.targets = targets;
    this.secrets = secrets;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.timeout())
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
    for (DeliveryStore.StoredSecret row : deliveries.secrets()) {
      if (!secrets.isStale(row.secret())) {
        continue;
      }
      String stored = row.secret();
      String plain =
          cn.dangjian.platform.crypto.KeyRingCipher.isSealed(stored)
              ? secrets.open(stored, row.id())
              : stored;
      deliveries.replaceSecret(row.id(), stored, secrets.seal(plain, row.id()));
    }
  }

  @Scheduled(fixedDelayString = "${dangjian.alerts.webhooks.poll-interval:5s}")
  public void sendDue() {
    Instant now = clock.instant();
    List<DeliveryStore.Due> due = deliveries.due(now);
    for (DeliveryStore.Due delivery : due) {
      if (claim(delivery, now)) {
        attempt(delivery);
      }
    }
  }

  private boolean claim(DeliveryStore.Due delivery, Instant now) {
    // lease the attempt: nobody else picks it up while it is in flight
    return deliveries.claim(delivery.id(), now, now.plus(properties.timeout().multipliedBy(3)));
  }

  private void attempt(DeliveryStore.Due delivery) {
    String status = deliveries.subscriptionStatus(delivery.subscriptionId());
    if (!"ACTIVE".equals(status)) {
      finish(delivery, "FAILED", null, "投递失败：订阅已停用");
      return;
    }
    // wall time, not the application's clock: receivers refuse a timestamp off their own by minutes
    long timestamp = Instant.now().getEpochSecond();
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
      // Standard Webhooks: one webhook-id per message, the same on every retry and redelivery
      HttpRequest request =
          HttpRequest.newBuilder(target)
              .timeout(properties.timeout())
              .header("Content-Type", "application/json")
              .header("webhook-id", delivery.messageId())
              .header("webhook-timestamp", Long.toString(timestamp))
              .header(
                  "webhook-signature",
                  WebhookSigner.sign(secret, delivery.messageId(), timestamp, delivery.body()))
              .header("X-Dangjian-Event", delivery.eventType())
              .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
              .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      code = response.statusCode();
      if (code >= 200 && code < 300) {
        finish(delivery, "DELIVERED", code, null);
        deliveries.succeeded(delivery.subscriptionId());
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

  private void failed(DeliveryStore.Due delivery, Integer code, String error) {
    int attempts = delivery.attempts() + 1;
    if (attempts >= properties.maxAttempts()) {
      finish(delivery, "FAILED", code, error);
    } else {
      Duration wait =
          WebhookBackoff.delay(
              properties.retryInitial(),
              properties.retryMax(),
              properties.retryJitter(),
              attempts,
              ThreadLocalRandom.current());
      deliveries.retryLater(
          delivery.id(), attempts, code, truncate(error), clock.instant().plus(wait));
    }
    deliveries.failed(delivery.subscriptionId(), properties.disableAfter());
    log.warn("webhook delivery {} failed (attempt {}): {}", delivery.id(), attempts, error);
  }

  private void finish(DeliveryStore.Due delivery, String status, Integer code, String error) {
    deliveries.finish(delivery.id(), status, code, truncate(error), clock.instant());
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 500 ? text : text.substring(0, 500);
  }
}
