package cn.dangjian.alert.intake;

import cn.dangjian.alert.evaluation.Evaluator;
import cn.dangjian.alert.evaluation.Occurrences;
import cn.dangjian.alert.rules.Calendar;
import cn.dangjian.alert.rules.OrgFacts;
import cn.dangjian.alert.state.ApprovalStore;
import cn.dangjian.alert.state.LeaderStore;
import cn.dangjian.alert.state.StateStore;
import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.ApprovalChanged;
import cn.dangjian.events.member.CommitteeChanged;
import cn.dangjian.events.member.DevelopmentStepRecorded;
import cn.dangjian.events.member.ElectionHeld;
import cn.dangjian.events.member.MemberFlagChanged;
import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.member.OrgMoved;
import cn.dangjian.events.member.OrgStructureChecked;
import cn.dangjian.events.member.TransferChanged;
import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.persistence.Uuids;
import cn.dangjian.platform.projection.MemberEventsHook;
import cn.dangjian.platform.projection.MemberProjection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * member.events as alert-service needs them, after the shared projection applied each one (same
 * transaction, once per event): pipeline due dates, flags, transfers, committees and structure into
 * its own state, then the subject's rules are evaluated as of today.
 */
@Component
class MemberEventsReactions implements MemberEventsHook {

  private final EventEnvelopeReader reader;
  private final StateStore store;
  private final ApprovalStore approvals;
  private final Evaluator evaluator;
  private final Occurrences occurrences;
  private final OrgPathStore paths;
  private final LeaderStore leaders;
  private final Clock clock;

  MemberEventsReactions(
      EventEnvelopeReader reader,
      StateStore store,
      ApprovalStore approvals,
      Evaluator evaluator,
      Occurrences occurrences,
      OrgPathStore paths,
      LeaderStore leaders,
      Clock clock) {
    this.reader = reader;
    this.store = store;
    this.approvals = approvals;
    this.evaluator = evaluator;
    this.occurrences = occurrences;
    this.paths = paths;
    this.leaders = leaders;
    this.clock = clock;
  }

  @Override
  public void on(EventEnvelope<JsonNode> envelope) {
    LocalDate today = Calendar.today(clock);
    switch (envelope.type()) {
      case EventTypes.MEMBER_REGISTERED -> {
        MemberRegistered e = reader.payload(envelope, MemberRegistered.class);
        store.memberTracked(
            e.memberId(), LocalDate.ofInstant(envelope.occurredAt(), Calendar.ZONE));
        evaluator.member(e.memberId(), today);
      }
      case EventTypes.MEMBER_DEVELOPMENT_STEP -> {
        DevelopmentStepRecorded e = reader.payload(envelope, DevelopmentStepRecorded.class);
        store.updateMember(
            e.memberId(),
            "last_step = ?, last_step_on = ?, next_step = ?, next_due_on = ?",
            e.step(),
            e.doneOn(),
            e.nextStep(),
            e.nextDueOn());
        evaluator.member(e.memberId(), today);
      }
      case EventTypes.MEMBER_FLAG_CHANGED -> {
        MemberFlagChanged e = reader.payload(envelope, MemberFlagChanged.class);
        String column =
            switch (e.flag()) {
              case "LOST_CONTACT" -> "lost_contact_since";
              case "CORRECTION_PERIOD" -> "correction_ends_on";
              case "DISCIPLINARY_PROBATION" -> "discipline_ends_on";
              default -> null;
            };
        if (column != null) {
          LocalDate value =
              !e.active() ? null : "lost_contact_since".equals(column) ? e.startedOn() : e.endsOn();
          store.updateMember(e.memberId(), column + " = ?", value);
        }
        evaluator.member(e.memberId(), today);
      }
      case EventTypes.MEMBER_TRANSFER_CHANGED -> {
        TransferChanged e = reader.payload(envelope, TransferChanged.class);
        if ("IN_TRANSIT".equals(e.status())) {
          store.updateMember(
              e.memberId(),
              "transfer_id = ?, transfer_since = ?, transfer_valid_until = ?",
              Uuids.bytes(e.transferId()),
              e.effectiveOn(),
              e.validUntil());
        } else if (!"REQUESTED".equals(e.status()) && !"APPROVED_OUT".equals(e.status())) {
          store.updateMember(
              e.memberId(),
              "transfer_id = NULL, transfer_since = NULL, transfer_valid_until = NULL");
        }
        evaluator.member(e.memberId(), today);
      }
      case EventTypes.MEMBER_STATUS_CHANGED,
          EventTypes.MEMBER_UPDATED,
          EventTypes.MEMBER_MOBILE_CHANGED ->
          evaluator.member(UUID.fromString(envelope.subjectId()), today);
      case EventTypes.COMMITTEE_CHANGED -> {
        CommitteeChanged e = reader.payload(envelope, CommitteeChanged.class);
        UUID previousTerm = store.org(e.orgId()).map(OrgFacts::termId).orElse(null);
        store.updateOrg(
            e.orgId(),
            "term_id = ?, term_ends_on = ?, term_due_on = ?, committee_seats = ?,"
                + " secretary_member_id = ?, secretary_vacant_since = ?",
            Uuids.bytes(e.termId()),
            e.termEndsOn(),
            e.dueOn() != null ? e.dueOn() : e.termEndsOn(),
            e.seats(),
            Uuids.bytes(e.secretaryMemberId()),
            e.secretaryVacantSince());
        // who sits on it now and before: their training rules change with their seat
        java.util.Set<UUID> affected =
            leaders.committeeChanged(e.orgId(), e.memberIds(), e.secretarySince());
        if (e.memberIds() != null) {
          affected.addAll(e.memberIds());
        }
        if (e.secretaryMemberId() != null) {
          affected.add(e.secretaryMemberId());
        }
        affected.forEach(member -> evaluator.member(member, today));
        evaluator.org(e.orgId(), today);
        if (e.termId() != null && !e.termId().equals(previousTerm)) {
          occurrences.termStarted(e.orgId(), e.termStartedOn(), today);
        }
      }
      case EventTypes.COMMITTEE_ELECTION_HELD ->
          occurrences.electionHeld(reader.payload(envelope, ElectionHeld.class), today);
      case EventTypes.ORG_STRUCTURE_CHANGED -> {
        OrgStructureChecked e = reader.payload(envelope, OrgStructureChecked.class);
        store.updateOrg(
            e.orgId(),
            "structure_warnings = ?, formal_members = ?, members = ?",
            String.join(",", e.warnings()),
            e.formalMembers(),
            e.members());
        evaluator.org(e.orgId(), today);
      }
      case EventTypes.MEMBER_APPROVAL_CHANGED -> {
        ApprovalChanged e = reader.payload(envelope, ApprovalChanged.class);
        // a request moving from the 党委 to the 纪委 leaves the 党委's to-do list: look at both
        java.util.Optional<UUID> before = approvals.watchedOn(e.approvalId());
        UUID now = approvals.upsert(e);
        before.filter(org -> !org.equals(now)).ifPresent(org -> evaluator.org(org, today));
        evaluator.org(now, today);
      }
      case EventTypes.ORG_MOVED -> moved(reader.payload(envelope, OrgMoved.class));
      case EventTypes.ORG_DISSOLVED -> evaluator.org(UUID.fromString(envelope.subjectId()), today);
      default -> {
        // org.created, org.renamed: the projection is all that changes
      }
    }
  }

  /** Alerts and subscriptions carry org paths for data scope: they move with the subtree. */
  private void moved(OrgMoved e) {
    String pattern = MemberProjection.prefixPattern(e.oldPath());
    int from = e.oldPath().length() + 1;
    paths.moved(e.newPath(), from, pattern);
  }
}
