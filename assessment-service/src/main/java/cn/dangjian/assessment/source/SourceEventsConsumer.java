package cn.dangjian.assessment.source;

import cn.dangjian.assessment.AssessmentProperties;
import cn.dangjian.assessment.points.PointsAction;
import cn.dangjian.assessment.points.PointsLedger;
import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.alert.AlertChanged;
import cn.dangjian.events.dues.DuesPaid;
import cn.dangjian.events.dues.PaymentReversed;
import cn.dangjian.events.orglife.MeetingPlanned;
import cn.dangjian.events.orglife.MeetingRecordChanged;
import cn.dangjian.events.orglife.TrainingCredited;
import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.events.ProcessedEvents;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * dues.events, orglife.events and alert.events: the source facts automatic indicators are computed
 * from, and the member points they earn. Each event once (its id stored with its effect), unknown
 * types skipped, failures retried and then parked on the DLT by the platform's error handler.
 */
@Component
public class SourceEventsConsumer {

  static final String CONSUMER = "assessment-sources";

  private static final Set<String> CLOSED = Set.of("CLOSED", "RESOLVED");

  private final EventEnvelopeReader reader;
  private final ProcessedEvents processed;
  private final SourceFactsStore facts;
  private final PointsLedger points;
  private final AssessmentProperties properties;
  private final TransactionTemplate transactions;

  SourceEventsConsumer(
      EventEnvelopeReader reader,
      ProcessedEvents processed,
      SourceFactsStore facts,
      PointsLedger points,
      AssessmentProperties properties,
      PlatformTransactionManager transactionManager) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.reader = reader;
    this.processed = processed;
    this.facts = facts;
    this.points = points;
    this.properties = properties;
  }

  @KafkaListener(
      id = "assessment-sources",
      topics = {Topics.DUES_EVENTS, Topics.ORGLIFE_EVENTS, Topics.ALERT_EVENTS},
      groupId = "assessment-service-sources")
  public void onRecord(ConsumerRecord<String, byte[]> record) {
    EventEnvelope<JsonNode> envelope = reader.read(record);
    // the effect and the processed mark commit together (a call to this bean's own
    // @Transactional method would not start a transaction)
    transactions.executeWithoutResult(status -> apply(envelope));
  }

  void apply(EventEnvelope<JsonNode> envelope) {
    if (!processed.markFirstTime(envelope.eventId(), CONSUMER, envelope.type())) {
      return;
    }
    switch (envelope.type()) {
      case EventTypes.ORGLIFE_MEETING_HELD,
          EventTypes.ORGLIFE_MEETING_SUBMITTED,
          EventTypes.ORGLIFE_MEETING_APPROVED,
          EventTypes.ORGLIFE_MEETING_RETURNED,
          EventTypes.ORGLIFE_MEETING_CORRECTED ->
          meeting(envelope, reader.payload(envelope, MeetingRecordChanged.class));
      case EventTypes.ORGLIFE_MEETING_CANCELLED -> {
        MeetingPlanned e = reader.payload(envelope, MeetingPlanned.class);
        facts.uncountMeeting(e.meetingId());
      }
      case EventTypes.ORGLIFE_TRAINING_CREDITED ->
          training(envelope, reader.payload(envelope, TrainingCredited.class));
      case EventTypes.DUES_PAID -> paid(envelope, reader.payload(envelope, DuesPaid.class));
      case EventTypes.DUES_PAYMENT_REVERSED ->
          reversed(envelope, reader.payload(envelope, PaymentReversed.class));
      case EventTypes.ALERT_RAISED, EventTypes.ALERT_CHANGED, EventTypes.ALERT_RESOLVED ->
          alert(envelope, reader.payload(envelope, AlertChanged.class));
      default -> {
        // plans, flags, talks, appraisals, bills: nothing an indicator or a point reads
      }
    }
  }

  private void meeting(EventEnvelope<JsonNode> envelope, MeetingRecordChanged e) {
    Integer known = facts.meetingVersion(e.meetingId()).orElse(null);
    if (known != null && known > e.recordVersion()) {
      return; // an older version arriving late changes nothing
    }
    boolean counted = e.counts(); // org-life decides what counts and says so in the event
    facts.saveMeeting(
        e.meetingId(), e.orgId(), e.meetingType(), e.heldOn(), counted, e.recordVersion());
    if (!counted) {
      return;
    }
    // points once per meeting and member, whatever corrections follow (source_ref is unique)
    String ref = "meeting:" + e.meetingId();
    if (e.attendeeIds() != null) {
      for (var attendee : e.attendeeIds()) {
        points.award(
            attendee,
            e.orgId(),
            PointsAction.ATTENDANCE,
            BigDecimal.ONE,
            e.heldOn(),
            ref,
            envelope.eventId(),
            e.meetingType());
      }
    }
    if (e.absentees() != null) {
      for (MeetingRecordChanged.Absentee a : e.absentees()) {
        if ("UNEXCUSED".equals(a.reason())) {
          points.award(
              a.memberId(),
              e.orgId(),
              PointsAction.UNEXCUSED_ABSENCE,
              BigDecimal.ONE,
              e.heldOn(),
              ref,
              envelope.eventId(),
              e.meetingType());
        }
      }
    }
  }

  private void training(EventEnvelope<JsonNode> envelope, TrainingCredited e) {
    facts.saveTraining(e.memberId(), e.creditedOn().getYear(), e.orgId(), e.yearTotalHours());
    if (e.creditedHours() != null && e.creditedHours().signum() > 0) {
      points.award(
          e.memberId(),
          e.orgId(),
          PointsAction.TRAINING_HOURS,
          e.creditedHours(),
          e.creditedOn(),
          "training:" + e.recordId(),
          envelope.eventId(),
          e.kind());
    }
  }

  private void paid(EventEnvelope<JsonNode> envelope, DuesPaid e) {
    LocalDate paidOn = e.paidAt().atZone(properties.zone()).toLocalDate();
    YearMonth paidMonth = YearMonth.from(paidOn);
    boolean allOnTime = !e.months().isEmpty();
    for (String month : e.months()) {
      boolean onTime = !YearMonth.parse(month).isBefore(paidMonth);
      allOnTime &= onTime;
      facts.saveDuesMonth(e.memberId(), month, e.orgId(), e.paymentId(), paidOn, onTime);
    }
    if (allOnTime) {
      points.award(
          e.memberId(),
          e.orgId(),
          PointsAction.DUES_ON_TIME,
          BigDecimal.ONE,
          paidOn,
          "payment:" + e.paymentId(),
          envelope.eventId(),
          String.join(",", e.months()));
    }
  }

  private void reversed(EventEnvelope<JsonNode> envelope, PaymentReversed e) {
    facts.deletePayment(e.paymentId());
    points.revoke(
        e.memberId(),
        PointsAction.DUES_ON_TIME,
        "payment:" + e.paymentId(),
        envelope.eventId(),
        e.reversedAt().atZone(properties.zone()).toLocalDate());
  }

  private void alert(EventEnvelope<JsonNode> envelope, AlertChanged e) {
    LocalDate on = envelope.occurredAt().atZone(properties.zone()).toLocalDate();
    boolean closed = CLOSED.contains(e.status());
    facts.saveAlert(e.alertId(), e.orgId(), e.deadline(), e.status(), on, closed ? on : null);
  }
}
