package cn.dangjian.member.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatRulesTest {

  private static final UUID ROOT = UUID.fromString("00000000-0000-7000-8000-000000000001");
  private static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-000000000002");
  private static final String PATH = "/" + ROOT + "/" + BRANCH + "/";

  private static MemberState member(String stage, String status) {
    return MemberState.registered(UUID.randomUUID(), LocalDate.of(2026, 1, 5), BRANCH, PATH, stage)
        .withStatus(status)
        .classified("FEMALE", "壮族", "1991-12", "UNDERGRADUATE", "WORKER");
  }

  @Test
  void ageAtAMonthEndCountsTheBirthdayOfThatMonth() {
    assertThat(StatRules.yearsAt(YearMonth.of(1991, 12), YearMonth.of(2026, 12))).isEqualTo(35);
    assertThat(StatRules.yearsAt(YearMonth.of(1991, 12), YearMonth.of(2026, 11))).isEqualTo(34);
    assertThat(StatRules.ageBand("1991-12", YearMonth.of(2026, 12))).isEqualTo("31_35");
    assertThat(StatRules.ageBand("1996-12", YearMonth.of(2026, 12))).isEqualTo("UP_TO_30");
    assertThat(StatRules.ageBand("1996-11", YearMonth.of(2026, 12))).isEqualTo("UP_TO_30");
    assertThat(StatRules.ageBand("1995-12", YearMonth.of(2026, 12))).isEqualTo("31_35");
    assertThat(StatRules.ageBand("1955-12", YearMonth.of(2026, 12))).isEqualTo("71_PLUS");
    assertThat(StatRules.ageBand("1956-01", YearMonth.of(2026, 12))).isEqualTo("61_70");
    assertThat(StatRules.ageBand("UNSPECIFIED", YearMonth.of(2026, 12))).isEqualTo("UNSPECIFIED");
  }

  @Test
  void partyStandingCountsFromConversionAndProbationersHaveNone() {
    assertThat(StatRules.standingBand("2021-12", YearMonth.of(2026, 12))).isEqualTo("UP_TO_5");
    assertThat(StatRules.standingBand("2020-12", YearMonth.of(2026, 12))).isEqualTo("6_10");
    assertThat(StatRules.standingBand("1975-01", YearMonth.of(2026, 12))).isEqualTo("51_PLUS");
    assertThat(StatRules.standingBand("PROBATIONARY", YearMonth.of(2026, 12)))
        .isEqualTo("PROBATIONARY");
  }

  @Test
  void developedMembersUnder35IncludeThoseWhoAreThirtyFive() {
    assertThat(StatRules.under35("1991-06", LocalDate.of(2026, 6, 30))).isTrue();
    assertThat(StatRules.under35("1990-06", LocalDate.of(2026, 6, 30))).isFalse();
    assertThat(StatRules.under35(null, LocalDate.of(2026, 6, 30))).isFalse();
  }

  @Test
  void ethnicityIsHanMinorityOrNotRecorded() {
    assertThat(StatRules.ethnicityGroup("汉族")).isEqualTo("HAN");
    assertThat(StatRules.ethnicityGroup(" 壮族 ")).isEqualTo("MINORITY");
    assertThat(StatRules.ethnicityGroup(" ")).isEqualTo("UNSPECIFIED");
    assertThat(StatRules.ethnicityGroup(null)).isEqualTo("UNSPECIFIED");
  }

  @Test
  void anActiveMemberCountsInEveryStructureDimensionOnce() {
    assertThat(StatRules.memberCells(member("PROBATIONARY", "ACTIVE")))
        .containsExactlyInAnyOrder(
            new Cell("MEMBERS", "ALL"),
            new Cell("GENDER", "FEMALE"),
            new Cell("ETHNICITY", "MINORITY"),
            new Cell("BIRTH", "1991-12"),
            new Cell("EDUCATION", "UNDERGRADUATE"),
            new Cell("OCCUPATION", "WORKER"),
            new Cell("STAGE", "PROBATIONARY"),
            new Cell("FULL_SINCE", "PROBATIONARY"));
  }

  @Test
  void suspendedMembersAreCountedApartAndThoseWhoLeftNowhere() {
    assertThat(StatRules.memberCells(member("FULL", "SUSPENDED")))
        .containsExactly(new Cell("SUSPENDED", "ALL"));
    assertThat(StatRules.memberCells(member("FULL", "STRUCK_OFF"))).isEmpty();
    assertThat(StatRules.memberCells(member("FULL", "TRANSFERRED_OUT"))).isEmpty();
  }

  @Test
  void applicantsToDevelopmentTargetsAreThePipelineNotMembers() {
    assertThat(StatRules.memberCells(member("ACTIVIST", "ACTIVE")))
        .containsExactly(new Cell("PIPELINE", "ACTIVIST"));
  }

  @Test
  void mobileAndLostContactMembersAreAlsoCountedAsMembers() {
    MemberState s =
        member("FULL", "ACTIVE").withFlag("MOBILE", true).withFlag("LOST_CONTACT", true);
    assertThat(StatRules.memberCells(s))
        .contains(
            new Cell("MEMBERS", "ALL"),
            new Cell("FLAG", "MOBILE"),
            new Cell("FLAG", "LOST_CONTACT"));
  }

  @Test
  void branchesCountWithOrWithoutACommitteeAndDissolvedOrgsNowhere() {
    OrgState branch = OrgState.created(BRANCH, LocalDate.of(2026, 1, 1), PATH, "一支部", "BRANCH");
    assertThat(StatRules.orgCells(branch)).contains(new Cell("BRANCH_COMMITTEE", "WITHOUT"));
    assertThat(StatRules.orgCells(branch.withCommittee(true, "2027-03")))
        .contains(new Cell("BRANCH_COMMITTEE", "WITH"), new Cell("TERM_DUE", "2027-03"));
    assertThat(StatRules.orgCells(branch.dissolve())).isEmpty();
    OrgState committee =
        OrgState.created(ROOT, LocalDate.of(2026, 1, 1), "/" + ROOT + "/", "县委", "PARTY_COMMITTEE");
    assertThat(StatRules.orgCells(committee)).noneMatch(c -> c.dim().equals("BRANCH_COMMITTEE"));
  }

  @Test
  void aPathCountsAtEveryOrgOnItRootFirst() {
    assertThat(StatRules.ancestors(PATH)).containsExactly(ROOT, BRANCH);
  }

  @Test
  void aMoveBetweenBranchesOfOneCountyChangesNothingAtTheCounty() {
    UUID other = UUID.randomUUID();
    CellDeltas deltas = new CellDeltas();
    MemberState s = member("FULL", "ACTIVE");
    deltas.transition(
        PATH,
        StatRules.memberCells(s),
        "/" + ROOT + "/" + other + "/",
        StatRules.memberCells(s),
        LocalDate.of(2026, 3, 1));
    assertThat(deltas.netted().keySet()).noneMatch(k -> k.orgId().equals(ROOT));
    assertThat(deltas.netted())
        .containsEntry(new CellDeltas.Key(BRANCH, "MEMBERS", "ALL", 202603), -1L)
        .containsEntry(new CellDeltas.Key(other, "MEMBERS", "ALL", 202603), 1L);
  }
}
