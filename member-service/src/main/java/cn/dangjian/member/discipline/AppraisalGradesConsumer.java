package cn.dangjian.member.discipline;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.orglife.AppraisalGraded;
import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.events.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * orglife.events → member-service's only consumer: a 不合格 grade in the democratic appraisal opens
 * the 不合格党员组织处置 procedure for the member (DOMAIN §4.2: education first, then BH). Each event once
 * (its id stored in the same transaction), other types skipped, failures retried and then parked on
 * the DLT by the platform's error handler.
 */
@Component
class AppraisalGradesConsumer {

  static final String CONSUMER = "member-appraisals";

  private static final Logger log = LoggerFactory.getLogger(AppraisalGradesConsumer.class);

  private final EventEnvelopeReader reader;
  private final ProcessedEvents processed;
  private final UnqualifiedCases cases;
  private final TransactionTemplate transactions;

  AppraisalGradesConsumer(
      EventEnvelopeReader reader,
      ProcessedEvents processed,
      UnqualifiedCases cases,
      PlatformTransactionManager transactionManager) {
    this.reader = reader;
    this.processed = processed;
    this.cases = cases;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @KafkaListener(
      id = "member-service-appraisals",
      topics = Topics.ORGLIFE_EVENTS,
      groupId = "member-service-appraisals")
  public void onRecord(ConsumerRecord<String, byte[]> record) {
    EventEnvelope<JsonNode> envelope = reader.read(record);
    transactions.executeWithoutResult(status -> apply(envelope));
  }

  void apply(EventEnvelope<JsonNode> envelope) {
    if (!EventTypes.ORGLIFE_APPRAISAL_GRADED.equals(envelope.type())
        || !processed.markFirstTime(envelope.eventId(), CONSUMER, envelope.type())) {
      return;
    }
    AppraisalGraded e = reader.payload(envelope, AppraisalGraded.class);
    if ("UNQUALIFIED".equals(e.grade())
        && cases.openFromAppraisal(e.memberId(), e.appraisalId(), e.year())) {
      log.info("不合格 grade {} of member {}: handling procedure opened", e.year(), e.memberId());
    }
  }
}
