package cn.dangjian.member.statistics;

import static cn.dangjian.member.statistics.Dimension.AFFILIATION;
import static cn.dangjian.member.statistics.Dimension.AGE_BAND;
import static cn.dangjian.member.statistics.Dimension.ALERTS_CLOSED;
import static cn.dangjian.member.statistics.Dimension.ALERTS_RAISED;
import static cn.dangjian.member.statistics.Dimension.ASSESSMENT_GRADE;
import static cn.dangjian.member.statistics.Dimension.BRANCH_COMMITTEE;
import static cn.dangjian.member.statistics.Dimension.BRANCH_MEETING_MONTHS;
import static cn.dangjian.member.statistics.Dimension.DEVELOPED;
import static cn.dangjian.member.statistics.Dimension.DUES_BILLED_FEN;
import static cn.dangjian.member.statistics.Dimension.DUES_PAID_FEN;
import static cn.dangjian.member.statistics.Dimension.EDUCATION;
import static cn.dangjian.member.statistics.Dimension.ETHNICITY;
import static cn.dangjian.member.statistics.Dimension.FLAG;
import static cn.dangjian.member.statistics.Dimension.GENDER;
import static cn.dangjian.member.statistics.Dimension.LEFT;
import static cn.dangjian.member.statistics.Dimension.MEETINGS;
import static cn.dangjian.member.statistics.Dimension.MEMBERS;
import static cn.dangjian.member.statistics.Dimension.OCCUPATION;
import static cn.dangjian.member.statistics.Dimension.ORG_TYPE;
import static cn.dangjian.member.statistics.Dimension.PIPELINE;
import static cn.dangjian.member.statistics.Dimension.STAGE;
import static cn.dangjian.member.statistics.Dimension.STANDING_BAND;
import static cn.dangjian.member.statistics.Dimension.TRANSFERRED_IN;
import static cn.dangjian.member.statistics.Dimension.TRANSFERRED_OUT;
import static cn.dangjian.member.statistics.Dimension.UNIT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.member.statistics.AnnualTable.Suppressed;
import cn.dangjian.member.statistics.AnnualTables.Input;
import cn.dangjian.member.statistics.AnnualTables.Part;
import cn.dangjian.member.statistics.StatisticsScope.OrgRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnnualTablesTest {

  /** Adds one member to each of the figures (a branch and every org above it). */
  static void member(
      String gender,
      String ethnicity,
      String ageBand,
      String education,
      String stage,
      String standing,
      Figures... at) {
    for (Figures f : at) {
      f.add(MEMBERS, "ALL", 1);
      f.add(GENDER, gender, 1);
      f.add(ETHNICITY, ethnicity, 1);
      f.add(AGE_BAND, ageBand, 1);
      f.add(EDUCATION, education, 1);
      f.add(OCCUPATION, "WORKER", 1);
      f.add(STAGE, stage, 1);
      f.add(STANDING_BAND, stage.equals("PROBATIONARY") ? "PROBATIONARY" : standing, 1);
    }
  }

  static void org(String type, String unitType, boolean committee, Figures... at) {
    for (Figures f : at) {
      f.add(ORG_TYPE, type, 1);
      f.add(UNIT_TYPE, unitType, 1);
      f.add(AFFILIATION, "COUNTY", 1);
      if (StatRules.BRANCH_TYPES.contains(type)) {
        f.add(BRANCH_COMMITTEE, committee ? "WITH" : "WITHOUT", 1);
      }
    }
  }

  static void add(Dimension d, String value, long n, Figures... at) {
    for (Figures f : at) {
      f.add(d, value, n);
    }
  }

  /** A 党委 with two branches and members of its own, figures rolled up as the read model does. */
  static Input committee() {
    Figures a = new Figures();
    Figures b = new Figures();
    Figures total = new Figures();
    org("PARTY_COMMITTEE", "TOWNSHIP", true, total);
    org("BRANCH", "ADMINISTRATIVE_VILLAGE", true, a, total);
    org("PARTY_GROUP", "UNSPECIFIED", false, a, total);
    org("BRANCH", "COMMUNITY", false, b, total);
    member("FEMALE", "HAN", "UP_TO_30", "UNDERGRADUATE", "FULL", "UP_TO_5", a, total);
    member("MALE", "MINORITY", "71_PLUS", "HIGH_SCHOOL", "FULL", "51_PLUS", a, total);
    member("FEMALE", "HAN", "31_35", "POSTGRADUATE", "PROBATIONARY", "", b, total);
    member(
        "UNSPECIFIED", "UNSPECIFIED", "UNSPECIFIED", "UNSPECIFIED", "FULL", "UNSPECIFIED", total);
    add(FLAG, "MOBILE", 1, a, total);
    add(PIPELINE, "ACTIVIST", 2, b, total);
    add(DEVELOPED, "ALL", 1, b, total);
    add(DEVELOPED, "FEMALE", 1, b, total);
    add(DEVELOPED, "UNDER_35", 1, b, total);
    add(LEFT, "DECEASED", 1, a, total);
    add(LEFT, "WITHDRAWN", 1, total);
    // a transfer from branch a to branch b: for each of them, not for the committee
    add(TRANSFERRED_OUT, "ALL", 1, a);
    add(TRANSFERRED_IN, "ALL", 1, b);
    add(MEETINGS, "COMMITTEE_MEETING", 12, a, total);
    add(MEETINGS, "PARTY_LECTURE", 4, b, total);
    add(BRANCH_MEETING_MONTHS, "COMMITTEE_MEETING", 12, a, total);
    add(DUES_BILLED_FEN, "ALL", 12_000, a, total);
    add(DUES_PAID_FEN, "ALL", 11_550, a, total);
    add(DUES_BILLED_FEN, "ALL", 2_001, b, total);
    add(DUES_PAID_FEN, "ALL", 2_001, b, total);
    add(ALERTS_RAISED, "MEMBER_ABSENT_ORG_LIFE", 3, b, total);
    add(ALERTS_CLOSED, "MEMBER_ABSENT_ORG_LIFE", 2, b, total);
    add(ASSESSMENT_GRADE, "GOOD", 1, a, total);
    add(ASSESSMENT_GRADE, "AVERAGE", 1, b, total);
    Figures before = new Figures();
    member("FEMALE", "HAN", "UP_TO_30", "UNDERGRADUATE", "FULL", "UP_TO_5", before);
    member("MALE", "HAN", "41_45", "HIGH_SCHOOL", "FULL", "11_20", before);
    org("PARTY_COMMITTEE", "TOWNSHIP", true, before);
    org("BRANCH", "COMMUNITY", true, before);
    return new Input(
        2025, List.of(new Part("第一党支部", a), new Part("第二党支部", b)), total, before, 12, true);
  }

  static AnnualTable table(List<AnnualTable> tables, String titleStart) {
    return tables.stream().filter(t -> t.title().startsWith(titleStart)).findFirst().orElseThrow();
  }

  static int column(AnnualTable t, String header) {
    int i = t.header().indexOf(header);
    assertThat(i).as(header).isGreaterThan(0);
    return i;
  }

  static long number(AnnualTable t, int row, String header) {
    return ((Number) t.rows().get(row).get(column(t, header))).longValue();
  }

  static int totalRow(AnnualTable t) {
    return t.rows().size() - 1;
  }

  static long sumOf(AnnualTable t, int row, String prefix) {
    long sum = 0;
    for (int i = 1; i < t.header().size(); i++) {
      if (t.header().get(i).startsWith(prefix)) {
        sum += ((Number) t.rows().get(row).get(i)).longValue();
      }
    }
    return sum;
  }

  private final List<AnnualTable> tables = AnnualTables.build(committee(), 0);

  @Test
  void theRowsAreEachChildThenTheOwnLevelThenTheTotal() {
    for (AnnualTable t : tables.subList(0, 4)) {
      assertThat(t.header().get(0)).isEqualTo("单位");
      assertThat(t.rows()).extracting(r -> r.get(0)).containsExactly("第一党支部", "第二党支部", "本级", "合计");
    }
    assertThat(tables)
        .extracting(AnnualTable::title)
        .containsExactly("表1 党员基本情况", "表2 党组织基本情况", "表3 党员发展与变动", "表4 组织生活与党费", "表5 与上年比较");
  }

  @Test
  void childrenAndTheOwnLevelAddUpToTheTotalInEveryColumnButRates() {
    for (AnnualTable t : tables.subList(0, 4)) {
      for (int c = 1; c < t.header().size(); c++) {
        if (t.header().get(c).endsWith("率（%）")) {
          continue;
        }
        BigDecimal rows = BigDecimal.ZERO;
        for (int r = 0; r < totalRow(t); r++) {
          rows = rows.add(new BigDecimal(t.rows().get(r).get(c).toString()));
        }
        assertThat(rows)
            .as(t.title() + " " + t.header().get(c))
            .isEqualByComparingTo(t.rows().get(totalRow(t)).get(c).toString());
      }
    }
  }

  @Test
  void theOwnLevelIsTheTotalMinusTheChildren() {
    AnnualTable members = table(tables, "表1");
    assertThat(number(members, 2, "党员总数")).isEqualTo(1);
    assertThat(number(members, 2, "性别：未填")).isEqualTo(1);
    AnnualTable orgs = table(tables, "表2");
    assertThat(number(orgs, 2, "党委")).isEqualTo(1);
    assertThat(number(orgs, 2, "党支部")).isZero();
  }

  @Test
  void gendersEthnicitiesAgesStagesEducationAndOccupationEachAddUpToTheMembers() {
    AnnualTable t = table(tables, "表1");
    for (int row = 0; row < t.rows().size(); row++) {
      long members = number(t, row, "党员总数");
      assertThat(sumOf(t, row, "性别：")).isEqualTo(members);
      assertThat(sumOf(t, row, "民族：")).isEqualTo(members);
      assertThat(sumOf(t, row, "年龄：")).isEqualTo(members);
      assertThat(sumOf(t, row, "学历：")).isEqualTo(members);
      assertThat(sumOf(t, row, "职业：")).isEqualTo(members);
      assertThat(number(t, row, "正式党员") + number(t, row, "预备党员")).isEqualTo(members);
    }
    assertThat(number(t, totalRow(t), "党员总数")).isEqualTo(4);
    assertThat(number(t, totalRow(t), "性别：女")).isEqualTo(2);
  }

  @Test
  void standingBandsWithProbationAndUnspecifiedAddUpToTheMembers() {
    AnnualTable t = table(tables, "表1");
    assertThat(t.header()).contains("党龄：预备期", "党龄：未填");
    for (int row = 0; row < t.rows().size(); row++) {
      assertThat(sumOf(t, row, "党龄：")).isEqualTo(number(t, row, "党员总数"));
    }
  }

  @Test
  void aValueTheCodeTablesDoNotListGetsAColumnSoItsGroupStillAddsUp() {
    Input in = committee();
    in.children().get(0).figures().add(EDUCATION, "DOCTORATE", 1);
    in.children().get(0).figures().add(EDUCATION, "UNDERGRADUATE", -1);
    in.total().add(EDUCATION, "DOCTORATE", 1);
    in.total().add(EDUCATION, "UNDERGRADUATE", -1);

    AnnualTable t = table(AnnualTables.build(in, 0), "表1");

    assertThat(number(t, 0, "学历：DOCTORATE")).isEqualTo(1);
    assertThat(sumOf(t, totalRow(t), "学历：")).isEqualTo(number(t, totalRow(t), "党员总数"));
  }

  @Test
  void orgTypesUnitTypesAndAffiliationsEachAddUpToTheOrgTotal() {
    AnnualTable t = table(tables, "表2");
    List<String> types =
        ORG_TYPE.codes().stream().map(c -> AnnualTables.label("", ORG_TYPE, c)).toList();
    for (int row = 0; row < t.rows().size(); row++) {
      long total = number(t, row, "组织总数（含党小组）");
      long byType = 0;
      for (String type : types) {
        byType += number(t, row, type);
      }
      assertThat(byType).isEqualTo(total);
      assertThat(sumOf(t, row, "单位类型：")).isEqualTo(total);
      assertThat(sumOf(t, row, "隶属关系：")).isEqualTo(total);
    }
    assertThat(number(t, totalRow(t), "组织总数（含党小组）")).isEqualTo(4);
  }

  @Test
  void branchesWithAndWithoutACommitteeAddUpToTheBranches() {
    AnnualTable t = table(tables, "表2");
    for (int row = 0; row < t.rows().size(); row++) {
      assertThat(number(t, row, "设支部委员会") + number(t, row, "未设支部委员会"))
          .isEqualTo(number(t, row, "党支部数（含联合、临时）"));
    }
    assertThat(number(t, totalRow(t), "党支部数（含联合、临时）")).isEqualTo(2);
  }

  @Test
  void eachWayOfLeavingAddsUpToTheLeavingTotalAndTheDevelopedSharesAreWithinTheDeveloped() {
    AnnualTable t = table(tables, "表3");
    for (int row = 0; row < t.rows().size(); row++) {
      assertThat(sumOf(t, row, "减少：")).isEqualTo(number(t, row, "减少党员合计"));
      long developed = number(t, row, "发展党员");
      assertThat(number(t, row, "其中女性")).isLessThanOrEqualTo(developed);
      assertThat(number(t, row, "其中35岁及以下")).isLessThanOrEqualTo(developed);
      assertThat(number(t, row, "其中生产、工作一线")).isLessThanOrEqualTo(developed);
    }
    assertThat(number(t, totalRow(t), "减少党员合计")).isEqualTo(2);
    assertThat(number(t, 2, "减少：退党")).isEqualTo(1);
  }

  @Test
  void aTransferBetweenTwoChildrenCountsForThemAndIsOffsetOnTheOwnLevelWithANote() {
    AnnualTable t = table(tables, "表3");
    assertThat(number(t, 0, "组织关系转出")).isEqualTo(1);
    assertThat(number(t, 1, "组织关系转入")).isEqualTo(1);
    assertThat(number(t, 2, "组织关系转入")).isEqualTo(-1);
    assertThat(number(t, totalRow(t), "组织关系转入")).isZero();
    assertThat(t.notes()).contains(AnnualTables.TRANSFER_NOTE);
  }

  @Test
  void meetingTypesAddUpToTheMeetingsAndTheCommitteeRateIsCommitteeMonthsOverBranchMonths() {
    AnnualTable t = table(tables, "表4");
    int row = totalRow(t);
    assertThat(number(t, row, "组织生活会议合计")).isEqualTo(16);
    assertThat(number(t, row, "支部委员会") + number(t, row, "党课")).isEqualTo(16);
    // 12 committee months of 2 branches × 12 months
    assertThat(t.rows().get(row).get(column(t, "支委会按月召开率（%）"))).isEqualTo(new BigDecimal("50.00"));
    assertThat(t.rows().get(0).get(column(t, "支委会按月召开率（%）"))).isEqualTo(new BigDecimal("100.00"));
    assertThat(sumOf(t, row, "考核：")).isEqualTo(number(t, row, "考核评定合计"));
  }

  @Test
  void duesAreInYuanWithTwoDecimalsAndTheCollectionRateInPerCent() {
    AnnualTable t = table(tables, "表4");
    int row = totalRow(t);
    assertThat(t.rows().get(row).get(column(t, "应缴党费（元）"))).isEqualTo(new BigDecimal("140.01"));
    assertThat(t.rows().get(row).get(column(t, "实缴党费（元）"))).isEqualTo(new BigDecimal("135.51"));
    assertThat(t.rows().get(row).get(column(t, "党费收缴率（%）"))).isEqualTo(new BigDecimal("96.79"));
    assertThat(t.rows().get(2).get(column(t, "党费收缴率（%）"))).isNull();
  }

  @Test
  void smallCountsOfPeopleAreHiddenFromIntegratorsButNotZerosOrCountsOfOrganisations() {
    List<AnnualTable> hidden = AnnualTables.build(committee(), 5);

    AnnualTable members = table(hidden, "表1");
    assertThat(members.rows().get(totalRow(members)).get(column(members, "党员总数")))
        .isEqualTo(new Suppressed(5))
        .hasToString("<5");
    assertThat(members.rows().get(0).get(column(members, "预备党员"))).isEqualTo(0L);
    AnnualTable orgs = table(hidden, "表2");
    assertThat(orgs.rows().get(totalRow(orgs)).get(column(orgs, "组织总数（含党小组）"))).isEqualTo(4L);
    AnnualTable flows = table(hidden, "表3");
    assertThat(flows.rows().get(2).get(column(flows, "组织关系转入"))).isEqualTo(new Suppressed(5));
    AnnualTable activity = table(hidden, "表4");
    assertThat(activity.rows().get(totalRow(activity)).get(column(activity, "预警发出"))).isEqualTo(3L);
  }

  @Test
  void theJsonFormShowsHiddenCountsAsNullAndEveryNumberAsADecimal() {
    AnnualTable members = table(AnnualTables.build(committee(), 5), "表1");
    AnnualTablesViews.AnnualTableView json = AnnualTablesViews.table(members);

    AnnualTablesViews.AnnualRowView total = json.rows().get(totalRow(members));
    assertThat(total.label()).isEqualTo("合计");
    assertThat(total.values()).hasSize(members.header().size() - 1);
    assertThat(total.values().get(column(members, "党员总数") - 1)).isNull();
    assertThat(json.rows().get(0).values().get(column(members, "预备党员") - 1))
        .isEqualByComparingTo("0");
  }

  @Test
  void theComparisonGivesThisYearLastYearTheChangeAndTheChangeInPerCent() {
    AnnualTable t = table(tables, "表5");
    assertThat(t.header()).containsExactly("指标", "本年", "上年", "增减", "增减（%）");
    assertThat(row(t, "党员总数")).containsExactly("党员总数", 4L, 2L, 2L, new BigDecimal("100.00"));
    assertThat(row(t, "少数民族党员")).containsExactly("少数民族党员", 1L, 0L, 1L, null);
    assertThat(row(t, "党组织数（党委、党总支、党支部类）"))
        .containsExactly("党组织数（党委、党总支、党支部类）", 3L, 2L, 1L, new BigDecimal("50.00"));
    assertThat(row(t, "党费收缴率（%）").get(2)).isNull();
  }

  @Test
  void aChangeIsHiddenWhenEitherYearOrTheChangeIsASmallCount() {
    AnnualTable t = table(AnnualTables.build(committee(), 3), "表5");
    Suppressed hidden = new Suppressed(3);
    // 4 this year, 2 the year before: the year before is hidden, so is the change
    assertThat(row(t, "党员总数")).containsExactly("党员总数", 4L, hidden, hidden, hidden);
    assertThat(row(t, "党支部数（含联合、临时）").get(3)).isEqualTo(1L);
  }

  @Test
  void theFileNameNamesTheOrgAndYearWithoutCharactersAFileCannotHold() {
    OrgRef org = new OrgRef(UUID.randomUUID(), "/x/", "城关镇/第一党委:*", "PARTY_COMMITTEE");

    assertThat(
            AnnualTablesController.fileName(
                new AnnualTablesService.AnnualReport(org, 2025, List.of())))
        .isEqualTo("党内统计年报-城关镇_第一党委__-2025");
  }

  private static List<Object> row(AnnualTable t, String label) {
    return new ArrayList<>(
        t.rows().stream().filter(r -> r.get(0).equals(label)).findFirst().orElseThrow());
  }
}
