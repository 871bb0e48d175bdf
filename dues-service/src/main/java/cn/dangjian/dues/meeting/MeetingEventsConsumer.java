package cn.dangjian.dues.meeting;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.orglife.MeetingPlanned;
import cn.dangjian.events.orglife.MeetingRecordChanged;
import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.events.PoisonEventException;
import cn.dangjian.platform.events.ProcessedEvents;
import java.time.Clock;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * orglife.events → {@code dues_meeting}: the meetings a spending decision may cite. Each event once
 * (its id stored with its effect), other types skipped, a record that is no envelope or lacks the
 * meeting's org parked on the DLT by the platform's error handler.
 */
@Component
public class MeetingEventsConsumer {

  static final String CONSUMER = "dues-meetings";

  static final Set<String> RECORDS =
      Set.of(
          EventTypes.ORGLIFE_MEETING_HELD,
          EventTypes.ORGLIFE_MEETING_SUBMITTED,
          EventTypes.ORGLIFE_MEETING_APPROVED,
          EventTypes.ORGLIFE_MEETING_RETURNED,
          EventTypes.ORGLIFE_MEETING_CORRECTED);

  private final EventEnvelopeReader reader;
  private final ProcessedEvents processed;
  private final MeetingStore meetings;
  private final TransactionTemplate transactions;
  private final Clock clock;

  MeetingEventsConsumer(
      EventEnvelopeReader reader,
      ProcessedEvents processed,
      MeetingStore meetings,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.reader = reader;
    this.processed = processed;
    this.meetings = meetings;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  @KafkaListener(
      id = "dues-service-meetings",
      topics = Topics.ORGLIFE_EVENTS,
      groupId = "dues-service-meetings")
  public void onRecord(ConsumerRecord<String, byte[]> record) {
    EventEnvelope<JsonNode> envelope = reader.read(record);
    // the effect and the processed mark commit together
    transactions.executeWithoutResult(status -> apply(envelope));
  }

  /** Applies one envelope (also what tests and replays call); in the caller's transaction. */
  public void apply(EventEnvelope<JsonNode> envelope) {
    String type = envelope.type();
    boolean relevant = RECORDS.contains(type) || EventTypes.ORGLIFE_MEETING_CANCELLED.equals(type);
    if (!relevant || !processed.markFirstTime(envelope.eventId(), CONSUMER, type)) {
      return;
    }
    if (EventTypes.ORGLIFE_MEETING_CANCELLED.equals(type)) {
      MeetingPlanned e = reader.payload(envelope, MeetingPlanned.class);
      if (e.meetingId() == null || e.orgId() == null || e.meetingType() == null) {
        throw new PoisonEventException("meeting-cancelled without meeting, org or type");
      }
      meetings.cancel(e.meetingId(), e.orgId(), e.meetingType(), e.heldOn(), clock.instant());
      return;
    }
    MeetingRecordChanged e = reader.payload(envelope, MeetingRecordChanged.class);
    if (e.meetingId() == null || e.orgId() == null || e.meetingType() == null) {
      throw new PoisonEventException(type + " without meeting, org or type");
    }
    meetings.save(
        e.meetingId(),
        e.orgId(),
        e.meetingType(),
        e.heldOn(),
        e.status() == null ? "HELD" : e.status(),
        e.recordVersion(),
        clock.instant());
  }
}
