package cn.dangjian.member.statistics;

import cn.dangjian.member.person.Member;
import cn.dangjian.member.person.MemberRepository;
import cn.dangjian.member.statistics.StatisticsScope.OrgRef;
import cn.dangjian.member.statistics.StatisticsViews.ActivityView;
import cn.dangjian.member.statistics.StatisticsViews.FigureGroup;
import cn.dangjian.member.statistics.StatisticsViews.FiguresView;
import cn.dangjian.member.statistics.StatisticsViews.MonthCount;
import cn.dangjian.member.statistics.StatisticsViews.RecordView;
import cn.dangjian.member.statistics.StatisticsViews.RuleAlerts;
import cn.dangjian.member.statistics.StatisticsViews.SeriesView;
import cn.dangjian.member.statistics.StatisticsViews.ValueCount;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.web.PageResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The statistics API's answers, composed from the figures and the records behind them. */
@Service
class StatisticsService {

  /** At most this many months in one period or series. */
  static final int MAX_MONTHS = 120;

  private final FigureQueries figures;
  private final DrillDownQueries drillDown;
  private final StatisticsScope scope;
  private final MemberRepository members;
  private final StatisticsProperties properties;

  StatisticsService(
      FigureQueries figures,
      DrillDownQueries drillDown,
      StatisticsScope scope,
      MemberRepository members,
      StatisticsProperties properties) {
    this.figures = figures;
    this.drillDown = drillDown;
    this.scope = scope;
    this.members = members;
    this.properties = properties;
  }

  FiguresView stocks(OrgRef org, YearMonth asOf, Dimension.Kind kind, boolean suppress) {
    List<Dimension> dims = Dimension.of(kind);
    Figures f = figures.stocks(org.id(), asOf, dims);
    return new FiguresView(org.id(), org.name(), asOf, asOf, groups(f, dims, suppress));
  }

  FiguresView flows(OrgRef org, YearMonth from, YearMonth to, boolean suppress) {
    checkPeriod(from, to);
    List<Dimension> dims = Dimension.of(Dimension.Kind.FLOW);
    Figures f = figures.over(org.id(), from, to, dims);
    return new FiguresView(org.id(), org.name(), from, to, groups(f, dims, suppress));
  }

  ActivityView activity(OrgRef org, YearMonth from, YearMonth to) {
    checkPeriod(from, to);
    List<Dimension> dims = Dimension.of(Dimension.Kind.ACTIVITY);
    Figures f = figures.over(org.id(), from, to, dims);
    Figures orgs = figures.stocks(org.id(), to, List.of(Dimension.ORG_TYPE));
    long branches =
        StatRules.BRANCH_TYPES.stream().mapToLong(t -> orgs.get(Dimension.ORG_TYPE, t)).sum();
    long months = from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
    long committeeMonths = f.get(Dimension.BRANCH_MEETING_MONTHS, "COMMITTEE_MEETING");
    return new ActivityView(
        org.id(),
        org.name(),
        from,
        to,
        groups(f, dims, false),
        ratio(f.get(Dimension.DUES_PAID_FEN, "ALL"), f.get(Dimension.DUES_BILLED_FEN, "ALL")),
        ratio(committeeMonths, branches * months),
        openAlerts(org, to));
  }

  /** Open alerts per rule at the end of a month, most first. */
  List<RuleAlerts> openAlerts(OrgRef org, YearMonth asOf) {
    Figures f =
        figures.stocks(org.id(), asOf, List.of(Dimension.ALERTS_RAISED, Dimension.ALERTS_CLOSED));
    Map<String, Long> open = new HashMap<>(f.of(Dimension.ALERTS_RAISED));
    f.of(Dimension.ALERTS_CLOSED).forEach((rule, closed) -> open.merge(rule, -closed, Long::sum));
    return open.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new RuleAlerts(e.getKey(), e.getValue()))
        .toList();
  }

  SeriesView series(
      OrgRef org, Dimension dim, String value, YearMonth from, YearMonth to, boolean suppress) {
    checkPeriod(from, to);
    requireValue(dim, value);
    List<MonthCount> points = new ArrayList<>();
    boolean stock =
        dim.kind() == Dimension.Kind.MEMBER_STOCK || dim.kind() == Dimension.Kind.ORG_STOCK;
    if (dim.derived()) {
      for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
        long n = figures.stocks(org.id(), m, List.of(dim)).get(dim, value);
        points.add(new MonthCount(m, shown(n, suppress && people(dim))));
      }
    } else {
      figures
          .monthly(org.id(), dim.stored(), Set.of(value), from, to, stock)
          .forEach((m, n) -> points.add(new MonthCount(m, shown(n, suppress && people(dim)))));
    }
    return new SeriesView(org.id(), dim.name(), value, dim.valueLabel(value), points);
  }

  /** The records behind a stock (as of a month-end) or a flow (over a period). */
  PageResponse<RecordView> records(
      OrgRef org,
      Dimension dim,
      String value,
      @Nullable YearMonth asOf,
      @Nullable YearMonth from,
      @Nullable YearMonth to,
      int page,
      int size) {
    requireValue(dim, value);
    DrillDownQueries.Result result;
    long total;
    switch (dim.kind()) {
      case MEMBER_STOCK, ORG_STOCK -> {
        if (asOf == null) {
          throw ProblemException.badRequest("statistics.as-of-required");
        }
        result = drillDown.stock(dim, value, org.path(), asOf, page, size);
        total = figures.stocks(org.id(), asOf, List.of(dim)).get(dim, value);
      }
      case FLOW -> {
        if (from == null || to == null) {
          throw ProblemException.badRequest("statistics.period-required");
        }
        checkPeriod(from, to);
        result = drillDown.flow(dim, value, org.path(), from, to, page, size);
        total = figures.over(org.id(), from, to, List.of(dim)).get(dim, value);
      }
      default -> throw ProblemException.badRequest("statistics.no-records-behind", dim.name());
    }
    boolean orgRows = dim.kind() == Dimension.Kind.ORG_STOCK;
    List<UUID> orgIds =
        new ArrayList<>(result.rows().stream().map(DrillDownQueries.Row::orgId).toList());
    Map<UUID, String> memberNames = new HashMap<>();
    if (!orgRows) {
      for (Member m :
          members.findAllById(result.rows().stream().map(DrillDownQueries.Row::id).toList())) {
        memberNames.put(m.getId(), m.getName());
      }
    }
    Map<UUID, String> orgNames = scope.names(orgIds);
    List<RecordView> views =
        result.rows().stream()
            .map(
                r ->
                    new RecordView(
                        r.id(),
                        orgRows ? "ORG" : "MEMBER",
                        orgRows
                            ? orgNames.getOrDefault(r.id(), "")
                            : memberNames.getOrDefault(r.id(), ""),
                        r.orgId(),
                        orgNames.getOrDefault(r.orgId(), "")))
            .toList();
    return PageResponse.of(views, page, size, total);
  }

  List<FigureGroup> groups(Figures f, List<Dimension> dims, boolean suppress) {
    List<FigureGroup> groups = new ArrayList<>();
    for (Dimension d : dims) {
      boolean hide = suppress && people(d);
      List<ValueCount> values = new ArrayList<>();
      f.of(d)
          .forEach(
              (value, count) -> {
                Long shown = shown(count, hide);
                values.add(new ValueCount(value, d.valueLabel(value), shown, shown == null));
              });
      if (d == Dimension.ALERTS_RAISED || d == Dimension.ALERTS_CLOSED) {
        values.sort(Comparator.comparing(ValueCount::value));
      }
      groups.add(new FigureGroup(d.name(), d.label(), values));
    }
    return groups;
  }

  /** A count of people shown to an integrator: hidden when from 1 to the threshold minus 1. */
  @Nullable Long shown(long count, boolean suppress) {
    int below = properties.suppressBelow();
    return suppress && count > 0 && count < below ? null : count;
  }

  static boolean people(Dimension d) {
    return d.kind() == Dimension.Kind.MEMBER_STOCK || d.kind() == Dimension.Kind.FLOW;
  }

  static void checkPeriod(YearMonth from, YearMonth to) {
    if (from.isAfter(to)) {
      throw ProblemException.badRequest("statistics.period-reversed");
    }
    if (from.plusMonths(MAX_MONTHS).isBefore(to)) {
      throw ProblemException.badRequest("statistics.period-too-long", MAX_MONTHS);
    }
  }

  static void requireValue(Dimension dim, String value) {
    if (!dim.knows(value)) {
      throw ProblemException.badRequest("statistics.unknown-value", dim.name(), value);
    }
  }

  static @Nullable BigDecimal ratio(long part, long whole) {
    return whole <= 0
        ? null
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }
}
