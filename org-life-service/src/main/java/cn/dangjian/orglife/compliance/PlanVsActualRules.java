package cn.dangjian.orglife.compliance;

import cn.dangjian.orglife.compliance.ComplianceRules.UnitStatus;
import cn.dangjian.orglife.compliance.ComplianceViews.OrgGap;
import cn.dangjian.orglife.compliance.ComplianceViews.OrgPlan;
import cn.dangjian.orglife.compliance.ComplianceViews.PlanItem;
import cn.dangjian.orglife.compliance.ComplianceViews.Requirement;
import cn.dangjian.orglife.compliance.ComplianceViews.Summary;
import cn.dangjian.orglife.compliance.ComplianceViews.TypeSummary;
import cn.dangjian.platform.projection.ProjectedOrg;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Plan vs actual (DOMAIN.md §4.1), computed from what the stores read: per requirement and period
 * unit what was due, met, missing or still open — for one org from its meetings, for a subtree from
 * the count of approved meetings. No Spring.
 */
final class PlanVsActualRules {

  /** Orgs with gaps listed in a summary; the rest are only counted. */
  static final int MAX_GAPS = 200;

  /** Held but not (yet) approved: the review is still to come, or the record went back. */
  private static final Set<String> PENDING = Set.of("HELD", "SUBMITTED", "RETURNED");

  private PlanVsActualRules() {}

  /** A recorded meeting of one org as plan vs actual sees it. */
  record HeldMeeting(UUID id, String meetingType, String status, LocalDate heldOn) {}

  /** The dates the meetings or counts of a period are read between. */
  record Span(LocalDate from, LocalDate to) {}

  /** The enabled requirements per org type. */
  static Map<String, List<Requirement>> activeByOrgType(List<Requirement> all) {
    Map<String, List<Requirement>> result = new HashMap<>();
    for (Requirement r : all) {
      if (r.enabled()) {
        result.computeIfAbsent(r.orgType(), k -> new ArrayList<>()).add(r);
      }
    }
    return result;
  }

  /** The requirements an org owes, given its reported committee seats (null: never reported). */
  static List<Requirement> applicable(List<Requirement> requirements, Integer committeeSeats) {
    return requirements.stream()
        .filter(r -> ComplianceRules.applies(r.meetingType(), committeeSeats))
        .toList();
  }

  /**
   * The period widened to whole units of every requirement: a year requirement seen from a month
   * reads the whole year.
   */
  static Span span(Period period, Collection<Requirement> requirements) {
    LocalDate from = period.from();
    LocalDate to = period.to();
    for (Requirement r : requirements) {
      List<Period> units = period.unitsOf(r.unit());
      if (units.get(0).from().isBefore(from)) {
        from = units.get(0).from();
      }
      LocalDate last = units.get(units.size() - 1).to();
      if (last.isAfter(to)) {
        to = last;
      }
    }
    return new Span(from, to);
  }

  // --- one org

  /**
   * One org's plan: an item per requirement and unit; approved meetings meet it, pending ones are
   * listed but do not count.
   */
  static OrgPlan plan(
      ProjectedOrg org,
      Period period,
      LocalDate today,
      List<Requirement> requirements,
      List<HeldMeeting> held) {
    List<PlanItem> items = new ArrayList<>();
    for (Requirement r : requirements) {
      for (Period u : period.unitsOf(r.unit())) {
        items.add(item(r, u, held, today));
      }
    }
    int met = count(items, UnitStatus.MET);
    int missing = count(items, UnitStatus.MISSING);
    int open = count(items, UnitStatus.OPEN);
    return new OrgPlan(
        org.orgId(),
        org.name(),
        org.orgType(),
        period.label(),
        today,
        met + missing + open,
        met,
        missing,
        open,
        items);
  }

  private static PlanItem item(
      Requirement r, Period unit, List<HeldMeeting> held, LocalDate today) {
    List<UUID> approved = new ArrayList<>();
    List<UUID> pending = new ArrayList<>();
    for (HeldMeeting m : held) {
      if (m.meetingType().equals(r.meetingType()) && unit.contains(m.heldOn())) {
        if (PENDING.contains(m.status())) {
          pending.add(m.id());
        } else {
          approved.add(m.id());
        }
      }
    }
    return new PlanItem(
        r.meetingType(),
        r.unit(),
        unit.label(),
        unit.from(),
        unit.to(),
        r.minCount(),
        approved.size(),
        pending.size(),
        ComplianceRules.status(unit, approved.size(), r.minCount(), today),
        approved,
        pending);
  }

  private static int count(List<PlanItem> items, UnitStatus status) {
    return (int) items.stream().filter(i -> i.status() == status).count();
  }

  // --- a subtree

  /**
   * A subtree's summary: every org under the root that is not dissolved and has requirements, its
   * units against the approved counts; orgs with missing units are gaps, most missing first.
   *
   * @param counts approved meetings: org → meeting type → month (yyyymm) → count
   * @param seats committee seats per org as member-service reported them
   */
  static Summary summary(
      ProjectedOrg root,
      Period period,
      LocalDate today,
      Map<String, List<Requirement>> requirements,
      List<ProjectedOrg> under,
      Map<UUID, Map<String, Map<Integer, Integer>>> counts,
      Map<UUID, Integer> seats) {
    List<ProjectedOrg> orgs =
        under.stream()
            .filter(o -> !o.dissolved() && requirements.containsKey(o.orgType()))
            .toList();
    SubtreeTally tally = new SubtreeTally(period, today);
    List<OrgGap> gaps = new ArrayList<>();
    for (ProjectedOrg o : orgs) {
      List<String> missing =
          tally.org(
              requirements.get(o.orgType()),
              counts.getOrDefault(o.orgId(), Map.of()),
              seats.get(o.orgId()));
      if (!missing.isEmpty()) {
        gaps.add(new OrgGap(o.orgId(), o.name(), o.orgType(), missing));
      }
    }
    gaps.sort(
        Comparator.comparingInt((OrgGap g) -> -g.missing().size()).thenComparing(OrgGap::orgName));
    List<TypeSummary> types = tally.types();
    long due = types.stream().mapToLong(TypeSummary::due).sum();
    long met = types.stream().mapToLong(TypeSummary::met).sum();
    return new Summary(
        root.orgId(),
        period.label(),
        period.from(),
        period.to(),
        today,
        orgs.size(),
        orgs.size() - gaps.size(),
        due,
        met,
        types.stream().mapToLong(TypeSummary::missing).sum(),
        types.stream().mapToLong(TypeSummary::open).sum(),
        ComplianceRules.rate(met, due),
        types,
        gaps.size() > MAX_GAPS ? List.copyOf(gaps.subList(0, MAX_GAPS)) : gaps,
        gaps.size());
  }

  /** Units per meeting type across the orgs of a subtree, in the order the types were first met. */
  private static final class SubtreeTally {

    private final Period period;
    private final LocalDate today;
    private final Map<String, TypeTally> byType = new LinkedHashMap<>();
    private final Map<PeriodUnit, List<Period>> units = new EnumMap<>(PeriodUnit.class);

    SubtreeTally(Period period, LocalDate today) {
      this.period = period;
      this.today = today;
    }

    /** Adds one org's units; returns its missing ones as "TYPE unit". */
    List<String> org(
        List<Requirement> requirements,
        Map<String, Map<Integer, Integer>> approved,
        Integer committeeSeats) {
      List<String> missing = new ArrayList<>();
      for (Requirement r : applicable(requirements, committeeSeats)) {
        TypeTally t = byType.computeIfAbsent(r.meetingType(), k -> new TypeTally(r.unit()));
        t.orgs++;
        Map<Integer, Integer> months = approved.getOrDefault(r.meetingType(), Map.of());
        for (Period u : units.computeIfAbsent(r.unit(), period::unitsOf)) {
          UnitStatus s = ComplianceRules.status(u, heldIn(u, months), r.minCount(), today);
          t.add(s);
          if (s == UnitStatus.MISSING) {
            missing.add(r.meetingType() + " " + u.label());
          }
        }
      }
      return missing;
    }

    List<TypeSummary> types() {
      List<TypeSummary> types = new ArrayList<>();
      byType.forEach(
          (type, t) ->
              types.add(
                  new TypeSummary(
                      type,
                      t.unit,
                      t.orgs,
                      t.due,
                      t.met,
                      t.missing,
                      t.open,
                      ComplianceRules.rate(t.met, t.due))));
      return types;
    }

    private static int heldIn(Period unit, Map<Integer, Integer> months) {
      int held = 0;
      for (Map.Entry<Integer, Integer> e : months.entrySet()) {
        if (e.getKey() >= unit.fromMonth() && e.getKey() <= unit.toMonth()) {
          held += e.getValue();
        }
      }
      return held;
    }
  }

  /** One meeting type's units; due is met + missing + open (a unit not started is not due). */
  private static final class TypeTally {

    private final PeriodUnit unit;
    private int orgs;
    private long due;
    private long met;
    private long missing;
    private long open;

    TypeTally(PeriodUnit unit) {
      this.unit = unit;
    }

    void add(UnitStatus s) {
      switch (s) {
        case MET -> met++;
        case MISSING -> missing++;
        case OPEN -> open++;
        case NOT_DUE -> {
          return;
        }
      }
      due++;
    }
  }
}
