package cn.dangjian.alert.push;

import java.time.Duration;
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

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }
}
