package cn.dangjian.alert.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Webhook delivery: retries with exponential backoff, then give up; disable a failing endpoint. */
@ConfigurationProperties("dangjian.alerts.webhooks")
public class WebhookProperties {

  /** Wait before the first retry; doubles each time. */
  private Duration retryInitial = Duration.ofSeconds(30);

  /** Attempts per delivery before it is given up. */
  private int maxAttempts = 6;

  /** Consecutive failed attempts after which a subscription is disabled. */
  private int disableAfter = 10;

  /** How often due deliveries are looked for. */
  private Duration pollInterval = Duration.ofSeconds(5);

  /** Connect and response timeout of one attempt. */
  private Duration timeout = Duration.ofSeconds(5);

  /** Plain http targets; off: https only (tests and devstack with local receivers turn it on). */
  private boolean allowInsecureHttp = false;

  /**
   * IP addresses allowed although not public (e.g. {@code 127.0.0.1} for a local receiver in tests
   * or devstack); empty by default.
   */
  private List<String> allowedAddresses = new ArrayList<>();

  /** Base64 AES key (16/24/32 bytes) that encrypts webhook secrets at rest (key id "default"). */
  private String secretKey = "";

  /** More keys by key id, for rotation: new secrets use {@link #currentKeyId}. */
  private java.util.Map<String, String> secretKeys = new java.util.LinkedHashMap<>();

  /** The key new secrets are sealed with; may be omitted when there is one key. */
  private String currentKeyId;

  public java.util.Map<String, String> getSecretKeys() {
    return secretKeys;
  }

  public void setSecretKeys(java.util.Map<String, String> secretKeys) {
    this.secretKeys = secretKeys;
  }

  public String getCurrentKeyId() {
    return currentKeyId;
  }

  public void setCurrentKeyId(String currentKeyId) {
    this.currentKeyId = currentKeyId;
  }

  public Duration getRetryInitial() {
    return retryInitial;
  }

  public void setRetryInitial(Duration retryInitial) {
    this.retryInitial = retryInitial;
  }

  public int getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  public int getDisableAfter() {
    return disableAfter;
  }

  public void setDisableAfter(int disableAfter) {
    this.disableAfter = disableAfter;
  }

  public Duration getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  public boolean isAllowInsecureHttp() {
    return allowInsecureHttp;
  }

  public void setAllowInsecureHttp(boolean allowInsecureHttp) {
    this.allowInsecureHttp = allowInsecureHttp;
  }

  public List<String> getAllowedAddresses() {
    return allowedAddresses;
  }

  public void setAllowedAddresses(List<String> allowedAddresses) {
    this.allowedAddresses = allowedAddresses;
  }

  public String getSecretKey() {
    return secretKey;
  }

  public void setSecretKey(String secretKey) {
    this.secretKey = secretKey;
  }

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }
}
