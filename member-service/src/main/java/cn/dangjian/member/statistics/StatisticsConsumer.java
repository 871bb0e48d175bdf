package cn.dangjian.member.statistics;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.events.ProcessedEvents;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every topic into the statistics read model, a poll at a time in one transaction (a busy month end
 * writes thousands of figure changes at once, netted). One listener thread: the roll-up rows of the
 * upper levels are shared by every event, so parallel writers would only wait for each other. If a
 * poll fails it is applied again one record at a time, and the culprit alone is retried and then
 * parked on the DLT. A rebuild starts the group at the beginning of every topic (replay).
 */
@Component
class StatisticsConsumer implements ConsumerSeekAware {

  static final String CONSUMER = "member-statistics";
  static final String LISTENER_ID = "member-service-statistics";

  private final EventEnvelopeReader reader;
  private final ProcessedEvents processed;
  private final ReadModelStore store;
  private final MemberFactsApplier memberFacts;
  private final ActivityFactsApplier activityFacts;
  private final TransactionTemplate transactions;
  private final AtomicBoolean replayRequested = new AtomicBoolean();

  StatisticsConsumer(
      EventEnvelopeReader reader,
      ProcessedEvents processed,
      ReadModelStore store,
      MemberFactsApplier memberFacts,
      ActivityFactsApplier activityFacts,
      PlatformTransactionManager transactionManager) {
    this.reader = reader;
    this.processed = processed;
    this.store = store;
    this.memberFacts = memberFacts;
    this.activityFacts = activityFacts;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @KafkaListener(
      id = LISTENER_ID,
      topics = {
        Topics.MEMBER_EVENTS,
        Topics.DUES_EVENTS,
        Topics.ORGLIFE_EVENTS,
        Topics.ALERT_EVENTS,
        Topics.ASSESSMENT_EVENTS
      },
      groupId = "member-service-statistics",
      concurrency = "1",
      batch = "true",
      // bigger polls net more: the upper levels' rows are written once per poll
      properties = "max.poll.records=${dangjian.statistics.max-poll-records:2000}")
  public void onRecords(List<ConsumerRecord<String, byte[]>> records) {
    try {
      transactions.executeWithoutResult(
          status -> applyAll(records.stream().map(reader::read).toList()));
    } catch (RuntimeException batchFailed) {
      for (int i = 0; i < records.size(); i++) {
        ConsumerRecord<String, byte[]> record = records.get(i);
        try {
          transactions.executeWithoutResult(status -> applyAll(List.of(reader.read(record))));
        } catch (RuntimeException e) {
          throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e, i);
        }
      }
    }
  }

  /** Applies envelopes in order (what the listener, tests and tools call, in a transaction). */
  void applyAll(List<EventEnvelope<JsonNode>> envelopes) {
    List<EventEnvelope<JsonNode>> fresh = processed.markFirstTime(envelopes, CONSUMER);
    if (fresh.isEmpty()) {
      return;
    }
    ReadModelBatch batch = new ReadModelBatch(store);
    Set<UUID> members = new HashSet<>();
    Set<UUID> orgs = new HashSet<>();
    for (EventEnvelope<JsonNode> e : fresh) {
      UUID subject = uuidOrNull(e.subjectId());
      if (subject != null && e.type().startsWith("member.")) {
        members.add(subject);
      } else if (subject != null && MemberFactsApplier.isOrgEvent(e.type())) {
        orgs.add(subject);
      }
    }
    batch.preload(members, orgs);
    List<String> pending = new ArrayList<>();
    for (EventEnvelope<JsonNode> e : fresh) {
      if (e.type().equals(EventTypes.MEMBER_REGISTERED)) {
        pending.add(MemberFactsApplier.PENDING_MEMBER + e.subjectId());
      } else if (e.type().equals(EventTypes.ORG_CREATED)) {
        pending.add(MemberFactsApplier.PENDING_ORG + e.subjectId());
      }
    }
    batch.preloadSeen(pending);
    for (EventEnvelope<JsonNode> e : fresh) {
      if (e.type().startsWith("member.") || MemberFactsApplier.isOrgEvent(e.type())) {
        memberFacts.apply(batch, e);
      } else {
        activityFacts.apply(batch, e);
      }
    }
    batch.flush();
    store.applied(fresh.size(), fresh.get(fresh.size() - 1).occurredAt());
  }

  private static @Nullable UUID uuidOrNull(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException notAnId) {
      return null;
    }
  }

  /** The next assignment starts every partition from the beginning (after a reset). */
  void replayFromTheBeginning() {
    replayRequested.set(true);
  }

  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    if (replayRequested.getAndSet(false)) {
      callback.seekToBeginning(assignments.keySet());
    }
  }
}
