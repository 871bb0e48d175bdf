package cn.dangjian.alert.evaluation;

import cn.dangjian.alert.catalogue.SubjectType;
import cn.dangjian.alert.handling.AlertEngine;
import cn.dangjian.alert.handling.Subject;
import cn.dangjian.alert.rules.EventRules;
import cn.dangjian.alert.rules.Outcome;
import cn.dangjian.events.assessment.AccountabilityTriggered;
import cn.dangjian.events.member.ElectionHeld;
import cn.dangjian.events.orglife.RecordFlagged;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Alerts whose occurrence is an event: the event's rule (EventRules) decides the finding, the
 * engine raises or refreshes it for the org, like every other outcome.
 */
@Service
public class Occurrences {

  private final EventRules rules;
  private final AlertEngine engine;
  private final MemberProjection projection;

  Occurrences(EventRules rules, AlertEngine engine, MemberProjection projection) {
    this.rules = rules;
    this.engine = engine;
    this.projection = projection;
  }

  public void recordFlagged(RecordFlagged e, LocalDate today) {
    raise(e.orgId(), rules.recordFlagged(e), today);
  }

  public void accountabilityTriggered(AccountabilityTriggered e, UUID eventId, LocalDate today) {
    raise(e.orgId(), rules.accountabilityTalk(e, eventId, today), today);
  }

  /** An invalid 换届 vote raises ELECTION_INVALID; a valid one of the org resolves it. */
  public void electionHeld(ElectionHeld e, LocalDate today) {
    Outcome outcome = rules.electionInvalid(e);
    if (outcome.finding().isPresent()) {
      raise(e.orgId(), outcome, today);
    } else {
      reconcile(e.orgId(), outcome, today);
    }
  }

  /** A new committee term of the org: an invalid election of it is behind it. */
  public void termStarted(UUID orgId, LocalDate startedOn, LocalDate today) {
    reconcile(orgId, rules.newTermStarted(startedOn), today);
  }

  private void reconcile(UUID orgId, Outcome outcome, LocalDate today) {
    ProjectedOrg org = orgOf(orgId);
    engine.reconcile(
        new Subject(SubjectType.ORG, org.orgId(), org.orgId(), org.path()), outcome, today);
  }

  private void raise(UUID orgId, Outcome outcome, LocalDate today) {
    ProjectedOrg org = orgOf(orgId);
    engine.raise(
        new Subject(SubjectType.ORG, org.orgId(), org.orgId(), org.path()),
        outcome.finding().orElseThrow(),
        today);
  }

  private ProjectedOrg orgOf(UUID orgId) {
    // events of other services can overtake member.events: retry until the org is projected
    return projection
        .org(orgId)
        .orElseThrow(() -> new IllegalStateException("org not projected yet: " + orgId));
  }
}
