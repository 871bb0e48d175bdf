package cn.dangjian.assessment.points;

import static cn.dangjian.platform.projection.Uuids.bytes;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.assessment.PointsAwarded;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
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

  private final JdbcTemplate jdbc;
  private final MemberProjection projection;
  private final PointsSettings settings;
  private final DomainEventPublisher events;
  private final Clock clock;

  PointsLedger(
      JdbcTemplate jdbc,
      MemberProjection projection,
      PointsSettings settings,
      DomainEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.projection = projection;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
  }

  /** A rule as stored. */
  public record Rule(
      PointsAction action,
      String name,
      BigDecimal points,
      String perUnit,
      BigDecimal dailyCap,
      boolean enabled) {}

  public Optional<Rule> rule(PointsAction action) {
    return jdbc
        .query(
            "SELECT action, name, points, per_unit, daily_cap, enabled FROM points_rule WHERE"
                + " action = ?",
            (rs, n) ->
                new Rule(
                    PointsAction.valueOf(rs.getString(1)),
                    rs.getString(2),
                    rs.getBigDecimal(3),
                    rs.getString(4),
                    rs.getBigDecimal(5),
                    rs.getBoolean(6)),
            action.name())
        .stream()
        .findFirst();
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
    // serialise one member's entries so two concurrent credits cannot both pass the cap
    jdbc.queryForList(
        "SELECT id FROM points_entry WHERE member_id = ? AND action = ? AND occurred_on = ? FOR"
            + " UPDATE",
        bytes(memberId),
        action.name(),
        on);
    BigDecimal today =
        jdbc.queryForObject(
            "SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE member_id = ? AND action = ?"
                + " AND occurred_on = ?",
            BigDecimal.class,
            bytes(memberId),
            action.name(),
            on);
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
    List<Map<String, Object>> earned =
        jdbc.queryForList(
            "SELECT org_id, points FROM points_entry WHERE member_id = ? AND action = ? AND"
                + " source_ref = ?",
            bytes(memberId),
            action.name(),
            sourceRef);
    if (earned.isEmpty()) {
      return;
    }
    UUID orgId = cn.dangjian.platform.projection.Uuids.uuid((byte[]) earned.get(0).get("org_id"));
    projection
        .org(orgId)
        .ifPresent(
            org ->
                write(
                    memberId,
                    org,
                    action,
                    ((BigDecimal) earned.get(0).get("points")).negate(),
                    on,
                    "revoked:" + sourceRef,
                    sourceEventId,
                    "撤销"));
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
    try {
      jdbc.update(
          "INSERT INTO points_entry (id, member_id, org_id, org_path, points_year, occurred_on,"
              + " action, points, source_ref, source_event_id, note, created_at) VALUES"
              + " (?,?,?,?,?,?,?,?,?,?,?,?)",
          bytes(id),
          bytes(memberId),
          bytes(org.orgId()),
          org.path(),
          on.getYear(),
          on,
          action.name(),
          points,
          sourceRef,
          bytes(sourceEventId),
          note == null || note.length() <= 200 ? note : note.substring(0, 200),
          Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException e) {
      return Optional.empty(); // this source was credited before
    }
    BigDecimal total =
        jdbc.queryForObject(
            "SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE member_id = ? AND points_year"
                + " = ?",
            BigDecimal.class,
            bytes(memberId),
            on.getYear());
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
