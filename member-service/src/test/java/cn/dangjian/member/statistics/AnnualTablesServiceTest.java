package cn.dangjian.member.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.member.statistics.AnnualTable.Suppressed;
import cn.dangjian.member.statistics.StatisticsScope.OrgRef;
import cn.dangjian.platform.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class AnnualTablesServiceTest {

  /** Figures with every org holding 3 members; counts the reads. */
  static final class CountingFigures extends FigureQueries {
    final List<String> reads = new ArrayList<>();

    CountingFigures() {
      super(new JdbcTemplate());
    }

    @Override
    Map<UUID, Figures> stocks(Collection<UUID> orgIds, YearMonth asOf, Collection<Dimension> dims) {
      reads.add("stocks " + asOf + " x" + orgIds.size());
      Map<UUID, Figures> result = new LinkedHashMap<>();
      for (UUID id : orgIds) {
        Figures f = new Figures();
        f.add(Dimension.MEMBERS, "ALL", 3);
        result.put(id, f);
      }
      return result;
    }

    @Override
    Map<UUID, Figures> over(
        Collection<UUID> orgIds, YearMonth from, YearMonth to, Collection<Dimension> dims) {
      reads.add("over " + from + ".." + to + " x" + orgIds.size());
      Map<UUID, Figures> result = new LinkedHashMap<>();
      orgIds.forEach(id -> result.put(id, new Figures()));
      return result;
    }
  }

  static final class FixedChildren extends StatisticsScope {
    final int children;

    FixedChildren(int children) {
      super(new OrgRefQueries(new JdbcTemplate()));
      this.children = children;
    }

    @Override
    List<OrgRef> children(OrgRef parent, YearMonth asOf) {
      List<OrgRef> refs = new ArrayList<>();
      for (int i = 0; i < children; i++) {
        UUID id = UUID.randomUUID();
        refs.add(new OrgRef(id, parent.path() + id + "/", "第" + i + "党支部", "BRANCH"));
      }
      return refs;
    }
  }

  private final OrgRef county = new OrgRef(UUID.randomUUID(), "/c/", "某县委", "PARTY_COMMITTEE");
  private final Clock december2026 =
      Clock.fixed(Instant.parse("2026-12-07T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private final CountingFigures figures = new CountingFigures();

  private AnnualTablesService service(int children) {
    return new AnnualTablesService(
        figures, new FixedChildren(children), new StatisticsProperties(5), december2026);
  }

  @Test
  void theTablesTakeFourReadsWhateverTheNumberOfChildren() {
    AnnualTablesService.AnnualReport report = service(250).report(county, 2025, false);

    assertThat(figures.reads)
        .containsExactly(
            "stocks 2025-12 x251",
            "over 2025-01..2025-12 x251",
            "stocks 2024-12 x1",
            "over 2024-01..2024-12 x1");
    assertThat(report.tables().get(0).rows()).hasSize(252);
  }

  @Test
  void integratorsGetSmallCountsOfPeopleHiddenAtTheConfiguredThreshold() {
    AnnualTable members = service(2).report(county, 2025, true).tables().get(0);

    assertThat(members.rows().get(0).get(1)).isEqualTo(new Suppressed(5));
    assertThat(service(2).report(county, 2025, false).tables().get(0).rows().get(0).get(1))
        .isEqualTo(3L);
  }

  @Test
  void theCurrentYearCountsItsMonthsSoFarAndAYearNotBegunIsRefused() {
    AnnualTable activity = service(1).report(county, 2026, false).tables().get(3);

    assertThat(activity.notes().get(0)).contains("2026年1月至12月（截至目前）");
    assertThat(service(1).report(county, 2025, false).tables().get(3).notes().get(0))
        .doesNotContain("截至");
    assertThatThrownBy(() -> service(1).report(county, 2027, false))
        .isInstanceOf(ProblemException.class);
  }
}
