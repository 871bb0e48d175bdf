package cn.dangjian.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings every service shares, under {@code dangjian.*}.
 *
 * @param web limits on what a request may carry
 * @param events the outbox and the consumers of domain events
 * @param jobs long operations run as jobs
 */
@ConfigurationProperties("dangjian")
public record DangjianProperties(
    @DefaultValue Web web, @DefaultValue Events events, @DefaultValue Jobs jobs) {

  /**
   * @param maxRequestSize largest accepted non-multipart request body
   * @param minYear earliest year a date in a request body may have (older members were born after
   *     1900)
   * @param maxYear latest year a date in a request body may have (effective months, deadlines,
   *     plans)
   */
  public record Web(
      @DefaultValue("1MB") DataSize maxRequestSize,
      @DefaultValue("1900") int minYear,
      @DefaultValue("2099") int maxYear) {}

  /**
   * @param resubmitInterval how often undelivered outbox entries are retried: a failed send is
   *     resent in the first round after the broker answers again
   * @param resubmitAfter an outbox entry whose send started this long ago and never finished is
   *     stuck (its replica died), not in flight
   * @param consumerRetries retries of a failing consumer before the record goes to the DLT; a
   *     record failing because the database is away is retried until it is back, not counted
   * @param completedRetention delivered outbox entries are kept this long (for audits and replays),
   *     then deleted
   * @param housekeepingInterval how often delivered outbox entries and expired idempotency keys are
   *     deleted
   * @param processedRetention a consumer remembers an event it processed this long, then forgets
   *     it. Longer than a topic's retention (Kafka's default 7 days) and the outbox's, so nothing
   *     that can still be redelivered is forgotten.
   * @param kafkaClusterId the cluster id that send observations are tagged with. Configured, so
   *     that no send waits for the broker to tell it (see DangjianEventsAutoConfiguration)
   */
  public record Events(
      @DefaultValue("1s") Duration resubmitInterval,
      @DefaultValue("1m") Duration resubmitAfter,
      @DefaultValue("3") int consumerRetries,
      @DefaultValue("7d") Duration completedRetention,
      @DefaultValue("1h") Duration housekeepingInterval,
      @DefaultValue("30d") Duration processedRetention,
      @DefaultValue("dangjian") String kafkaClusterId) {}

  /**
   * @param path where the service serves its job resources ({@code /api/<area>/jobs}); without it
   *     the service has no job endpoints
   * @param fileRetention how long a job's generated file (an export) can be downloaded
   * @param retention ended jobs are kept this long, then deleted
   * @param housekeepingInterval how often expired files and old jobs are deleted
   * @param events the event type a job's changes are published as ({@code dues.job-changed}), on
   *     the service's topic, for the alert stream to push to whoever started it; none without it
   */
  public record Jobs(
      String path,
      String events,
      @DefaultValue("24h") Duration fileRetention,
      @DefaultValue("30d") Duration retention,
      @DefaultValue("1h") Duration housekeepingInterval) {}
}
