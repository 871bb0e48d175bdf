package cn.dangjian.member.discipline;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.alert.AlertChanged;
import cn.dangjian.events.orglife.AppraisalGraded;
import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.events.ProcessedEvents;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * member-service's only consumer: what opens the 不合格党员组织处置 procedure (BH) for a member — a 不合格
 * grade in the democratic appraisal (orglife.events), or six months without organisational life or
 * without dues, i.e. alert-service raising MEMBER_ABSENT_ORG_LIFE or DUES_ARREARS at its 严重 level
 * (alert.events; 6 months by default, configurable there). Each event once (its id stored in the
 * same transaction), other types skipped, failures retried and then parked on the DLT.
 */
@Component
class TriggerEventsConsumer {

  static final String CONSUMER = "member-unqualified-triggers";

  /** The alert rules whose 严重 level is a trigger, and which trigger it is. */
  static final Map<String, UnqualifiedTrigger> ALERT_TRIGGERS =
      Map.of(
          "MEMBER_ABSENT_ORG_LIFE", UnqualifiedTrigger.ABSENT_SIX_MONTHS,
          "DUES_ARREARS", UnqualifiedTrigger.ARREARS_SIX_MONTHS);

  private static final Logger log = LoggerFactory.getLogger(TriggerEventsConsumer.class);

  private final EventEnvelopeReader reader;
  private final ProcessedEvents processed;
  private final UnqualifiedCases cases;
  private final TransactionTemplate transactions;

  TriggerEventsConsumer(
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
      id = "member-service-unqualified-triggers",
      topics = {Topics.ORGLIFE_EVENTS, Topics.ALERT_EVENTS},
      groupId = "member-service-unqualified-triggers")
  public void onRecord(ConsumerRecord<String, byte[]> record) {
    EventEnvelope<JsonNode> envelope = reader.read(record);
    transactions.executeWithoutResult(status -> apply(envelope));
  }

  void apply(EventEnvelope<JsonNode> envelope) {
    String type = envelope.type();
    boolean relevant =
        EventTypes.ORGLIFE_APPRAISAL_GRADED.equals(type)
            || EventTypes.ALERT_RAISED.equals(type)
            || EventTypes.ALERT_CHANGED.equals(type);
    if (!relevant || !processed.markFirstTime(envelope.eventId(), CONSUMER, type)) {
      return;
    }
    if (EventTypes.ORGLIFE_APPRAISAL_GRADED.equals(type)) {
      AppraisalGraded e = reader.payload(envelope, AppraisalGraded.class);
      if ("UNQUALIFIED".equals(e.grade())
          && cases.openTriggered(
              e.memberId(),
              UnqualifiedTrigger.UNQUALIFIED_GRADE,
              "APPRAISAL-" + e.year(),
              e.year() + "年度民主评议被评定为不合格（评议 " + e.appraisalId() + "），请支委会研究提出处置意见")) {
        log.info("不合格 grade {} of member {}: handling procedure opened", e.year(), e.memberId());
      }
      return;
    }
    AlertChanged e = reader.payload(envelope, AlertChanged.class);
    UnqualifiedTrigger trigger = ALERT_TRIGGERS.get(e.ruleId());
    if (trigger != null
        && "MEMBER".equals(e.subjectType())
        && "SERIOUS".equals(e.severity())
        && cases.openTriggered(
            e.subjectId(),
            trigger,
            "ALERT-" + e.alertId(),
            trigger.label() + "（预警 " + e.alertId() + "：" + e.title() + "），请支委会研究提出处置意见")) {
      log.info("{} of member {}: handling procedure opened", e.ruleId(), e.subjectId());
    }
  }
}
