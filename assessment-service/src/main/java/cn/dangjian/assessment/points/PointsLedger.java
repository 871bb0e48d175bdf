package cn.dangjian.assessment.points;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.assessment.PointsAwarded;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the yearly ledger: applies the rule table and the daily caps, skips members of orgs with
 * points switched off, keeps the source of every entry and publishes {@code
 * assessment.points-awarded}.
 */
@Component
public class PointsLedger {

  private final LedgerStore ledger;
  private final PointsStore store;
  private final MemberProjection projection;
  private final PointsSettings settings;
  private final DomainEventPublisher events;
  private final Clock clock;

  PointsLedger(
      LedgerStore ledger,
      PointsStore store,
      MemberProjection projection,
      PointsSettings settings,
      DomainEventPublisher events,
      Clock clock) {
    this.ledger = ledger;
    this.store = store;
    this.projection = projection;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
  }

  /** A rule as stored, with its version (the If-Match of a change). */
  public record Rule(
      PointsAction action,
      String name,
      BigDecimal points,
      String perUnit,
      BigDecimal dailyCap,
      boolean enabled,
      long version) {}

  public Optional<Rule> rule(PointsAction action) {
    return store.rule(action);
  }

  /**
   * Credits an action once per member and source. Returns the entry's points, empty when nothing
   * was written (rule off, points off for the org, cap reached, already credited).
   *
   * @param units 1 for an event rule, hours for an hourly rule
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<BigDecimal> award(
      UUID memberId,
      UUID orgId,
      PointsAction action,
      BigDecimal units,
      LocalDate on,
      String sourceRef,
      UUID sourceEventId,
      String note) {
    Rule rule = rule(action).filter(Rule::enabled).orElse(null);
    if (rule == null) {
      return Optional.empty();
    }
    // another service's event can overtake member.events: retry until the org is projected
    ProjectedOrg org =
        projection
            .org(orgId)
            .orElseThrow(() -> new IllegalStateException("org not projected yet: " + orgId));
    if (!settings.effective(org).pointsEnabled()) {
      return Optional.empty();
    }
    BigDecimal today = ledger.lockedDayTotal(memberId, action, on);
    BigDecimal units1 = "HOUR".equals(rule.perUnit()) ? units : BigDecimal.ONE;
    BigDecimal credit = PointsRules.credit(rule.points(), units1, rule.dailyCap(), today);
    if (credit.signum() == 0) {
      return Optional.empty();
    }
    return write(memberId, org, action, credit, on, sourceRef, sourceEventId, note);
  }

  /** Takes back what a source earned (a reversed payment), once. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void revoke(
      UUID memberId, PointsAction action, String sourceRef, UUID sourceEventId, LocalDate on) {
    ledger
        .earned(memberId, action, sourceRef)
        .ifPresent(
            earned ->
                projection
                    .org(earned.orgId())
                    .ifPresent(
                        org ->
                            write(
                                memberId,
                                org,
                                action,
                                earned.points().negate(),
                                on,
                                "revoked:" + sourceRef,
                                sourceEventId,
                                "撤销")));
  }

  private Optional<BigDecimal> write(
      UUID memberId,
      ProjectedOrg org,
      PointsAction action,
      BigDecimal points,
      LocalDate on,
      String sourceRef,
      UUID sourceEventId,
      String note) {
    UUID id = UuidV7.next();
    String shortNote = note == null || note.length() <= 200 ? note : note.substring(0, 200);
    if (!ledger.insert(
        id,
        memberId,
        org,
        action,
        points,
        on,
        sourceRef,
        sourceEventId,
        shortNote,
        clock.instant())) {
      return Optional.empty(); // this source was credited before
    }
    BigDecimal total = ledger.yearTotal(memberId, on.getYear());
    events.publish(
        EventTypes.ASSESSMENT_POINTS_AWARDED,
        memberId.toString(),
        org.path(),
        new PointsAwarded(
            id,
            memberId,
            org.orgId(),
            action.name(),
            points,
            on.getYear(),
            total,
            sourceEventId,
            on));
    return Optional.of(points);
  }
}
