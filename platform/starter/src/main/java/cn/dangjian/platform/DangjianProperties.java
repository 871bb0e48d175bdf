package cn.dangjian.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings every service shares, under {@code dangjian.*}. */
@ConfigurationProperties("dangjian")
public class DangjianProperties {

  private final Web web = new Web();
  private final Events events = new Events();

  public Web getWeb() {
    return web;
  }

  public Events getEvents() {
    return events;
  }

  public static class Web {
    /** Largest accepted non-multipart request body. */
    private DataSize maxRequestSize = DataSize.ofMegabytes(1);

    public DataSize getMaxRequestSize() {
      return maxRequestSize;
    }

    public void setMaxRequestSize(DataSize maxRequestSize) {
      this.maxRequestSize = maxRequestSize;
    }

    /** Earliest year a date in a request body may have (older members were born after 1900). */
    private int minYear = 1900;

    /** Latest year a date in a request body may have (effective months, deadlines, plans). */
    private int maxYear = 2099;

    public int getMinYear() {
      return minYear;
    }

    public void setMinYear(int minYear) {
      this.minYear = minYear;
    }

    public int getMaxYear() {
      return maxYear;
    }

    public void setMaxYear(int maxYear) {
      this.maxYear = maxYear;
    }
  }

  public static class Events {
    /** How often undelivered outbox entries are retried. */
    private Duration resubmitInterval = Duration.ofSeconds(30);

    /** Outbox entries younger than this are in flight, not stuck. */
    private Duration resubmitAfter = Duration.ofMinutes(1);

    /** Retries of a failing consumer before the record goes to the DLT. */
    private int consumerRetries = 3;

    /** Delivered outbox entries are kept this long (for audits and replays), then deleted. */
    private Duration completedRetention = Duration.ofDays(7);

    /** How often delivered outbox entries and expired idempotency keys are deleted. */
    private Duration housekeepingInterval = Duration.ofHours(1);

    /**
     * A consumer remembers an event it processed this long, then forgets it. Longer than a topic's
     * retention (Kafka's default 7 days) and the outbox's, so nothing that can still be redelivered
     * is forgotten.
     */
    private Duration processedRetention = Duration.ofDays(30);

    public Duration getProcessedRetention() {
      return processedRetention;
    }

    public void setProcessedRetention(Duration processedRetention) {
      this.processedRetention = processedRetention;
    }

    public Duration getCompletedRetention() {
      return completedRetention;
    }

    public void setCompletedRetention(Duration completedRetention) {
      this.completedRetention = completedRetention;
    }

    public Duration getHousekeepingInterval() {
      return housekeepingInterval;
    }

    public void setHousekeepingInterval(Duration housekeepingInterval) {
      this.housekeepingInterval = housekeepingInterval;
    }

    public Duration getResubmitInterval() {
      return resubmitInterval;
    }

    public void setResubmitInterval(Duration resubmitInterval) {
      this.resubmitInterval = resubmitInterval;
    }

    public Duration getResubmitAfter() {
      return resubmitAfter;
    }

    public void setResubmitAfter(Duration resubmitAfter) {
      this.resubmitAfter = resubmitAfter;
    }

    public int getConsumerRetries() {
      return consumerRetries;
    }

    public void setConsumerRetries(int consumerRetries) {
      this.consumerRetries = consumerRetries;
    }
  }
}
