package cn.dangjian.alert.evaluation;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.SubjectType;
import cn.dangjian.alert.handling.AlertEngine;
import cn.dangjian.alert.handling.Subject;
import cn.dangjian.alert.rules.CoverageRules;
import cn.dangjian.alert.rules.DuesBaseFacts;
import cn.dangjian.alert.rules.Finding;
import cn.dangjian.alert.rules.LeaderFacts;
import cn.dangjian.alert.rules.LeaderRules;
import cn.dangjian.alert.rules.MeetingGaps;
import cn.dangjian.alert.rules.MemberFacts;
import cn.dangjian.alert.rules.MemberRules;
import cn.dangjian.alert.rules.MobileFacts;
import cn.dangjian.alert.rules.MobileMemberRules;
import cn.dangjian.alert.rules.OrgFacts;
import cn.dangjian.alert.rules.OrgRules;
import cn.dangjian.alert.rules.Outcome;
import cn.dangjian.alert.rules.PendingApproval;
import cn.dangjian.alert.rules.TalkFacts;
import cn.dangjian.alert.state.ApprovalStore;
import cn.dangjian.alert.state.LeaderStore;
import cn.dangjian.alert.state.StateStore;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates every rule for a member or an org as of a date and reconciles the alerts — right after
 * an event changed the facts (as of today) and in the sweep (as of the sweep's date, in chunks that
 * only touch alerts that change).
 */
@Service
public class Evaluator {

  private final StateStore store;
  private final MemberRules memberRules;
  private final MobileMemberRules mobileRules;
  private final OrgRules orgRules;
  private final MeetingGaps meetingGaps;
  private final AlertEngine engine;
  private final EvaluationQueries queries;
  private final EntityManager entityManager;
  private final ApprovalStore approvals;
  private final LeaderRules leaderRules;
  private final CoverageRules coverageRules;
  private final LeaderStore leaders;

  Evaluator(
      StateStore store,
      MemberRules memberRules,
      MobileMemberRules mobileRules,
      OrgRules orgRules,
      MeetingGaps meetingGaps,
      AlertEngine engine,
      EvaluationQueries queries,
      EntityManager entityManager,
      ApprovalStore approvals,
      LeaderRules leaderRules,
      CoverageRules coverageRules,
      LeaderStore leaders) {
    this.store = store;
    this.memberRules = memberRules;
    this.mobileRules = mobileRules;
    this.orgRules = orgRules;
    this.meetingGaps = meetingGaps;
    this.engine = engine;
    this.queries = queries;
    this.entityManager = entityManager;
    this.approvals = approvals;
    this.leaderRules = leaderRules;
    this.coverageRules = coverageRules;
    this.leaders = leaders;
  }

  /**
   * Every JPA query flushes the persistence context first and checks every entity in it, so a chunk
   * that raises thousands of alerts would slow down quadratically: write out and forget what is
   * done every so often.
   */
  private void compact(int done) {
    if (done % 100 == 0) {
      entityManager.flush();
      entityManager.clear();
    }
  }

  @Transactional
  public Tally member(UUID memberId, LocalDate asOf) {
    Tally tally = new Tally();
    store.member(memberId).ifPresent(m -> evaluateMembers(List.of(m), asOf, tally, false));
    return tally;
  }

  @Transactional
  public Tally org(UUID orgId, LocalDate asOf) {
    Tally tally = new Tally();
    store.org(orgId).ifPresent(o -> evaluateOrgs(List.of(o), asOf, tally, false));
    return tally;
  }

  /** One sweep chunk of members: only outcomes that hold or meet an active alert touch alerts. */
  @Transactional
  public void members(List<MemberFacts> chunk, LocalDate asOf, Tally tally) {
    evaluateMembers(chunk, asOf, tally, true);
  }

  @Transactional
  public void orgs(List<OrgFacts> chunk, LocalDate asOf, Tally tally) {
    evaluateOrgs(chunk, asOf, tally, true);
  }

  /**
   * @param skipUnchanged in sweeps, leave alone an active alert whose period, severity and texts
   *     the evaluation would not change (most of them, most days)
   */
  private void evaluateMembers(
      List<MemberFacts> chunk, LocalDate asOf, Tally tally, boolean skipUnchanged) {
    Map<String, EvaluationQueries.ActiveAlert> active =
        queries.activeAlerts(chunk.stream().map(MemberFacts::memberId).toList());
    Map<UUID, MobileFacts> mobile =
        queries.mobile(chunk.stream().map(MemberFacts::memberId).toList());
    Map<UUID, LeaderFacts> leaderFacts =
        leaders.leaders(chunk.stream().map(MemberFacts::memberId).toList());
    int done = 0;
    for (MemberFacts m : chunk) {
      Subject subject = new Subject(SubjectType.MEMBER, m.memberId(), m.orgId(), m.orgPath());
      List<Outcome> outcomes = new ArrayList<>(memberRules.evaluate(m, asOf));
      outcomes.addAll(
          leaderRules.evaluate(m, leaderFacts.getOrDefault(m.memberId(), LeaderFacts.NONE), asOf));
      for (Outcome outcome : outcomes) {
        apply(subject, outcome, asOf, active, tally, skipUnchanged);
      }
      MobileFacts certificate = mobile.get(m.memberId());
      if (certificate != null) {
        // a member off the register or with a transfer under way is no longer the certificate's
        MobileFacts facts =
            m.onRegister() && m.transferId() == null
                ? certificate
                : new MobileFacts(
                    certificate.memberId(),
                    certificate.certificateId(),
                    certificate.hostOrgId(),
                    m.onRegister() ? certificate.status() : "CLOSED",
                    certificate.fixedPlace(),
                    certificate.awaySince(),
                    certificate.issuedOn(),
                    certificate.validUntil(),
                    certificate.lastReportedOn(),
                    m.transferId() != null);
        for (Outcome outcome : mobileRules.evaluate(facts, m.orgType(), asOf)) {
          apply(subject, outcome, asOf, active, tally, skipUnchanged);
        }
      }
      compact(++done);
    }
  }

  private void evaluateOrgs(
      List<OrgFacts> chunk, LocalDate asOf, Tally tally, boolean skipUnchanged) {
    List<UUID> ids = chunk.stream().map(OrgFacts::orgId).toList();
    Map<String, EvaluationQueries.ActiveAlert> active = queries.activeAlerts(ids);
    Map<UUID, Map<String, List<LocalDate>>> meetings =
        queries.meetingsSince(ids, MeetingGaps.lookbackStart(asOf));
    Map<UUID, List<PendingApproval>> pending = approvals.pendingFor(ids);
    // loaded only in their season (Q4; after Q1): out of it the rules only clear
    Map<UUID, TalkFacts> talks =
        coverageRules.talkCoverageInSeason(asOf)
            ? leaders.talkFacts(ids, asOf.getYear())
            : Map.of();
    Map<UUID, DuesBaseFacts> dues =
        coverageRules.duesBaseInSeason(asOf) ? leaders.duesBase(ids, asOf.getYear()) : Map.of();
    int done = 0;
    for (OrgFacts o : chunk) {
      Subject subject = new Subject(SubjectType.ORG, o.orgId(), o.orgId(), o.orgPath());
      List<Outcome> outcomes = new ArrayList<>();
      outcomes.add(orgRules.committeeTerm(o, asOf));
      outcomes.add(orgRules.secretaryVacant(o, asOf));
      outcomes.addAll(meetingGaps.evaluate(o, asOf, meetings.getOrDefault(o.orgId(), Map.of())));
      outcomes.add(
          coverageRules.talkCoverage(
              o, asOf, talks.getOrDefault(o.orgId(), new TalkFacts(Set.of(), Set.of(), Set.of()))));
      outcomes.add(
          coverageRules.duesBase(o, asOf, dues.getOrDefault(o.orgId(), DuesBaseFacts.NONE)));
      for (Outcome outcome : outcomes) {
        apply(subject, outcome, asOf, active, tally, skipUnchanged);
      }
      List<Finding> overdue =
          orgRules.overdueApprovals(pending.getOrDefault(o.orgId(), List.of()), asOf);
      if (!overdue.isEmpty()
          || active.containsKey(RuleCatalogue.APPROVAL_OVERDUE + "|" + o.orgId())) {
        engine
            .reconcileSet(subject, RuleCatalogue.APPROVAL_OVERDUE, overdue, Map.of(), asOf)
            .forEach(tally::add);
      }
      List<Finding> structure =
          orgRules.structure(o).stream().map(out -> out.finding().orElseThrow()).toList();
      boolean structureActive =
          active.containsKey(RuleCatalogue.STRUCTURE_WARNING + "|" + o.orgId());
      if (!structure.isEmpty() || structureActive) {
        engine
            .reconcileSet(subject, RuleCatalogue.STRUCTURE_WARNING, structure, Map.of(), asOf)
            .forEach(tally::add);
      }
      compact(++done);
    }
  }

  private void apply(
      Subject subject,
      Outcome outcome,
      LocalDate asOf,
      Map<String, EvaluationQueries.ActiveAlert> active,
      Tally tally,
      boolean skipUnchanged) {
    EvaluationQueries.ActiveAlert current = active.get(outcome.ruleId() + "|" + subject.id());
    if (outcome.finding().isEmpty()) {
      if (current != null) {
        tally.add(engine.reconcile(subject, outcome, asOf));
      }
      return;
    }
    Finding finding = outcome.finding().get();
    if (current == null) {
      tally.add(engine.raiseWithoutActive(subject, finding, asOf));
      return;
    }
    boolean unchanged =
        skipUnchanged
            && current != null
            && current.periodKey().equals(finding.periodKey())
            && current.severity().equals(finding.severity().name())
            && current.title().equals(engine.titleOf(finding, current.deadline()))
            && current.suggestion().equals(engine.suggestionOf(finding, current.deadline()));
    if (!unchanged) {
      tally.add(engine.reconcile(subject, outcome, asOf));
    }
  }
}
