package cn.dangjian.member.statistics;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.alert.AlertChanged;
import cn.dangjian.events.assessment.CyclePublished;
import cn.dangjian.events.dues.BillsIssued;
import cn.dangjian.events.dues.DuesPaid;
import cn.dangjian.events.dues.PaymentReversed;
import cn.dangjian.events.orglife.MeetingRecordChanged;
import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.time.PartyCalendar;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The other services' topics into activity figures: meetings held (and the branch-months with one,
 * for compliance), dues billed and collected, alerts raised and closed per rule, assessment grades.
 * Each fact counts once however often its record is re-sent (corrections, republications).
 */
@Component
class ActivityFactsApplier {

  private static final Set<String> MEETING_RECORDS =
      Set.of(
          EventTypes.ORGLIFE_MEETING_HELD,
          EventTypes.ORGLIFE_MEETING_SUBMITTED,
          EventTypes.ORGLIFE_MEETING_APPROVED,
          EventTypes.ORGLIFE_MEETING_CORRECTED);

  private static final Set<String> CLOSED_ALERT = Set.of("CLOSED", "RESOLVED", "DISMISSED");

  private final EventEnvelopeReader reader;

  ActivityFactsApplier(EventEnvelopeReader reader) {
    this.reader = reader;
  }

  void apply(ReadModelBatch batch, EventEnvelope<JsonNode> e) {
    String type = e.type();
    if (MEETING_RECORDS.contains(type)) {
      meeting(batch, e, reader.payload(e, MeetingRecordChanged.class));
    } else if (EventTypes.DUES_BILL_ISSUED.equals(type)) {
      BillsIssued p = reader.payload(e, BillsIssued.class);
      String path = pathOf(batch, e, p.orgId());
      if (path != null) {
        batch.count(
            path, "DUES_BILLED_FEN", "ALL", YearMonth.parse(p.month()).atDay(1), p.amountFen());
      }
    } else if (EventTypes.DUES_PAID.equals(type)) {
      DuesPaid p = reader.payload(e, DuesPaid.class);
      String path = pathOf(batch, e, p.orgId());
      if (path != null) {
        batch.remember("pay:" + p.paymentId(), p.billsFen() + "|" + String.join(",", p.months()));
        spread(batch, path, p.months(), p.billsFen(), +1);
      }
    } else if (EventTypes.DUES_PAYMENT_REVERSED.equals(type)) {
      PaymentReversed p = reader.payload(e, PaymentReversed.class);
      String path = pathOf(batch, e, p.orgId());
      String paid = batch.seen("pay:" + p.paymentId());
      if (path != null && paid != null && !paid.isEmpty()) {
        String[] parts = paid.split("\\|", 2);
        spread(batch, path, List.of(parts[1].split(",")), Long.parseLong(parts[0]), -1);
        batch.remember("pay:" + p.paymentId(), "");
      }
    } else if (EventTypes.ALERT_RAISED.equals(type)
        || EventTypes.ALERT_CHANGED.equals(type)
        || EventTypes.ALERT_RESOLVED.equals(type)) {
      alert(batch, e, reader.payload(e, AlertChanged.class));
    } else if (EventTypes.ASSESSMENT_CYCLE_PUBLISHED.equals(type)) {
      grade(batch, e, reader.payload(e, CyclePublished.class));
    }
  }

  private void meeting(ReadModelBatch batch, EventEnvelope<JsonNode> e, MeetingRecordChanged p) {
    if (p.heldOn() == null || "CANCELLED".equals(p.status()) || "PLANNED".equals(p.status())) {
      return;
    }
    String path = pathOf(batch, e, p.orgId());
    if (path == null || batch.seen("meeting:" + p.meetingId()) != null) {
      return;
    }
    batch.remember("meeting:" + p.meetingId(), p.meetingType());
    batch.count(path, "MEETINGS", p.meetingType(), p.heldOn(), 1);
    String branchMonth =
        "bm:" + p.orgId() + ":" + StatRules.month(p.heldOn()) + ":" + p.meetingType();
    if (batch.seen(branchMonth) == null) {
      batch.remember(branchMonth, "");
      batch.count(path, "BRANCH_MEETING_MONTHS", p.meetingType(), p.heldOn(), 1);
    }
  }

  private void alert(ReadModelBatch batch, EventEnvelope<JsonNode> e, AlertChanged p) {
    String path = pathOf(batch, e, p.orgId());
    if (path == null) {
      return;
    }
    LocalDate day = PartyCalendar.dayOf(e.occurredAt());
    String raisedKey = "alert:" + p.alertId();
    if (batch.seen(raisedKey) == null) {
      batch.remember(raisedKey, p.ruleId());
      batch.count(path, "ALERTS_RAISED", p.ruleId(), day, 1);
      batch.branch(p.orgId(), path, 1, null);
    }
    String closedKey = "alert-closed:" + p.alertId();
    if (CLOSED_ALERT.contains(p.status()) && batch.seen(closedKey) == null) {
      batch.remember(closedKey, p.status());
      batch.count(path, "ALERTS_CLOSED", p.ruleId(), day, 1);
      batch.branch(p.orgId(), path, -1, null);
    }
  }

  /** A republication replaces the grade the cycle published for the org before. */
  private void grade(ReadModelBatch batch, EventEnvelope<JsonNode> e, CyclePublished p) {
    String path = pathOf(batch, e, p.orgId());
    if (path == null) {
      return;
    }
    int month = p.quarter() > 0 ? p.quarter() * 3 : 12;
    LocalDate on = YearMonth.of(p.year(), month).atDay(1);
    String key = "grade:" + p.cycleId() + ":" + p.orgId();
    String before = batch.seen(key);
    if (p.grade().equals(before)) {
      return;
    }
    if (before != null && !before.isEmpty()) {
      batch.count(path, "ASSESSMENT_GRADE", before, on, -1);
    }
    batch.remember(key, p.grade());
    batch.count(path, "ASSESSMENT_GRADE", p.grade(), on, 1);
    batch.branch(p.orgId(), path, 0, p.grade());
  }

  /** Bills paid together are spread over their months, the remainder on the first. */
  private static void spread(
      ReadModelBatch batch, String path, List<String> months, long fen, int sign) {
    if (months.isEmpty()) {
      return;
    }
    long each = fen / months.size();
    long first = fen - each * (months.size() - 1);
    for (int i = 0; i < months.size(); i++) {
      LocalDate on = YearMonth.parse(months.get(i)).atDay(1);
      batch.count(path, "DUES_PAID_FEN", "ALL", on, sign * (i == 0 ? first : each));
    }
  }

  private static @Nullable String pathOf(
      ReadModelBatch batch, EventEnvelope<JsonNode> e, UUID orgId) {
    // the envelope names the org's path; the statistics' own org record is the fallback
    if (e.orgPath() != null && e.orgPath().endsWith("/" + orgId + "/")) {
      return e.orgPath();
    }
    OrgState org = batch.org(orgId);
    return org != null ? org.path() : null;
  }
}
