package cn.dangjian.alert.intake;

import cn.dangjian.alert.evaluation.Evaluator;
import cn.dangjian.alert.evaluation.Occurrences;
import cn.dangjian.alert.evaluation.Tally;
import cn.dangjian.alert.rules.Calendar;
import cn.dangjian.alert.state.LeaderStore;
import cn.dangjian.alert.state.MeetingStore;
import cn.dangjian.alert.state.StateStore;
import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.assessment.AccountabilityTriggered;
import cn.dangjian.events.dues.ArrearsChanged;
import cn.dangjian.events.dues.BaseAssessed;
import cn.dangjian.events.orglife.AppraisalGraded;
import cn.dangjian.events.orglife.MeetingPlanned;
import cn.dangjian.events.orglife.MeetingRecordChanged;
import cn.dangjian.events.orglife.RecordFlagged;
import cn.dangjian.events.orglife.TalkRecorded;
import cn.dangjian.events.orglife.TrainingCredited;
import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.events.PoisonEventException;
import cn.dangjian.platform.events.ProcessedEvents;
import cn.dangjian.platform.projection.MemberProjection;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * dues.events, orglife.events and assessment.events: each event once (its id stored in the
 * transaction of its effect), in order per subject, unknown types skipped, poison to the DLT.
 */
@Component
class DomainEventsConsumer {

  static final String CONSUMER = "alert-domain-events";

  private static final int COMPACT_EVERY = 50;
  private static final int EVALUATION_CHUNK = 500;

  private final EventEnvelopeReader reader;
  private final ProcessedEvents processed;
  private final StateStore store;
  private final Evaluator evaluator;
  private final Occurrences occurrences;
  private final MeetingStore meetings;
  private final LeaderStore leaders;
  private final TransactionTemplate transactions;
  private final EntityManager entityManager;
  private final Clock clock;

  private final MemberProjection projection;

  DomainEventsConsumer(
      EventEnvelopeReader reader,
      ProcessedEvents processed,
      StateStore store,
      Evaluator evaluator,
      Occurrences occurrences,
      MeetingStore meetings,
      LeaderStore leaders,
      PlatformTransactionManager transactionManager,
      EntityManager entityManager,
      MemberProjection projection,
      Clock clock) {
    this.projection = projection;
    this.reader = reader;
    this.processed = processed;
    this.store = store;
    this.evaluator = evaluator;
    this.occurrences = occurrences;
    this.meetings = meetings;
    this.leaders = leaders;
    this.transactions = new TransactionTemplate(transactionManager);
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /**
   * A poll's records in one transaction (one commit instead of one per event, which is what limits
   * a busy month end), and each member or org they touch evaluated once at the end, in bulk, from
   * the facts as they stand then; if any record fails, the poll rolls back and is applied again one
   * record at a time, so the ones before the culprit are kept and the culprit alone goes to the
   * error handler (retried, then the DLT).
   */
  @KafkaListener(
      id = "alert-domain-events",
      topics = {Topics.DUES_EVENTS, Topics.ORGLIFE_EVENTS, Topics.ASSESSMENT_EVENTS},
      groupId = "alert-service-domain-events",
      // one listener thread per core measured best (bench: 2 threads on 2 cores beat 4)
      concurrency = "${dangjian.alerts.consumer-concurrency:2}",
      batch = "true")
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

  @Transactional
  public void apply(EventEnvelope<JsonNode> envelope) {
    applyAll(List.of(envelope));
  }

  @Transactional
  public void applyAll(List<EventEnvelope<JsonNode>> envelopes) {
    LocalDate today = Calendar.today(clock);
    Touched touched = new Touched();
    int done = 0;
    for (EventEnvelope<JsonNode> envelope : processed.markFirstTime(envelopes, CONSUMER)) {
      applyOne(envelope, today, touched);
      if (++done % COMPACT_EVERY == 0) {
        // JPA checks every entity it holds before each query: keep the context small
        entityManager.flush();
        entityManager.clear();
      }
    }
    // only arrears and training columns: no other event of the poll reads or writes them
    store.updateMembers("arrears_months = ?, arrears_since = ?, arrears_fen = ?", touched.arrears);
    store.updateMembers("training_year = ?, training_hours = ?", touched.training);
    for (List<UUID> chunk : chunks(touched.members)) {
      evaluator.members(store.members(chunk), today, new Tally());
    }
    for (List<UUID> chunk : chunks(touched.orgs)) {
      evaluator.orgs(store.orgs(chunk), today, new Tally());
    }
  }

  /** Whom the events of a poll concern: evaluated once each, after all of them are applied. */
  private static final class Touched {
    final Set<UUID> members = new LinkedHashSet<>();
    final Set<UUID> orgs = new LinkedHashSet<>();
    final List<Object[]> arrears = new ArrayList<>();
    final List<Object[]> training = new ArrayList<>();
  }

  private static List<List<UUID>> chunks(Set<UUID> ids) {
    List<UUID> all = new ArrayList<>(ids);
    List<List<UUID>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += EVALUATION_CHUNK) {
      chunks.add(all.subList(from, Math.min(all.size(), from + EVALUATION_CHUNK)));
    }
    return chunks;
  }

  private void applyOne(EventEnvelope<JsonNode> envelope, LocalDate today, Touched touched) {
    switch (envelope.type()) {
      case EventTypes.DUES_ARREARS_CHANGED -> {
        ArrearsChanged e = reader.payload(envelope, ArrearsChanged.class);
        touched.arrears.add(
            new Object[] {e.consecutiveMonths(), e.sinceMonth(), e.outstandingFen(), e.memberId()});
        touched.members.add(e.memberId());
      }
      case EventTypes.ORGLIFE_MEETING_HELD,
          EventTypes.ORGLIFE_MEETING_SUBMITTED,
          EventTypes.ORGLIFE_MEETING_APPROVED,
          EventTypes.ORGLIFE_MEETING_RETURNED,
          EventTypes.ORGLIFE_MEETING_CORRECTED ->
          meeting(reader.payload(envelope, MeetingRecordChanged.class), touched);
      case EventTypes.ORGLIFE_MEETING_CANCELLED -> {
        MeetingPlanned e = reader.payload(envelope, MeetingPlanned.class);
        meetings.cancelled(e.meetingId());
        touched.orgs.add(e.orgId());
      }
      case EventTypes.ORGLIFE_TRAINING_CREDITED -> {
        TrainingCredited e = reader.payload(envelope, TrainingCredited.class);
        touched.training.add(
            new Object[] {e.creditedOn().getYear(), e.yearTotalHours(), e.memberId()});
        leaders.trainingCredited(e.memberId(), e.kind(), e.creditedOn());
        touched.members.add(e.memberId());
      }
      case EventTypes.ORGLIFE_TALK_RECORDED -> {
        TalkRecorded e = reader.payload(envelope, TalkRecorded.class);
        leaders.talkRecorded(e);
        touched.orgs.add(e.orgId());
      }
      case EventTypes.ORGLIFE_APPRAISAL_GRADED -> {
        AppraisalGraded e = reader.payload(envelope, AppraisalGraded.class);
        leaders.appraisalGraded(e);
        touched.orgs.add(e.orgId());
      }
      case EventTypes.DUES_BASE_ASSESSED -> {
        BaseAssessed e = reader.payload(envelope, BaseAssessed.class);
        leaders.duesAssessed(e);
        touched.orgs.add(e.orgId());
      }
      case EventTypes.ORGLIFE_RECORD_FLAGGED ->
          occurrences.recordFlagged(reader.payload(envelope, RecordFlagged.class), today);
      case EventTypes.ASSESSMENT_ACCOUNTABILITY_TRIGGERED -> accountability(envelope, today);
      default -> {
        // bills, payments, plans: nothing a rule reads (yet)
      }
    }
  }

  private void meeting(MeetingRecordChanged e, Touched touched) {
    // org-life decides what counts and says so in the event
    boolean counted = e.counts();
    if (!counted && !"CORRECTED".equals(e.status())) {
      return; // held, submitted, returned: not counted yet
    }
    Integer known = meetings.knownVersion(e.meetingId()).orElse(null);
    if (known != null && known > e.recordVersion()) {
      return; // an older version arriving late changes nothing
    }
    meetings.upsert(e);
    Set<UUID> affected = new HashSet<>();
    meetings.clearAttendance(e.meetingId(), affected);
    List<UUID> attendees = !counted || e.attendeeIds() == null ? List.of() : e.attendeeIds();
    List<MeetingRecordChanged.Absentee> absentees =
        !counted || e.absentees() == null ? List.of() : e.absentees();
    for (UUID attendee : attendees) {
      meetings.attendance(e, attendee, true, null);
      affected.add(attendee);
    }
    // 流动党员 present at their host's meeting attended organisational life (counted once, as
    // themselves; the host's own counts leave them out)
    for (UUID guest : counted ? e.guests() : List.<UUID>of()) {
      meetings.attendance(e, guest, true, null);
      affected.add(guest);
    }
    for (MeetingRecordChanged.Absentee absentee : absentees) {
      // Away with a 活动证: a host in the platform records the attendance itself (guestIds), so
      // the excuse at home is not attendance; a host outside it cannot, so the excuse stands in.
      boolean attendedElsewhere =
          "MOBILE_ELSEWHERE".equals(absentee.reason())
              && projection.hostOf(absentee.memberId(), e.heldOn()).isEmpty();
      meetings.attendance(e, absentee.memberId(), attendedElsewhere, absentee.reason());
      affected.add(absentee.memberId());
    }
    for (UUID member : affected) {
      store.memberTracked(member, e.heldOn());
      store.recomputeAttendance(member);
      touched.members.add(member);
    }
    touched.orgs.add(e.orgId());
  }

  private void accountability(EventEnvelope<JsonNode> envelope, LocalDate today) {
    AccountabilityTriggered e =
        envelope.payload() == null ? null : reader.payload(envelope, AccountabilityTriggered.class);
    if (e == null || e.orgId() == null) {
      throw new PoisonEventException("assessment.accountability-triggered without orgId");
    }
    occurrences.accountabilityTriggered(e, envelope.eventId(), today);
  }
}
