package cn.dangjian.member.statistics;

import cn.dangjian.member.statistics.AnnualTables.Input;
import cn.dangjian.member.statistics.AnnualTables.Part;
import cn.dangjian.member.statistics.StatisticsScope.OrgRef;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.time.PartyCalendar;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The annual report tables of a subtree: four reads of the figures whatever the number of rows —
 * the stocks at the year end and the flows and activity of the year for the org and its direct
 * children, and the same two for the org alone the year before (表5).
 */
@Service
class AnnualTablesService {

  static final List<Dimension> STOCKS =
      Stream.concat(
              Dimension.of(Dimension.Kind.MEMBER_STOCK).stream(),
              Dimension.of(Dimension.Kind.ORG_STOCK).stream())
          .toList();

  static final List<Dimension> OVER_THE_YEAR =
      Stream.concat(
              Dimension.of(Dimension.Kind.FLOW).stream(),
              Dimension.of(Dimension.Kind.ACTIVITY).stream())
          .toList();

  /** The tables of one subtree and year. */
  record AnnualReport(OrgRef org, int year, List<AnnualTable> tables) {}

  private final FigureQueries figures;
  private final StatisticsScope scope;
  private final StatisticsProperties properties;
  private final Clock clock;

  AnnualTablesService(
      FigureQueries figures, StatisticsScope scope, StatisticsProperties properties, Clock clock) {
    this.figures = figures;
    this.scope = scope;
    this.properties = properties;
    this.clock = clock;
  }

  /** The tables; with {@code suppress} small counts of people are hidden (integration clients). */
  AnnualReport report(OrgRef org, int year, boolean suppress) {
    YearMonth now = PartyCalendar.thisMonth(clock);
    if (year > now.getYear()) {
      throw ProblemException.badRequest("statistics.annual.year-in-future", String.valueOf(year));
    }
    YearMonth end = YearMonth.of(year, 12);
    List<OrgRef> children = scope.children(org, end);
    List<UUID> ids = new ArrayList<>();
    ids.add(org.id());
    children.forEach(c -> ids.add(c.id()));
    Map<UUID, Figures> stocks = figures.stocks(ids, end, STOCKS);
    Map<UUID, Figures> flows = figures.over(ids, YearMonth.of(year, 1), end, OVER_THE_YEAR);
    YearMonth lastYearEnd = end.minusYears(1);
    Figures before =
        merge(
            figures.stocks(org.id(), lastYearEnd, STOCKS),
            figures.over(org.id(), YearMonth.of(year - 1, 1), lastYearEnd, OVER_THE_YEAR));
    List<Part> parts = new ArrayList<>();
    for (OrgRef child : children) {
      parts.add(new Part(child.name(), merge(stocks.get(child.id()), flows.get(child.id()))));
    }
    boolean ended = year < now.getYear();
    Input input =
        new Input(
            year,
            parts,
            merge(stocks.get(org.id()), flows.get(org.id())),
            before,
            ended ? 12 : now.getMonthValue(),
            ended);
    return new AnnualReport(
        org, year, AnnualTables.build(input, suppress ? properties.suppressBelow() : 0));
  }

  /** One org's figures of both reads in one. */
  static Figures merge(Figures a, Figures b) {
    Figures all = new Figures();
    for (Dimension d : Dimension.values()) {
      a.of(d).forEach((value, n) -> all.add(d, value, n));
      b.of(d).forEach((value, n) -> all.add(d, value, n));
    }
    return all;
  }
}
