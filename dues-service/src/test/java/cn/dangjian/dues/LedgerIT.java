package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.platform.persistence.Uuids;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The dues account: dues from the payments, interest, expenses, allocations (real database). */
class LedgerIT extends LedgerTestSupport {

  /** What the payments API says was credited to an org: paid payments minus Centre extras. */
  private long creditedByPayments(UUID org) throws Exception {
    JsonNode page = getJson(admin, "/api/dues/payments?orgId=" + org + "&size=200");
    long sum = 0;
    for (JsonNode p : page.get("items")) {
      if (p.get("status").asString().equals("PAID")
          && p.get("orgId").asString().equals(org.toString())) {
        sum +=
            p.get("totalFen").asLong()
                - (p.get("remitToCentre").asBoolean() ? p.get("extraFen").asLong() : 0);
      }
    }
    return sum;
  }

  @Test
  void ledgerDuesIncomeEqualsThePaymentsCreditedToTheOrg() throws Exception {
    JsonNode first = pay(List.of(NOW.minusMonths(2)), 0);
    JsonNode second = pay(List.of(NOW.minusMonths(1)), 500);
    JsonNode centre = pay(List.of(), 100_000); // a one-off 1000 元: the Centre's, not the branch's
    assertThat(centre.get("remitToCentre").asBoolean()).isTrue();
    reverse(second);

    JsonNode year = entries(branchA, TODAY.getYear());
    assertThat(sum(year, "DUES"))
        .isEqualTo(8_100 + 8_600 - 8_600)
        .isEqualTo(creditedByPayments(branchA));
    assertThat(sum(year, "PASSED_TO_CENTRE")).isEqualTo(100_000);
    // the reversal is a red-ink line of its own, the payment's line stays
    assertThat(year.get("entries").findValuesAsString("id"))
        .contains(first.get("id").asString(), second.get("id").asString());
    assertThat(year.toString()).contains("-8600");
    assertThat(balance(branchA)).isEqualTo(8_100);
    assertThat(year.get("closingBalanceFen").asLong() - year.get("openingBalanceFen").asLong())
        .isEqualTo(8_100);

    // a member who moved pays to the branch now holding the relationship
    feed.transferred(member, branchA, branchB);
    // (the reversed month first: the oldest payable month comes first)
    pay(workerOf(branchB), List.of(NOW.minusMonths(1), NOW), 0);
    assertThat(sum(entries(branchB, TODAY.getYear()), "DUES"))
        .isEqualTo(2 * 8_100)
        .isEqualTo(creditedByPayments(branchB));
    assertThat(sum(entries(branchA, TODAY.getYear()), "DUES")).isEqualTo(8_100);
  }

  @Test
  void expenseNeedsACollectiveDecision() throws Exception {
    interest(branchA, TODAY, 50_000).andExpect(status().isCreated());
    String secretary = secretaryOf(branchA);
    LocalDate day = TODAY.minusDays(1);

    expense(secretary, branchA, spending(day, 20_000, "TRAINING", UUID.randomUUID()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("collective-decision-unknown"));
    UUID other = meeting(branchB, "COMMITTEE_MEETING", day.minusDays(3));
    expense(secretary, branchA, spending(day, 20_000, "TRAINING", other))
        .andExpect(jsonPath("$.rule").value("collective-decision-of-another-org"));
    UUID group = meeting(branchA, "GROUP_MEETING", day.minusDays(3));
    expense(secretary, branchA, spending(day, 20_000, "TRAINING", group))
        .andExpect(jsonPath("$.rule").value("collective-decision-wrong-meeting-type"));
    UUID later = meeting(branchA, "COMMITTEE_MEETING", TODAY);
    expense(secretary, branchA, spending(day, 20_000, "TRAINING", later))
        .andExpect(jsonPath("$.rule").value("collective-decision-after-the-fact"));
    UUID called = meeting(branchA, "BRANCH_GENERAL_MEETING", day.minusDays(3));
    cancelled(called, branchA, "BRANCH_GENERAL_MEETING", day.minusDays(3));
    expense(secretary, branchA, spending(day, 20_000, "TRAINING", called))
        .andExpect(jsonPath("$.rule").value("collective-decision-unknown"));
    assertThat(balance(branchA)).isEqualTo(50_000);

    UUID decided = meeting(branchA, "COMMITTEE_MEETING", day.minusDays(3));
    JsonNode entry =
        read(
            expense(secretary, branchA, spending(day, 20_000, "TRAINING", decided))
                .andExpect(status().isCreated()));
    assertThat(entry.get("kind").asString()).isEqualTo("EXPENSE");
    assertThat(entry.get("meetingId").asString()).isEqualTo(decided.toString());
    assertThat(balance(branchA)).isEqualTo(30_000);
    assertThat(
            jdbc.queryForObject(
                "SELECT action FROM dues_audit WHERE subject_id = ?",
                String.class,
                Uuids.bytes(UUID.fromString(entry.get("id").asString()))))
        .isEqualTo("LEDGER_EXPENSE");
    // members and other branches cannot spend branch A's dues
    expense(memberToken(member, branchA), branchA, spending(day, 1, "TRAINING", decided))
        .andExpect(status().isNotFound());
    expense(secretaryOf(branchB), branchA, spending(day, 1, "TRAINING", decided))
        .andExpect(status().isNotFound());
  }

  @Test
  void expenseMustServeAnAllowedUse() throws Exception {
    interest(branchA, TODAY, 50_000).andExpect(status().isCreated());
    UUID decided = meeting(branchA, "COMMITTEE_MEETING", TODAY.minusDays(3));
    expense(secretaryOf(branchA), branchA, spending(TODAY, 1_000, "BANQUET", decided))
        .andExpect(status().isBadRequest());
    expense(secretaryOf(branchA), branchA, spending(TODAY, 1_000, null, decided))
        .andExpect(status().isBadRequest());
    for (String purpose :
        List.of(
            "TRAINING",
            "EDUCATION_MATERIALS",
            "COMMENDATION",
            "HARDSHIP_SUBSIDY",
            "DISASTER_RELIEF")) {
      expense(secretaryOf(branchA), branchA, spending(TODAY, 1_000, purpose, decided))
          .andExpect(status().isCreated());
    }
    assertThat(balance(branchA)).isEqualTo(45_000);
  }

  @Test
  void anExpenseBeyondTheBalanceIsRefused() throws Exception {
    pay(List.of(NOW.minusMonths(2)), 0);
    UUID decided = meeting(branchA, "BRANCH_GENERAL_MEETING", TODAY.minusDays(1));
    expense(secretaryOf(branchA), branchA, spending(TODAY, 8_101, "COMMENDATION", decided))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("expense-exceeds-balance"));
    expense(secretaryOf(branchA), branchA, spending(TODAY, 8_100, "COMMENDATION", decided))
        .andExpect(status().isCreated());
    assertThat(balance(branchA)).isZero();
  }

  @Test
  void allocationGoesOnlyToADirectChild() throws Exception {
    UUID group = feed.org(branchA, "第一党小组", "PARTY_GROUP");
    interest(committee, TODAY, 100_000).andExpect(status().isCreated());
    UUID decided = meeting(committee, "COMMITTEE_MEETING", TODAY.minusDays(2));
    String secretary = secretaryOf(committee);

    Map<String, Object> toGroup = spending(TODAY, 30_000, "HARDSHIP_SUBSIDY", decided);
    toGroup.put("toOrgId", group.toString());
    postJson(secretary, "/api/dues/ledgers/" + committee + "/allocations", toGroup, key())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("allocation-only-to-direct-child"));
    Map<String, Object> upwards = spending(TODAY, 1, "TRAINING", decided);
    upwards.put("toOrgId", committee.toString());
    postJson(admin, "/api/dues/ledgers/" + branchA + "/allocations", upwards, key())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("allocation-only-to-direct-child"));

    Map<String, Object> toBranch = spending(TODAY, 30_000, "HARDSHIP_SUBSIDY", decided);
    toBranch.put("toOrgId", branchA.toString());
    postJson(secretary, "/api/dues/ledgers/" + committee + "/allocations", toBranch, key())
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.kind").value("ALLOCATION_OUT"));
    assertThat(balance(committee)).isEqualTo(70_000);
    assertThat(balance(branchA)).isEqualTo(30_000);
    JsonNode in = entries(branchA, TODAY.getYear()).get("entries").get(0);
    assertThat(in.get("kind").asString()).isEqualTo("ALLOCATION_IN");
    assertThat(in.get("purpose").asString()).isEqualTo("HARDSHIP_SUBSIDY");
    assertThat(in.get("counterpartOrgId").asString()).isEqualTo(committee.toString());

    // the branch's meeting does not decide the committee's allocation
    UUID branchMeeting = meeting(branchA, "COMMITTEE_MEETING", TODAY.minusDays(2));
    Map<String, Object> wrong = spending(TODAY, 1_000, "TRAINING", branchMeeting);
    wrong.put("toOrgId", branchB.toString());
    postJson(secretary, "/api/dues/ledgers/" + committee + "/allocations", wrong, key())
        .andExpect(jsonPath("$.rule").value("collective-decision-of-another-org"));
  }

  @Test
  void interestNeedsTheBanksReferenceAndAnIdempotencyKey() throws Exception {
    postJson(
            secretaryOf(branchA),
            "/api/dues/ledgers/" + branchA + "/interest",
            Map.of("date", TODAY.toString(), "amountFen", 100),
            key())
        .andExpect(status().isBadRequest());
    postJson(
            secretaryOf(branchA),
            "/api/dues/ledgers/" + branchA + "/interest",
            Map.of("date", TODAY.toString(), "amountFen", 100, "bankReference", "B-1"))
        .andExpect(status().isBadRequest());
    interest(branchA, TODAY.plusDays(1), 100)
        .andExpect(jsonPath("$.rule").value("entry-date-in-future"));
    as(memberToken(member, branchA), get("/api/dues/ledgers/" + branchA))
        .andExpect(status().isNotFound());
    as(
            secretaryOf(branchB),
            get("/api/dues/ledgers/" + branchA + "/entries?year=" + TODAY.getYear()))
        .andExpect(status().isNotFound());
  }
}
