package cn.dangjian.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.dues.BaseAssessed;
import cn.dangjian.events.member.CommitteeChanged;
import cn.dangjian.events.orglife.AppraisalGraded;
import cn.dangjian.events.orglife.TalkRecorded;
import cn.dangjian.events.orglife.TrainingCredited;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every row of DOMAIN §7 has its rule in the catalogue, and the rules added for the last rows work
 * from the events: committee membership, talks, appraisals, training kinds and dues assessments.
 * The test clock says 30 Nov 2026 (Q4, after Q1).
 */
class SectionSevenIT extends ApiTestSupport {

  /** DOMAIN §7, row by row: its short name → the rule(s) that implement it. */
  private static final Map<String, List<String>> SECTION_SEVEN = new LinkedHashMap<>();

  private static void row(String name, String... rules) {
    SECTION_SEVEN.put(name, List.of(rules));
  }

  static {
    row("党员连续未参加组织生活 Member absent from organisational life", "MEMBER_ABSENT_ORG_LIFE");
    row("党员连续未交党费 Dues unpaid", "DUES_ARREARS");
    row("当月未开支委会 No 支委会 in the month", "NO_COMMITTEE_MEETING");
    row("当季未开党员大会 No 党员大会 in the quarter", "NO_BRANCH_GENERAL_MEETING");
    row("当月无党小组会或主题党日 No 党小组会 or 主题党日", "NO_GROUP_MEETING", "NO_THEMED_PARTY_DAY");
    row("年度无组织生活会或民主评议 No 组织生活会 or 民主评议", "NO_ORG_LIFE_MEETING", "NO_DEMOCRATIC_APPRAISAL");
    row("谈心谈话未全覆盖 Talk pair coverage <100%", "TALK_COVERAGE_SHORT");
    row("会议人数或表决基数不足 Meeting quorum or vote base not met", "MEETING_QUORUM_NOT_MET");
    row("优秀超过三分之一 优秀 share >1/3", "EXCELLENT_SHARE_EXCEEDED");
    row("入党申请未谈话 Application without a talk", "APPLICATION_TALK_DUE");
    row("积极分子满12个月 Activist reaches 12 months", "ACTIVIST_ELIGIBLE");
    row("发展对象培训不足24学时 Development target without 24 学时", "TARGET_TRAINING_HOURS_SHORT");
    row("支部大会后审批逾期 Approval pending after the 支部大会", "ADMISSION_APPROVAL_PENDING");
    row("预备期满 Probation ends", "PROBATION_ENDING");
    row("转正审批逾期 转正 approval pending", "CONVERSION_APPROVAL_PENDING");
    row("委员会任期届满 Committee term expiring", "COMMITTEE_TERM_EXPIRING");
    row("组织设置 Structural alert", "STRUCTURE_WARNING");
    row("书记空缺 Secretary vacant", "SECRETARY_VACANT");
    row("党员培训学时 Member training", "MEMBER_TRAINING_SHORT");
    row(
        "书记和委员培训 Secretary or committee member training",
        "SECRETARY_TRAINING_SHORT",
        "COMMITTEE_TRAINING_SHORT",
        "SECRETARY_ROTATION_MISSING",
        "NEW_SECRETARY_UNTRAINED");
    row("外出6个月以上未转接 Away ≥6 months without transfer", "MOBILE_AWAY_NO_TRANSFER");
    row("介绍信逾期未接收 Transfer letter not received", "TRANSFER_NOT_RECEIVED");
    row("失去联系 No contact with member", "LOST_CONTACT");
    row("限期改正期满 限期改正 period ending", "CORRECTION_PERIOD_ENDING");
    row("留党察看期满 留党察看 window ending", "DISCIPLINE_PROBATION_ENDING");
    row("党费基数未核定 Dues base not re-assessed", "DUES_BASE_NOT_REASSESSED");
    row("换届选举无效 Election invalid", "ELECTION_INVALID");
  }

  private static final List<String> BLOCKING =
      List.of("MEETING_QUORUM_NOT_MET", "EXCELLENT_SHARE_EXCEEDED", "TARGET_TRAINING_HOURS_SHORT");

  @Test
  void everyRowOfDomainSectionSevenHasARuleInTheCatalogue() throws Exception {
    assertThat(SECTION_SEVEN).hasSize(27);
    JsonNode rules =
        read(as(secretaryOf(branchA), get("/api/alerts/rules")).andExpect(status().isOk()));
    Map<String, JsonNode> byId = new HashMap<>();
    rules.forEach(r -> byId.put(r.get("id").asString(), r));
    SECTION_SEVEN.forEach(
        (row, ids) -> {
          for (String id : ids) {
            assertThat(byId).as("§7 row “%s” needs rule %s", row, id).containsKey(id);
          }
        });
    for (String id : BLOCKING) {
      assertThat(byId.get(id).get("evaluation").asString()).isEqualTo("BLOCKING");
      assertThat(byId.get(id).get("evaluationLabel").asString()).isEqualTo("办理时拦截");
      assertThat(byId.get(id).get("enforcedBy").asString()).endsWith("-service");
      assertThat(byId.get(id).get("problemRules").size()).isPositive();
    }
    assertThat(
            byId.get("DUES_ARREARS").path("enforcedBy").isNull()
                || byId.get("DUES_ARREARS").path("enforcedBy").isMissingNode())
        .isTrue();

    member(branchA);
    sweep(LocalDate.of(2026, 12, 31));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM alert WHERE rule_id IN (?,?,?)",
                Integer.class,
                BLOCKING.toArray()))
        .as("hard validations are never raised")
        .isZero();
  }

  /** Yearly rules do not judge an org created in Q4: the test's branches are older. */
  private void existsSince2020(UUID org) {
    jdbc.update(
        "UPDATE proj_org SET created_on = '2020-01-01' WHERE org_id = UNHEX(REPLACE(?, '-', ''))",
        org.toString());
  }

  private JsonNode alert(UUID subject, String rule, Predicate<JsonNode> when) {
    return await(
        () -> {
          try {
            for (JsonNode item : alertsOf(admin, subject).get("items")) {
              if (item.get("ruleId").asString().equals(rule) && when.test(item)) {
                return Optional.of(item);
              }
            }
            return Optional.empty();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static Predicate<JsonNode> inStatus(String status) {
    return a -> a.get("status").asString().equals(status);
  }

  private void talk(UUID org, UUID a, UUID b, String kind) {
    UUID talk = UUID.randomUUID();
    send(
        Topics.ORGLIFE_EVENTS,
        EventTypes.ORGLIFE_TALK_RECORDED,
        talk.toString(),
        org,
        new TalkRecorded(talk, org, a, b, kind, LocalDate.of(2026, 11, 2)));
  }

  private void trained(UUID member, UUID org, String kind, String hours, LocalDate on) {
    UUID record = UUID.randomUUID();
    send(
        Topics.ORGLIFE_EVENTS,
        EventTypes.ORGLIFE_TRAINING_CREDITED,
        member.toString(),
        org,
        new TrainingCredited(
            record,
            member,
            org,
            kind,
            UUID.randomUUID(),
            on,
            new BigDecimal(hours),
            new BigDecimal(hours)));
  }

  @Test
  void committeeMembersTalksAndTrainingComeFromTheirEvents() throws Exception {
    existsSince2020(branchA);
    UUID secretary = member(branchA);
    UUID deputy = member(branchA);
    UUID member = member(branchA);
    FEED.send(
        EventTypes.COMMITTEE_CHANGED,
        branchA.toString(),
        FEED.pathOf(branchA),
        new CommitteeChanged(
            branchA,
            UUID.randomUUID(),
            LocalDate.of(2026, 3, 1),
            LocalDate.of(2029, 3, 1),
            LocalDate.of(2029, 3, 1),
            secretary,
            null,
            2,
            List.of(secretary, deputy),
            LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 3, 1)));

    // Q4 and nothing recorded: 0 of 1 committee pair and 0 of 2 committee→member pairs
    JsonNode talks = alert(branchA, "TALK_COVERAGE_SHORT", inStatus("OPEN"));
    assertThat(talks.get("title").asString()).contains("0/3");
    assertThat(talks.get("suggestion").asString()).contains("支部委员之间0/1对").contains("0/2对");
    // the deputy is a committee member with no hours; the secretary was appointed 1 Mar, untrained
    alert(deputy, "COMMITTEE_TRAINING_SHORT", inStatus("OPEN"));
    assertThat(
            alert(secretary, "NEW_SECRETARY_UNTRAINED", inStatus("OPEN"))
                .get("severity")
                .asString())
        .isEqualTo("SERIOUS"); // 1 Sep + 90 days
    alert(secretary, "SECRETARY_ROTATION_MISSING", inStatus("OPEN"));

    talk(branchA, deputy, secretary, "COMMITTEE_COMMITTEE");
    talk(branchA, secretary, member, "COMMITTEE_MEMBER");
    talk(branchA, member, deputy, "MEMBER_MEMBER"); // recorded as another kind: the pair counts
    JsonNode covered = alert(branchA, "TALK_COVERAGE_SHORT", inStatus("RESOLVED"));
    assertThat(covered.get("resolution").asString()).contains("已全覆盖（3对）");

    trained(secretary, branchA, "ROTATION", "24", LocalDate.of(2026, 11, 20));
    alert(secretary, "NEW_SECRETARY_UNTRAINED", inStatus("RESOLVED"));
    alert(secretary, "SECRETARY_ROTATION_MISSING", inStatus("RESOLVED"));
    trained(deputy, branchA, "CONCENTRATED", "56", LocalDate.of(2026, 11, 21));
    alert(deputy, "COMMITTEE_TRAINING_SHORT", inStatus("RESOLVED"));
  }

  @Test
  void aGradedAppraisalShowsTheYearsDemocraticAppraisalWasHeld() throws Exception {
    existsSince2020(branchB);
    UUID member = member(branchB);
    sweep(LocalDate.of(2026, 12, 31));
    alert(branchB, "NO_DEMOCRATIC_APPRAISAL", inStatus("OPEN"));
    UUID appraisal = UUID.randomUUID();
    send(
        Topics.ORGLIFE_EVENTS,
        EventTypes.ORGLIFE_APPRAISAL_GRADED,
        member.toString(),
        branchB,
        new AppraisalGraded(appraisal, member, branchB, 2026, "QUALIFIED", null));
    alert(branchB, "NO_DEMOCRATIC_APPRAISAL", inStatus("RESOLVED"));
  }

  private void assessed(UUID member, UUID org, String month) {
    send(
        Topics.DUES_EVENTS,
        EventTypes.DUES_BASE_ASSESSED,
        member.toString(),
        org,
        new BaseAssessed(member, org, 2026, month, "EMPLOYED"));
  }

  @Test
  void duesBaseNotReassessedCountsTheBranchMembersWhoPayByABase() throws Exception {
    UUID first = member(branchB);
    UUID second = member(branchB);
    UUID farmer =
        FEED.memberRegistered(
            branchB, "FULL", "FARMER", LocalDate.of(2015, 7, 1), LocalDate.of(2016, 7, 1));
    await(() -> projection.member(farmer));

    assessed(first, branchB, "2026-01");
    JsonNode open = alert(branchB, "DUES_BASE_NOT_REASSESSED", inStatus("OPEN"));
    assertThat(open.get("title").asString()).isEqualTo("2026年尚有1名党员未核定党费基数");
    assertThat(open.get("suggestion").asString())
        .contains("交纳党费的2名党员")
        .contains(second.toString())
        .doesNotContain(farmer.toString());
    assertThat(open.get("severity").asString()).isEqualTo("WARNING"); // after 1 May

    assessed(second, branchB, "2026-07"); // pay changed mid-year: a new assessment resolves it
    alert(branchB, "DUES_BASE_NOT_REASSESSED", inStatus("RESOLVED"));
  }
}
