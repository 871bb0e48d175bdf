package cn.dangjian.alert.notification;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.alert.AlertChanged;
import cn.dangjian.events.assessment.CyclePublished;
import cn.dangjian.events.dues.ArrearsChanged;
import cn.dangjian.events.dues.BillsIssued;
import cn.dangjian.events.member.ApprovalChanged;
import cn.dangjian.events.member.TransferChanged;
import cn.dangjian.events.orglife.MeetingPlanned;
import cn.dangjian.events.orglife.MeetingRecordChanged;
import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.events.PoisonEventException;
import cn.dangjian.platform.events.ProcessedEvents;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The rules: domain events in (its own consumer group), notifications out. Each event once (its id
 * stored with its notifications), unknown types skipped, poison records to the topic's DLT by the
 * platform's error handler like every consumer here.
 */
@Component
class NotificationEventsConsumer {

  static final String CONSUMER = "notifications";

  private final EventEnvelopeReader reader;
  private final ProcessedEvents processed;
  private final Notifier notifier;
  private final RecipientQueries recipients;
  private final ScheduleStore schedule;
  private final MemberProjection projection;
  private final NotificationSettings settings;
  private final Clock clock;

  NotificationEventsConsumer(
      EventEnvelopeReader reader,
      ProcessedEvents processed,
      Notifier notifier,
      RecipientQueries recipients,
      ScheduleStore schedule,
      MemberProjection projection,
      NotificationSettings settings,
      Clock clock) {
    this.reader = reader;
    this.processed = processed;
    this.notifier = notifier;
    this.recipients = recipients;
    this.schedule = schedule;
    this.projection = projection;
    this.settings = settings;
    this.clock = clock;
  }

  @KafkaListener(
      id = "notifications",
      topics = {
        Topics.MEMBER_EVENTS,
        Topics.DUES_EVENTS,
        Topics.ORGLIFE_EVENTS,
        Topics.ASSESSMENT_EVENTS,
        Topics.ALERT_EVENTS
      },
      groupId = "alert-service-notifications",
      autoStartup = "${dangjian.notifications.enabled:true}")
  @Transactional
  public void onRecord(ConsumerRecord<String, byte[]> record) {
    apply(reader.read(record));
  }

  @Transactional
  public void apply(EventEnvelope<JsonNode> e) {
    if (!processed.markFirstTime(e.eventId(), CONSUMER, e.type())) {
      return;
    }
    switch (e.type()) {
      case EventTypes.ORGLIFE_MEETING_PLANNED ->
          meetingPlanned(e, reader.payload(e, MeetingPlanned.class));
      case EventTypes.ORGLIFE_MEETING_CANCELLED -> {
        MeetingPlanned m = reader.payload(e, MeetingPlanned.class);
        schedule.meetingCancelled(m.meetingId(), m.orgId(), m.meetingType(), m.startsAt());
      }
      case EventTypes.ORGLIFE_MEETING_RETURNED -> {
        MeetingRecordChanged m = reader.payload(e, MeetingRecordChanged.class);
        // the recorder corrects the record; records without one (and older events): the secretary
        notifier.notify(
            NotificationKind.MEETING_RETURNED,
            key(NotificationKind.MEETING_RETURNED, e),
            e.eventId(),
            m.recorderId() != null
                ? List.of(m.recorderId())
                : recipients.secretaryOf(m.orgId()).stream().toList(),
            Map.of(
                "meetingType", Labels.meetingType(m.meetingType()),
                "heldOn", String.valueOf(m.heldOn()),
                "reason", m.reason() == null ? "" : m.reason()),
            "/org-life/meetings/" + m.meetingId());
      }
      case EventTypes.DUES_BILL_ISSUED -> billsIssued(e, reader.payload(e, BillsIssued.class));
      case EventTypes.DUES_ARREARS_CHANGED -> arrears(reader.payload(e, ArrearsChanged.class));
      case EventTypes.MEMBER_TRANSFER_CHANGED ->
          transfer(e, reader.payload(e, TransferChanged.class));
      case EventTypes.MEMBER_APPROVAL_CHANGED ->
          approval(e, reader.payload(e, ApprovalChanged.class));
      case EventTypes.ALERT_RAISED, EventTypes.ALERT_CHANGED ->
          alert(e, reader.payload(e, AlertChanged.class));
      case EventTypes.ASSESSMENT_CYCLE_PUBLISHED -> {
        CyclePublished c = reader.payload(e, CyclePublished.class);
        notifier.notify(
            NotificationKind.ASSESSMENT_PUBLISHED,
            key(NotificationKind.ASSESSMENT_PUBLISHED, e),
            e.eventId(),
            recipients.secretaryOf(c.orgId()).stream().toList(),
            Map.of(
                "cycleName", c.cycleName(),
                "grade", Labels.grade(c.grade()),
                "rank", Integer.toString(c.rank()),
                "peerGroupSize", Integer.toString(c.peerGroupSize())),
            "/assessments/cycles/" + c.cycleId());
      }
      default -> {
        // nothing a member is told about
      }
    }
  }

  private void meetingPlanned(EventEnvelope<JsonNode> e, MeetingPlanned m) {
    if (m.meetingId() == null || m.orgId() == null || m.startsAt() == null) {
      throw new PoisonEventException(
          "orglife.meeting-planned without meetingId, orgId or startsAt");
    }
    List<UUID> expected = m.expectedMemberIds() == null ? List.of() : m.expectedMemberIds();
    notifier.notify(
        NotificationKind.MEETING_PLANNED,
        "MEETING_PLANNED:" + m.meetingId(),
        e.eventId(),
        expected,
        Labels.meeting(m),
        "/org-life/meetings/" + m.meetingId());
    Instant startsAt = m.startsAt().atZone(settings.policy().zone()).toInstant();
    Instant remindAt = startsAt.minus(settings.properties().reminderBefore());
    // planned inside the reminder window: the notice itself is the reminder (no second message)
    boolean remind = remindAt.isAfter(clock.instant());
    schedule.meetingPlanned(
        m.meetingId(), m.orgId(), m.meetingType(), m.startsAt(), remindAt, remind, expected);
  }

  private void billsIssued(EventEnvelope<JsonNode> e, BillsIssued b) {
    if (b.issued() == 0) {
      return; // a re-run that issued nothing new: nothing new to tell
    }
    String path =
        e.orgPath() != null
            ? e.orgPath()
            : projection.org(b.orgId()).map(ProjectedOrg::path).orElse(null);
    if (path == null) {
      throw new PoisonEventException("dues.bill.issued for an org this service does not know");
    }
    // one notice per member and month, however many runs cover them
    notifier.fanOut(
        NotificationKind.DUES_BILL_ISSUED,
        "DUES_BILL_ISSUED:" + b.month(),
        path,
        Map.of("month", b.month()),
        "/dues/bills?month=" + b.month());
  }

  private void arrears(ArrearsChanged a) {
    int months = a.consecutiveMonths();
    int threshold = months >= 3 ? 3 : months >= 1 ? 1 : 0;
    if (threshold == 0) {
      return;
    }
    // once per threshold per arrears episode (sinceMonth), even when a month is skipped
    notifier.notify(
        NotificationKind.DUES_OVERDUE,
        "DUES_OVERDUE:" + a.memberId() + ":" + a.sinceMonth() + ":" + threshold,
        null,
        List.of(a.memberId()),
        Map.of(
            "months", Integer.toString(months),
            "sinceMonth", String.valueOf(a.sinceMonth()),
            "outstandingYuan", BigDecimal.valueOf(a.outstandingFen(), 2).toPlainString()),
        "/dues/bills");
  }

  private void transfer(EventEnvelope<JsonNode> e, TransferChanged t) {
    NotificationKind kind =
        switch (t.status()) {
          case "IN_TRANSIT" -> NotificationKind.TRANSFER_ISSUED;
          case "RECEIVED" -> NotificationKind.TRANSFER_RECEIVED;
          default -> null;
        };
    if (kind == null) {
      return;
    }
    List<UUID> who = new ArrayList<>();
    who.add(t.memberId());
    who.addAll(recipients.secretariesOf(nonNull(t.fromOrgId(), t.toOrgId())));
    notifier.notify(
        kind,
        kind + ":" + t.transferId(),
        e.eventId(),
        who,
        Map.of(
            "effectiveOn", String.valueOf(t.effectiveOn()),
            "validUntil", String.valueOf(t.validUntil())),
        "/members/transfers/" + t.transferId());
  }

  private void approval(EventEnvelope<JsonNode> e, ApprovalChanged a) {
    // a county 组织部 or 纪委 stage names no org of the tree: no secretary here decides it (the
    // filing branch is not told that a request waits on its own approval)
    if (!"PENDING".equals(a.status()) || a.decidingOrgId() == null) {
      return;
    }
    UUID org = a.decidingOrgId();
    notifier.notify(
        NotificationKind.APPROVAL_WAITING,
        key(NotificationKind.APPROVAL_WAITING, e),
        e.eventId(),
        recipients.secretaryOf(org).stream().toList(),
        Map.of("summary", a.summary(), "dueOn", String.valueOf(a.dueOn())),
        "/approvals/" + a.approvalId());
  }

  private void alert(EventEnvelope<JsonNode> e, AlertChanged a) {
    String link = "/alerts/" + a.alertId();
    Map<String, String> vars =
        Map.of(
            "title", a.title(),
            "deadline", String.valueOf(a.deadline()),
            "severity", Labels.severity(a.severity()));
    if ("RAISED".equals(a.change())) {
      // an overdue approval is already an alert: told once, as what it is
      NotificationKind kind =
          "APPROVAL_OVERDUE".equals(a.ruleId())
              ? NotificationKind.APPROVAL_OVERDUE
              : NotificationKind.ALERT_RAISED;
      notifier.notify(
          kind,
          key(kind, e),
          e.eventId(),
          recipients.secretaryOf(a.assigneeOrgId()).stream().toList(),
          vars,
          link);
    } else if ("ESCALATED".equals(a.change())) {
      notifier.notify(
          NotificationKind.ALERT_ESCALATED,
          key(NotificationKind.ALERT_ESCALATED, e),
          e.eventId(),
          recipients.secretaryOf(a.assigneeOrgId()).stream().toList(),
          vars,
          link);
      UUID previous = Labels.below(e.orgPath(), a.assigneeOrgId());
      notifier.notify(
          NotificationKind.ALERT_OVERDUE,
          key(NotificationKind.ALERT_OVERDUE, e),
          e.eventId(),
          recipients.secretaryOf(previous).stream().toList(),
          vars,
          link);
    }
  }

  private static List<UUID> nonNull(UUID a, UUID b) {
    List<UUID> ids = new ArrayList<>();
    if (a != null) {
      ids.add(a);
    }
    if (b != null) {
      ids.add(b);
    }
    return ids;
  }

  private static String key(NotificationKind kind, EventEnvelope<JsonNode> e) {
    return kind + ":" + e.eventId();
  }
}
