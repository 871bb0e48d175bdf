package cn.dangjian.alert.push;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery: retries with exponential backoff plus jitter, then give up; disable a failing
 * endpoint.
 *
 * @param retryInitial wait before the first retry; doubles each time (up to {@code retryMax})
 * @param maxAttempts attempts per delivery before it is given up
 * @param disableAfter consecutive failed attempts after which a subscription is disabled
 * @param pollInterval how often due deliveries are looked for
 * @param timeout connect and response timeout of one attempt
 * @param allowInsecureHttp plain http targets; off: https only (tests and devstack with local
 *     receivers turn it on)
 * @param allowedAddresses IP addresses allowed although not public (e.g. {@code 127.0.0.1} for a
 *     local receiver in tests or devstack); empty by default
 * @param secretKey Base64 AES key (16/24/32 bytes) that encrypts webhook secrets at rest (key id
 *     "default")
 * @param secretKeys more keys by key id, for rotation: new secrets use {@code currentKeyId}
 * @param currentKeyId the key new secrets are sealed with; may be omitted when there is one key
 * @param retryMax the longest wait between two attempts, before jitter
 * @param retryJitter random extra wait, as a fraction of the wait (0.25: up to a quarter more)
 */
@ConfigurationProperties("dangjian.alerts.webhooks")
public record WebhookProperties(
    @DefaultValue("30s") Duration retryInitial,
    @DefaultValue("6") int maxAttempts,
    @DefaultValue("10") int disableAfter,
    @DefaultValue("5s") Duration pollInterval,
    @DefaultValue("5s") Duration timeout,
    @DefaultValue("false") boolean allowInsecureHttp,
    List<String> allowedAddresses,
    @DefaultValue("") String secretKey,
    Map<String, String> secretKeys,
    String currentKeyId,
    @DefaultValue("1h") Duration retryMax,
    @DefaultValue("0.25") double retryJitter) {

  public WebhookProperties {
    allowedAddresses = allowedAddresses == null ? List.of() : List.copyOf(allowedAddresses);
    secretKeys = secretKeys == null ? Map.of() : Map.copyOf(secretKeys);
  }
}
