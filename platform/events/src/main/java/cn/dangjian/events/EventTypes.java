package cn.dangjian.events;

import cn.dangjian.events.alert.AlertChanged;
import cn.dangjian.events.assessment.AccountabilityTriggered;
import cn.dangjian.events.assessment.CyclePublished;
import cn.dangjian.events.assessment.PointsAwarded;
import cn.dangjian.events.assessment.TaskOverdue;
import cn.dangjian.events.dues.ArrearsChanged;
import cn.dangjian.events.dues.BaseAssessed;
import cn.dangjian.events.dues.BillsIssued;
import cn.dangjian.events.dues.DuesPaid;
import cn.dangjian.events.dues.LedgerPublished;
import cn.dangjian.events.dues.PaymentReversed;
import cn.dangjian.events.jobs.JobChanged;
import cn.dangjian.events.member.ApprovalChanged;
import cn.dangjian.events.member.CommitteeChanged;
import cn.dangjian.events.member.CommunityServiceRecorded;
import cn.dangjian.events.member.DevelopmentStepRecorded;
import cn.dangjian.events.member.ElectionHeld;
import cn.dangjian.events.member.MemberClassified;
import cn.dangjian.events.member.MemberFlagChanged;
import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.member.MemberStatusChanged;
import cn.dangjian.events.member.MemberUpdated;
import cn.dangjian.events.member.MobileCertificateChanged;
import cn.dangjian.events.member.OrgClassified;
import cn.dangjian.events.member.OrgCreated;
import cn.dangjian.events.member.OrgDissolved;
import cn.dangjian.events.member.OrgMoved;
import cn.dangjian.events.member.OrgRenamed;
import cn.dangjian.events.member.OrgStructureChecked;
import cn.dangjian.events.member.SanctionChanged;
import cn.dangjian.events.member.TransferChanged;
import cn.dangjian.events.orglife.AppraisalGraded;
import cn.dangjian.events.orglife.MeetingPlanned;
import cn.dangjian.events.orglife.MeetingRecordChanged;
import cn.dangjian.events.orglife.RecordFlagged;
import cn.dangjian.events.orglife.TalkRecorded;
import cn.dangjian.events.orglife.TrainingCredited;
import java.util.Map;
import java.util.Optional;

/**
 * Registry of every published event type with its current schema version and payload record. A
 * breaking change is a new type; compatible growth (new optional fields) bumps nothing.
 */
public final class EventTypes {

  public static final String ORG_CREATED = "org.created";
  public static final String ORG_RENAMED = "org.renamed";
  public static final String MEMBER_REGISTERED = "member.registered";
  public static final String MEMBER_UPDATED = "member.updated";
  public static final String MEMBER_CLASSIFIED = "member.classified";
  public static final String ORG_CLASSIFIED = "org.classified";
  public static final String MEMBER_STATUS_CHANGED = "member.status-changed";
  public static final String MEMBER_FLAG_CHANGED = "member.flag-changed";
  public static final String ORG_MOVED = "org.moved";
  public static final String ORG_DISSOLVED = "org.dissolved";
  public static final String ORG_STRUCTURE_CHANGED = "org.structure-changed";
  public static final String COMMITTEE_CHANGED = "committee.changed";
  public static final String COMMITTEE_ELECTION_HELD = "committee.election-held";
  public static final String MEMBER_DEVELOPMENT_STEP = "member.development-step";
  public static final String MEMBER_TRANSFER_CHANGED = "member.transfer-changed";
  public static final String MEMBER_APPROVAL_CHANGED = "member.approval-changed";
  public static final String MEMBER_SANCTION_CHANGED = "member.sanction-changed";
  public static final String MEMBER_MOBILE_CHANGED = "member.mobile-changed";
  public static final String MEMBER_COMMUNITY_SERVICE_RECORDED =
      "member.community-service-recorded";

  // alert-service (alert.events)
  public static final String ALERT_RAISED = "alert.raised";
  public static final String ALERT_CHANGED = "alert.changed";
  public static final String ALERT_RESOLVED = "alert.resolved";
  // Jobs: each service's on its own topic, one payload
  public static final String MEMBER_JOB_CHANGED = "member.job-changed";
  public static final String DUES_JOB_CHANGED = "dues.job-changed";
  public static final String ASSESSMENT_JOB_CHANGED = "assessment.job-changed";
  public static final String ALERT_JOB_CHANGED = "alert.job-changed";

  // dues-service (dues.events)
  public static final String DUES_BILL_ISSUED = "dues.bill.issued";
  public static final String DUES_PAID = "dues.paid";
  public static final String DUES_PAYMENT_REVERSED = "dues.payment.reversed";
  public static final String DUES_ARREARS_CHANGED = "dues.arrears.changed";
  public static final String DUES_LEDGER_PUBLISHED = "dues.ledger-published";
  public static final String DUES_BASE_ASSESSED = "dues.base-assessed";

  // org-life-service (orglife.events)
  public static final String ORGLIFE_MEETING_PLANNED = "orglife.meeting-planned";
  public static final String ORGLIFE_MEETING_CANCELLED = "orglife.meeting-cancelled";
  public static final String ORGLIFE_MEETING_HELD = "orglife.meeting-held";
  public static final String ORGLIFE_MEETING_SUBMITTED = "orglife.meeting-submitted";
  public static final String ORGLIFE_MEETING_APPROVED = "orglife.meeting-approved";
  public static final String ORGLIFE_MEETING_RETURNED = "orglife.meeting-returned";
  public static final String ORGLIFE_MEETING_CORRECTED = "orglife.meeting-corrected";
  public static final String ORGLIFE_RECORD_FLAGGED = "orglife.record-flagged";
  public static final String ORGLIFE_APPRAISAL_GRADED = "orglife.appraisal-graded";
  public static final String ORGLIFE_TALK_RECORDED = "orglife.talk-recorded";
  public static final String ORGLIFE_TRAINING_CREDITED = "orglife.training-credited";

  // assessment-service (assessment.events)
  public static final String ASSESSMENT_CYCLE_PUBLISHED = "assessment.cycle-published";
  public static final String ASSESSMENT_ACCOUNTABILITY_TRIGGERED =
      "assessment.accountability-triggered";
  public static final String ASSESSMENT_TASK_OVERDUE = "assessment.task-overdue";
  public static final String ASSESSMENT_POINTS_AWARDED = "assessment.points-awarded";

  /** One published type: its name, current version, payload record and topic. */
  public record Definition(String type, int version, Class<?> payloadType, String topic) {}

  private static final Map<String, Definition> DEFINITIONS =
      Map.ofEntries(
          define(ORG_CREATED, 1, OrgCreated.class, Topics.MEMBER_EVENTS),
          define(ORG_RENAMED, 1, OrgRenamed.class, Topics.MEMBER_EVENTS),
          define(MEMBER_REGISTERED, 1, MemberRegistered.class, Topics.MEMBER_EVENTS),
          define(MEMBER_UPDATED, 1, MemberUpdated.class, Topics.MEMBER_EVENTS),
          define(MEMBER_CLASSIFIED, 1, MemberClassified.class, Topics.MEMBER_EVENTS),
          define(ORG_CLASSIFIED, 1, OrgClassified.class, Topics.MEMBER_EVENTS),
          define(MEMBER_STATUS_CHANGED, 1, MemberStatusChanged.class, Topics.MEMBER_EVENTS),
          define(MEMBER_FLAG_CHANGED, 1, MemberFlagChanged.class, Topics.MEMBER_EVENTS),
          define(ORG_MOVED, 1, OrgMoved.class, Topics.MEMBER_EVENTS),
          define(ORG_DISSOLVED, 1, OrgDissolved.class, Topics.MEMBER_EVENTS),
          define(ORG_STRUCTURE_CHANGED, 1, OrgStructureChecked.class, Topics.MEMBER_EVENTS),
          define(COMMITTEE_CHANGED, 1, CommitteeChanged.class, Topics.MEMBER_EVENTS),
          define(COMMITTEE_ELECTION_HELD, 1, ElectionHeld.class, Topics.MEMBER_EVENTS),
          define(MEMBER_DEVELOPMENT_STEP, 1, DevelopmentStepRecorded.class, Topics.MEMBER_EVENTS),
          define(MEMBER_TRANSFER_CHANGED, 1, TransferChanged.class, Topics.MEMBER_EVENTS),
          define(MEMBER_APPROVAL_CHANGED, 1, ApprovalChanged.class, Topics.MEMBER_EVENTS),
          define(MEMBER_SANCTION_CHANGED, 1, SanctionChanged.class, Topics.MEMBER_EVENTS),
          define(MEMBER_MOBILE_CHANGED, 1, MobileCertificateChanged.class, Topics.MEMBER_EVENTS),
          define(
              MEMBER_COMMUNITY_SERVICE_RECORDED,
              1,
              CommunityServiceRecorded.class,
              Topics.MEMBER_EVENTS),
          define(ALERT_RAISED, 1, AlertChanged.class, Topics.ALERT_EVENTS),
          define(ALERT_CHANGED, 1, AlertChanged.class, Topics.ALERT_EVENTS),
          define(ALERT_RESOLVED, 1, AlertChanged.class, Topics.ALERT_EVENTS),
          define(MEMBER_JOB_CHANGED, 1, JobChanged.class, Topics.MEMBER_EVENTS),
          define(DUES_JOB_CHANGED, 1, JobChanged.class, Topics.DUES_EVENTS),
          define(ASSESSMENT_JOB_CHANGED, 1, JobChanged.class, Topics.ASSESSMENT_EVENTS),
          define(ALERT_JOB_CHANGED, 1, JobChanged.class, Topics.ALERT_EVENTS),
          define(DUES_BILL_ISSUED, 1, BillsIssued.class, Topics.DUES_EVENTS),
          define(DUES_PAID, 1, DuesPaid.class, Topics.DUES_EVENTS),
          define(DUES_PAYMENT_REVERSED, 1, PaymentReversed.class, Topics.DUES_EVENTS),
          define(DUES_ARREARS_CHANGED, 1, ArrearsChanged.class, Topics.DUES_EVENTS),
          define(DUES_LEDGER_PUBLISHED, 1, LedgerPublished.class, Topics.DUES_EVENTS),
          define(DUES_BASE_ASSESSED, 1, BaseAssessed.class, Topics.DUES_EVENTS),
          define(ORGLIFE_MEETING_PLANNED, 1, MeetingPlanned.class, Topics.ORGLIFE_EVENTS),
          define(ORGLIFE_MEETING_CANCELLED, 1, MeetingPlanned.class, Topics.ORGLIFE_EVENTS),
          define(ORGLIFE_MEETING_HELD, 1, MeetingRecordChanged.class, Topics.ORGLIFE_EVENTS),
          define(ORGLIFE_MEETING_SUBMITTED, 1, MeetingRecordChanged.class, Topics.ORGLIFE_EVENTS),
          define(ORGLIFE_MEETING_APPROVED, 1, MeetingRecordChanged.class, Topics.ORGLIFE_EVENTS),
          define(ORGLIFE_MEETING_RETURNED, 1, MeetingRecordChanged.class, Topics.ORGLIFE_EVENTS),
          define(ORGLIFE_MEETING_CORRECTED, 1, MeetingRecordChanged.class, Topics.ORGLIFE_EVENTS),
          define(ORGLIFE_RECORD_FLAGGED, 1, RecordFlagged.class, Topics.ORGLIFE_EVENTS),
          define(ORGLIFE_APPRAISAL_GRADED, 1, AppraisalGraded.class, Topics.ORGLIFE_EVENTS),
          define(ORGLIFE_TALK_RECORDED, 1, TalkRecorded.class, Topics.ORGLIFE_EVENTS),
          define(ORGLIFE_TRAINING_CREDITED, 1, TrainingCredited.class, Topics.ORGLIFE_EVENTS),
          define(ASSESSMENT_CYCLE_PUBLISHED, 1, CyclePublished.class, Topics.ASSESSMENT_EVENTS),
          define(
              ASSESSMENT_ACCOUNTABILITY_TRIGGERED,
              1,
              AccountabilityTriggered.class,
              Topics.ASSESSMENT_EVENTS),
          define(ASSESSMENT_TASK_OVERDUE, 1, TaskOverdue.class, Topics.ASSESSMENT_EVENTS),
          define(ASSESSMENT_POINTS_AWARDED, 1, PointsAwarded.class, Topics.ASSESSMENT_EVENTS));

  private static Map.Entry<String, Definition> define(
      String type, int version, Class<?> payload, String topic) {
    return Map.entry(type, new Definition(type, version, payload, topic));
  }

  private EventTypes() {}

  public static Optional<Definition> find(String type) {
    return Optional.ofNullable(DEFINITIONS.get(type));
  }

  public static Map<String, Definition> all() {
    return DEFINITIONS;
  }
}
