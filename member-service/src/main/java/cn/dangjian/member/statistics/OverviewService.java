package cn.dangjian.member.statistics;

import cn.dangjian.member.statistics.StatisticsScope.OrgRef;
import cn.dangjian.member.statistics.StatisticsViews.KeyFigure;
import cn.dangjian.member.statistics.StatisticsViews.OverviewView;
import cn.dangjian.member.statistics.StatisticsViews.RuleAlerts;
import cn.dangjian.member.statistics.StatisticsViews.StatusView;
import cn.dangjian.member.statistics.StatisticsViews.TrendPoint;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The console home page and the 大屏: the key counts as of a month-end, this year's flows and rates,
 * a year's trend, the rules with most open alerts and the weakest organisations.
 */
@Service
class OverviewService {

  private static final List<Dimension> STOCKS =
      List.of(
          Dimension.MEMBERS,
          Dimension.STAGE,
          Dimension.GENDER,
          Dimension.ETHNICITY,
          Dimension.AGE_BAND,
          Dimension.FLAG,
          Dimension.PIPELINE,
          Dimension.ORG_TYPE,
          Dimension.BRANCH_COMMITTEE,
          Dimension.ELECTION_DUE);

  private final FigureQueries figures;
  private final StatisticsService statistics;
  private final OverviewQueries queries;

  OverviewService(FigureQueries figures, StatisticsService statistics, OverviewQueries queries) {
    this.figures = figures;
    this.statistics = statistics;
    this.queries = queries;
  }

  OverviewView overview(OrgRef org, YearMonth asOf, boolean suppress) {
    Figures s = figures.stocks(org.id(), asOf, STOCKS);
    YearMonth january = YearMonth.of(asOf.getYear(), 1);
    Figures year =
        figures.over(
            org.id(),
            january,
            asOf,
            List.of(Dimension.DEVELOPED, Dimension.DUES_BILLED_FEN, Dimension.DUES_PAID_FEN));
    List<KeyFigure> keys = new ArrayList<>();
    keys.add(
        stock(
            "MEMBERS",
            "党员总数",
            s.get(Dimension.MEMBERS, "ALL"),
            Dimension.MEMBERS,
            "ALL",
            suppress));
    keys.add(
        stock(
            "PROBATIONARY",
            "预备党员",
            s.get(Dimension.STAGE, "PROBATIONARY"),
            Dimension.STAGE,
            "PROBATIONARY",
            suppress));
    keys.add(
        stock(
            "WOMEN",
            "女党员",
            s.get(Dimension.GENDER, "FEMALE"),
            Dimension.GENDER,
            "FEMALE",
            suppress));
    keys.add(
        stock(
            "MINORITY",
            "少数民族党员",
            s.get(Dimension.ETHNICITY, "MINORITY"),
            Dimension.ETHNICITY,
            "MINORITY",
            suppress));
    keys.add(
        stock(
            "UNDER_35",
            "35岁及以下党员",
            s.get(Dimension.AGE_BAND, "UP_TO_30") + s.get(Dimension.AGE_BAND, "31_35"),
            null,
            null,
            suppress));
    keys.add(
        stock(
            "MOBILE", "流动党员", s.get(Dimension.FLAG, "MOBILE"), Dimension.FLAG, "MOBILE", suppress));
    keys.add(
        stock(
            "LOST_CONTACT",
            "失联党员",
            s.get(Dimension.FLAG, "LOST_CONTACT"),
            Dimension.FLAG,
            "LOST_CONTACT",
            suppress));
    keys.add(stock("PIPELINE", "入党申请人、积极分子、发展对象", s.sum(Dimension.PIPELINE), null, null, suppress));
    keys.add(
        stock(
            "COMMITTEES",
            "党委",
            s.get(Dimension.ORG_TYPE, "PARTY_COMMITTEE"),
            Dimension.ORG_TYPE,
            "PARTY_COMMITTEE",
            false));
    keys.add(
        stock(
            "GENERAL_BRANCHES",
            "党总支",
            s.get(Dimension.ORG_TYPE, "GENERAL_BRANCH"),
            Dimension.ORG_TYPE,
            "GENERAL_BRANCH",
            false));
    long branches =
        StatRules.BRANCH_TYPES.stream().mapToLong(t -> s.get(Dimension.ORG_TYPE, t)).sum();
    keys.add(stock("BRANCHES", "党支部（含联合、临时）", branches, null, null, false));
    keys.add(
        stock(
            "BRANCHES_WITHOUT_COMMITTEE",
            "未设支委会的党支部",
            s.get(Dimension.BRANCH_COMMITTEE, "WITHOUT"),
            Dimension.BRANCH_COMMITTEE,
            "WITHOUT",
            false));
    keys.add(
        stock(
            "ELECTION_DUE",
            "任期届满应换届的党组织",
            s.get(Dimension.ELECTION_DUE, "DUE"),
            Dimension.ELECTION_DUE,
            "DUE",
            false));
    keys.add(
        new KeyFigure(
            "DEVELOPED_THIS_YEAR",
            "本年发展党员",
            statistics.shown(year.get(Dimension.DEVELOPED, "ALL"), suppress),
            null,
            january,
            Dimension.DEVELOPED.name(),
            "ALL"));
    keys.add(
        new KeyFigure(
            "DUES_COLLECTION_RATE",
            "本年党费收缴率",
            null,
            StatisticsService.ratio(
                year.get(Dimension.DUES_PAID_FEN, "ALL"),
                year.get(Dimension.DUES_BILLED_FEN, "ALL")),
            january,
            null,
            null));
    List<RuleAlerts> open = statistics.openAlerts(org, asOf);
    keys.add(
        stock(
            "OPEN_ALERTS",
            "未办结预警",
            open.stream().mapToLong(RuleAlerts::open).sum(),
            null,
            null,
            false));
    return new OverviewView(
        org.id(),
        org.name(),
        asOf,
        keys,
        trend(org, asOf),
        open.stream().limit(5).toList(),
        queries.weakest(org),
        queries.status().lastEventAt());
  }

  private KeyFigure stock(
      String key,
      String label,
      long count,
      @Nullable Dimension dim,
      @Nullable String value,
      boolean suppress) {
    return new KeyFigure(
        key,
        label,
        statistics.shown(count, suppress),
        null,
        null,
        dim == null ? null : dim.name(),
        value);
  }

  private List<TrendPoint> trend(OrgRef org, YearMonth asOf) {
    YearMonth from = asOf.minusMonths(11);
    Map<YearMonth, Long> members =
        figures.monthly(org.id(), "MEMBERS", Set.of("ALL"), from, asOf, true);
    Map<YearMonth, Long> developed =
        figures.monthly(org.id(), "DEVELOPED", Set.of("ALL"), from, asOf, false);
    List<TrendPoint> points = new ArrayList<>();
    members.forEach((m, n) -> points.add(new TrendPoint(m, n, developed.getOrDefault(m, 0L))));
    return points;
  }

  StatusView status() {
    return queries.status();
  }
}
