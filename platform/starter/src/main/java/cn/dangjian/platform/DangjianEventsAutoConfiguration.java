package cn.dangjian.platform;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.platform.events.BrokerProbe;
import cn.dangjian.platform.events.CloudEventHeaders;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.events.IncompletePublicationResubmitter;
import cn.dangjian.platform.events.InfrastructureAway;
import cn.dangjian.platform.events.OutboxHousekeeping;
import cn.dangjian.platform.events.OutboxMetrics;
import cn.dangjian.platform.events.PoisonEventException;
import cn.dangjian.platform.events.ProcessedEvents;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The event conventions (ARCHITECTURE.md, Events): envelopes go through Modulith's JPA publication
 * registry to the topic their type is registered on, keyed by subject id; undelivered ones are
 * retried; consumers get idempotency support and a dead-letter topic carrying the reason.
 */
@AutoConfiguration(
    after = DangjianWebAutoConfiguration.class,
    beforeName = {
      "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration",
      // our producer listener replaces Boot's (conditional on none)
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
    })
@EnableConfigurationProperties(DangjianProperties.class)
public class DangjianEventsAutoConfiguration {

  public static final String DLT_REASON_HEADER = "dangjian-dlt-reason";

  @Bean
  DomainEventPublisher domainEventPublisher(
      ApplicationEventPublisher publisher,
      @Value("${spring.application.name}") String source,
      Clock clock) {
    return new DomainEventPublisher(publisher, source, clock);
  }

  @Bean
  EventExternalizationConfiguration dangjianEventExternalization() {
    return EventExternalizationConfiguration.externalizing()
        .select(event -> event instanceof EventEnvelope)
        .routeAll(
            event -> {
              EventEnvelope<?> envelope = (EventEnvelope<?>) event;
              String topic =
                  EventTypes.find(envelope.type())
                      .map(EventTypes.Definition::topic)
                      .orElseThrow(
                          () -> new IllegalStateException("unregistered type " + envelope.type()));
              return RoutingTarget.forTarget(topic).andKey(envelope.subjectId());
            })
        // dangjian-event-* as before, plus the CloudEvents binary-mode headers (ce_*)
        .headers(EventEnvelope.class, CloudEventHeaders::of)
        .build();
  }

  /**
   * KafkaTemplate tags its send observations with the cluster id and asks KafkaAdmin for it under a
   * lock; KafkaAdmin waits its operation timeout (5 s) for the broker each time it does not know
   * the id yet, and a null is not kept. While the broker was down, a service that had not reached
   * it yet sent one event every 5 s. A configured id is never looked up ({@code
   * dangjian.events.kafka-cluster-id}); KafkaAdmin still replaces it with the real one whenever it
   * talks to the broker for topics.
   */
  @Bean
  static BeanPostProcessor kafkaClusterIdWithoutLookup(Environment environment) {
    // bound this early by hand (a BeanPostProcessor comes before the properties bean), with the
    // record's own default
    String clusterId =
        Binder.get(environment)
            .bindOrCreate("dangjian.events", DangjianProperties.Events.class)
            .kafkaClusterId();
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof KafkaAdmin admin && admin.getClusterId() == null) {
          admin.setClusterId(clusterId);
        }
        return bean;
      }
    };
  }

  @Bean
  BrokerProbe brokerProbe(KafkaAdmin kafkaAdmin) {
    return new BrokerProbe(kafkaAdmin.getConfigurationProperties(), Duration.ofSeconds(3));
  }

  /**
   * Boot's logging producer listener, which also tells the broker probe of every acknowledged send:
   * the outbox is resubmitted as soon as the services' own sends get through again.
   */
  @Bean
  ProducerListener<Object, Object> kafkaProducerListener(BrokerProbe brokerProbe) {
    return new LoggingProducerListener<>() {
      @Override
      public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
        brokerProbe.sendAcknowledged();
      }
    };
  }

  @Bean
  IncompletePublicationResubmitter incompletePublicationResubmitter(
      IncompleteEventPublications publications,
      EventSerializer serializer,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      Clock clock,
      DangjianProperties properties,
      BrokerProbe brokerProbe) {
    return new IncompletePublicationResubmitter(
        publications,
        serializer,
        jdbc,
        new TransactionTemplate(transactions),
        clock,
        properties.events().resubmitAfter(),
        brokerProbe);
  }

  @Bean
  OutboxHousekeeping outboxHousekeeping(
      JdbcTemplate jdbc, Clock clock, DangjianProperties properties) {
    return new OutboxHousekeeping(
        jdbc,
        clock,
        properties.events().completedRetention(),
        properties.events().processedRetention());
  }

  // Recurring db-scheduler tasks (the scheduled_tasks table of every servlet service): one replica
  // runs each round, so three replicas do not resubmit or purge three times over.

  @Bean
  RecurringTask<Void> outboxResubmitterTask(
      IncompletePublicationResubmitter resubmitter, DangjianProperties properties) {
    return Tasks.recurring(
            "outbox-resubmitter", FixedDelay.of(properties.events().resubmitInterval()))
        .execute((instance, context) -> resubmitter.resubmitNow());
  }

  @Bean
  RecurringTask<Void> outboxHousekeepingTask(
      OutboxHousekeeping housekeeping, DangjianProperties properties) {
    return Tasks.recurring(
            "outbox-housekeeping", FixedDelay.of(properties.events().housekeepingInterval()))
        .execute((instance, context) -> housekeeping.cleanUpNow());
  }

  @Bean
  OutboxMetrics outboxMetrics(JdbcTemplate jdbc, Clock clock) {
    return new OutboxMetrics(jdbc, clock);
  }

  @Bean
  EventEnvelopeReader eventEnvelopeReader() {
    return new EventEnvelopeReader();
  }

  @Bean
  ProcessedEvents processedEvents(JdbcTemplate jdbc, Clock clock) {
    return new ProcessedEvents(jdbc, clock);
  }

  /**
   * Retries a failing record with backoff, then parks it on {@code <topic>.DLT} with the reason in
   * a header; a poison record (not an envelope) goes there at once, and a record that failed
   * because the database is away is retried until it is back.
   */
  @Bean
  @ConditionalOnMissingBean(CommonErrorHandler.class)
  DefaultErrorHandler dangjianKafkaErrorHandler(
      KafkaOperations<Object, Object> kafka, DangjianProperties properties) {
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            kafka, (record, ex) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
    recoverer.setHeadersFunction(
        (record, ex) -> {
          RecordHeaders headers = new RecordHeaders();
          headers.add(DLT_REASON_HEADER, reason(ex).getBytes(StandardCharsets.UTF_8));
          return headers;
        });
    ExponentialBackOffWithMaxRetries backOff =
        new ExponentialBackOffWithMaxRetries(properties.events().consumerRetries());
    backOff.setInitialInterval(200);
    backOff.setMultiplier(2.0);
    backOff.setMaxInterval(5_000);
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
    handler.addNotRetryableExceptions(PoisonEventException.class);
    // the database away: wait for it (every 5 s at most) instead of parking good records
    handler.setBackOffFunction(
        (record, ex) -> InfrastructureAway.causedThe(ex) ? untilTheInfrastructureIsBack() : null);
    return handler;
  }

  private static ExponentialBackOff untilTheInfrastructureIsBack() {
    ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxInterval(5_000);
    return backOff;
  }

  private static String reason(Exception ex) {
    Throwable root = ex;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      if (root instanceof PoisonEventException) {
        break;
      }
    }
    String message = root.getClass().getSimpleName() + ": " + root.getMessage();
    return message.length() > 1000 ? message.substring(0, 1000) : message;
  }
}
