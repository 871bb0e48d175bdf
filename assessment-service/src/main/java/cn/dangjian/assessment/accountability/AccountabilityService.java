package cn.dangjian.assessment.accountability;

import cn.dangjian.assessment.Access;
import cn.dangjian.assessment.AssessmentProperties;
import cn.dangjian.assessment.accountability.AccountabilityStore.Candidate;
import cn.dangjian.assessment.accountability.AccountabilityViews.Case;
import cn.dangjian.assessment.cycle.Cycle;
import cn.dangjian.assessment.cycle.CycleKind;
import cn.dangjian.assessment.cycle.ResultsPublished;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.assessment.AccountabilityTriggered;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 连续两年排名靠后 → 提醒谈话、限期整改: after an annual cycle is published, each org in its peer group's bottom
 * band that was also there in the previous years' annual cycles gets a case and an {@code
 * assessment.accountability-triggered} event; the talk and the outcome are recorded here.
 */
@Service
public class AccountabilityService {

  public static final String TALK_DUE = "TALK_DUE";
  public static final String RECTIFYING = "RECTIFYING";
  public static final String CLOSED = "CLOSED";

  private final AccountabilityStore store;
  private final Access access;
  private final DomainEventPublisher events;
  private final AssessmentProperties properties;
  private final Clock clock;

  AccountabilityService(
      AccountabilityStore store,
      Access access,
      DomainEventPublisher events,
      AssessmentProperties properties,
      Clock clock) {
    this.store = store;
    this.access = access;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Runs in the publishing transaction (a synchronous listener); a re-publication adds only cases
   * not yet opened.
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void afterPublication(ResultsPublished published) {
    Cycle cycle = published.cycle();
    if (cycle.kind() != CycleKind.ANNUAL) {
      return; // 连续两年: annual cycles only
    }
    int needed = Math.max(2, properties.accountabilityYears());
    LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
    Terms terms =
        new Terms(
            today.plusDays(properties.talkWithinDays()),
            today.plusDays(properties.rectifyWithinDays()),
            // alert-service writes "排在后{band}": the band itself is "10%"
            cycle.bottomPercent().stripTrailingZeros().toPlainString() + "%");
    for (Candidate c : store.bottomWithoutCase(cycle.id())) {
      open(cycle, c, needed, terms);
    }
  }

  /** The same for every case a publication opens. */
  private record Terms(LocalDate talkBy, LocalDate rectifyBy, String band) {}

  /** Opens a case when the org was in the bottom band of enough consecutive years' cycles. */
  private void open(Cycle cycle, Candidate c, int needed, Terms terms) {
    // walk back year by year through published annual cycles in which the org was at the bottom
    int years = 1;
    UUID previous = null;
    while (true) {
      Optional<UUID> earlier = store.bottomAnnualCycle(c.orgId(), cycle.year() - years);
      if (earlier.isEmpty()) {
        break;
      }
      if (previous == null) {
        previous = earlier.get();
      }
      years++;
    }
    if (years < needed) {
      return;
    }
    String band = terms.band();
    UUID id = UuidV7.next();
    String detail =
        (cycle.year() - years + 1)
            + "—"
            + cycle.year()
            + "年度考核连续"
            + years
            + "年位于同类组织后"
            + band
            + "，启动提醒谈话、限期整改程序（"
            + c.name()
            + "）";
    store.insert(
        id,
        c,
        cycle.id(),
        previous,
        years,
        band,
        terms.talkBy(),
        terms.rectifyBy(),
        clock.instant());
    events.publish(
        EventTypes.ASSESSMENT_ACCOUNTABILITY_TRIGGERED,
        c.orgId().toString(),
        c.path(),
        new AccountabilityTriggered(
            id,
            c.orgId(),
            cycle.id(),
            previous,
            years,
            band,
            terms.talkBy(),
            terms.rectifyBy(),
            detail));
  }

  @Transactional(readOnly = true)
  public List<Case> list(UUID orgId) {
    DataScope scope = access.scope();
    if (orgId != null) {
      return store.under(access.orgInScope(orgId).path());
    }
    return switch (scope.kind()) {
      case ALL -> store.under(null);
      case SUBTREE -> store.under(scope.pathPrefix());
      default -> List.of();
    };
  }

  @Transactional(readOnly = true)
  public Case get(UUID id) {
    DataScope scope = access.scope();
    return store
        .find(id)
        .filter(c -> scope.coversPath(c.orgPath()))
        .map(AccountabilityStore.Located::value)
        .orElseThrow(() -> ProblemException.notFound("accountability.not-found", id));
  }

  /** The reminder talk was held: who talked, when, what was said. */
  @Transactional
  public Case talk(UUID id, long expected, LocalDate heldOn, String by, String record) {
    Case c = locked(id, expected);
    if (!TALK_DUE.equals(c.status())) {
      throw ProblemException.businessRule("talk-already-recorded", "accountability.rule.talk-done");
    }
    if (heldOn.isAfter(LocalDate.now(clock.withZone(properties.zone())))) {
      throw ProblemException.businessRule("talk-not-in-future", "accountability.rule.talk-future");
    }
    store.recordTalk(id, heldOn, by, record);
    return get(id);
  }

  /** The rectification was checked: rectified (销号) or not. */
  @Transactional
  public Case outcome(UUID id, long expected, String outcome, LocalDate on, String note) {
    Case c = locked(id, expected);
    if (!RECTIFYING.equals(c.status())) {
      throw ProblemException.businessRule(
          "outcome-after-talk", "accountability.rule.outcome-after-talk");
    }
    store.recordOutcome(id, outcome, on, note);
    return get(id);
  }

  private Case locked(UUID id, long expected) {
    Case c = get(id);
    access.orgAssessedByCaller(c.orgId()); // the talk is held from above, not by the org itself
    store.lock(id);
    Case current = get(id);
    if (current.version() != expected) {
      throw ProblemException.preconditionFailed();
    }
    return c;
  }
}
