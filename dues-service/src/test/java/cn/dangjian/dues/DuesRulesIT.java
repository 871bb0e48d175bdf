package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The dues rules of DOMAIN §3 end to end: profile → bill run → bills in the real database. */
class DuesRulesIT extends ApiTestSupport {

  private long billedFor(String category, Long baseFen) throws Exception {
    UUID member = fullMember(branchA, category);
    profile(member, NOW.minusMonths(1), category, baseFen);
    run(admin, NOW, branchA);
    return amountOf(member, NOW);
  }

  @Test
  void bracketEdge3000IsBilledAtHalfAPercent() throws Exception {
    assertThat(billedFor("EMPLOYED", 300_000L)).isEqualTo(1_500);
  }

  @Test
  void bracketEdge3000Point01IsBilledAtOnePercentOfTheWholeBase() throws Exception {
    assertThat(billedFor("EMPLOYED", 300_001L)).isEqualTo(3_000);
  }

  @Test
  void bracketEdge5000IsBilledAtOnePercent() throws Exception {
    assertThat(billedFor("EMPLOYED", 500_000L)).isEqualTo(5_000);
  }

  @Test
  void bracketEdge10000IsBilledAtOneAndAHalfPercent() throws Exception {
    assertThat(billedFor("ANNUAL_SALARY", 1_000_000L)).isEqualTo(15_000);
  }

  @Test
  void workedExamples3200And5400And11500() throws Exception {
    assertThat(billedFor("EMPLOYED", 320_000L)).isEqualTo(3_200);
    assertThat(billedFor("SELF_EMPLOYED", 540_000L)).isEqualTo(8_100);
    assertThat(billedFor("EMPLOYED", 1_150_000L)).isEqualTo(23_000);
  }

  @Test
  void retireePension5000IsBilledAtHalfAPercentAndAboveAtOne() throws Exception {
    assertThat(billedFor("RETIRED", 500_000L)).isEqualTo(2_500);
    assertThat(billedFor("RETIRED", 500_100L)).isEqualTo(5_001);
  }

  @Test
  void fixedCategoriesAreBilledTwentyFenWithoutAProfile() throws Exception {
    UUID student = fullMember(branchA, "STUDENT");
    UUID farmer = fullMember(branchA, "FARMER");
    UUID lowIncome = fullMember(branchA, "LOW_INCOME");
    UUID employedWithoutProfile = fullMember(branchA, "EMPLOYED");
    run(admin, NOW, branchA);
    assertThat(amountOf(student, NOW)).isEqualTo(20);
    assertThat(amountOf(farmer, NOW)).isEqualTo(20);
    assertThat(amountOf(lowIncome, NOW)).isEqualTo(20);
    assertThat(bill(employedWithoutProfile, NOW)).isNull();
    JsonNode missing =
        getJson(admin, "/api/dues/bills/missing-profiles?month=" + NOW + "&orgId=" + branchA);
    assertThat(missing.get("total").asInt()).isEqualTo(1);
    assertThat(missing.get("memberIds").toString()).contains(employedWithoutProfile.toString());
  }

  @Test
  void aFarmersAssessedAmountIsWithinTwentyFenAndOneYuan() throws Exception {
    UUID farmer = fullMember(branchA, "FARMER");
    Map<String, Object> body =
        Map.of(
            "memberId", farmer.toString(),
            "effectiveMonth", NOW.toString(),
            "fixedFen", 150);
    postJson(admin, "/api/dues/profiles", body)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("farmer-amount-within-range"));
    postJson(
            admin,
            "/api/dues/profiles",
            Map.of("memberId", farmer.toString(), "effectiveMonth", NOW.toString(), "fixedFen", 80))
        .andExpect(status().isCreated());
    run(admin, NOW, branchA);
    assertThat(amountOf(farmer, NOW)).isEqualTo(80);
  }

  @Test
  void probationaryMembersAreBilledFromTheMonthOfAdmission() throws Exception {
    YearMonth admitted = NOW.minusMonths(1);
    UUID member = feed.member(branchA, "PROBATIONARY", "STUDENT", admitted.atDay(20));
    UUID applicant = feed.member(branchA, "ACTIVIST", "STUDENT", null);
    run(admin, NOW.minusMonths(2), branchA);
    run(admin, admitted, branchA);
    assertThat(bill(member, NOW.minusMonths(2))).isNull();
    assertThat(bill(member, admitted)).isNotNull();
    assertThat(bill(applicant, admitted)).isNull();
  }

  @Test
  void midYearBaseChangesApplyFromTheirMonth() throws Exception {
    UUID member = fullMember(branchA, "EMPLOYED");
    profile(member, NOW.minusMonths(3), "EMPLOYED", 300_000L);
    profile(member, NOW.minusMonths(1), "EMPLOYED", 540_000L);
    for (int back = 3; back >= 0; back--) {
      run(admin, NOW.minusMonths(back), branchA);
    }
    assertThat(amountOf(member, NOW.minusMonths(3))).isEqualTo(1_500);
    assertThat(amountOf(member, NOW.minusMonths(2))).isEqualTo(1_500);
    assertThat(amountOf(member, NOW.minusMonths(1))).isEqualTo(8_100);
    assertThat(amountOf(member, NOW)).isEqualTo(8_100);
  }

  @Test
  void runningAMonthTwiceIssuesNothingNew() throws Exception {
    fullMember(branchA, "STUDENT");
    fullMember(branchB, "STUDENT");
    JsonNode first = run(secretaryOf(committee), NOW, null);
    JsonNode second = run(secretaryOf(committee), NOW, null);
    assertThat(first.get(0).get("issued").asInt()).isEqualTo(2);
    assertThat(second.get(0).get("issued").asInt()).isZero();
    assertThat(second.get(0).get("billed").asInt()).isEqualTo(2);
    assertThat(second.get(0).get("amountFen").asLong()).isEqualTo(40);
  }

  @Test
  void aSecretaryWhoseOrgIsNotKnownYetBillsNothingInsteadOfEverything() throws Exception {
    UUID member = fullMember(branchA, "STUDENT");
    String unknownBranch = secretaryOf(UUID.randomUUID());
    postJson(unknownBranch, "/api/dues/bills/runs", Map.of("month", NOW.toString()))
        .andExpect(status().isForbidden());
    assertThat(bill(member, NOW)).isNull();
  }

  @Test
  void suspendedAndTerminalStateMembersAreNotBilled() throws Exception {
    UUID suspended = fullMember(branchA, "STUDENT");
    UUID deceased = fullMember(branchA, "STUDENT");
    UUID struckOff = fullMember(branchA, "STUDENT");
    feed.status(suspended, branchA, "SUSPENDED");
    feed.status(deceased, branchA, "DECEASED");
    feed.status(struckOff, branchA, "STRUCK_OFF");
    run(admin, NOW, branchA);
    assertThat(bill(suspended, NOW)).isNull();
    assertThat(bill(deceased, NOW)).isNull();
    assertThat(bill(struckOff, NOW)).isNull();
  }

  @Test
  void aTransferredMemberIsBilledByTheBranchHoldingTheRelationship() throws Exception {
    UUID member = fullMember(branchA, "STUDENT");
    run(admin, NOW.minusMonths(1), committee);
    feed.transferred(member, branchA, branchB);
    run(admin, NOW, committee);
    assertThat(bill(member, NOW.minusMonths(1)).get("org_id"))
        .isEqualTo(cn.dangjian.platform.persistence.Uuids.bytes(branchA));
    assertThat(bill(member, NOW).get("org_id"))
        .isEqualTo(cn.dangjian.platform.persistence.Uuids.bytes(branchB));
  }

  /**
   * A waiver decided outside the system (data migration) is recorded by a platform admin, with the
   * approval on record; the branch requests one through member-service (see HardshipApprovalIT).
   */
  @Test
  void aWaiverIssuesAZeroBillOnlyWithARecordedApproval() throws Exception {
    UUID member = fullMember(branchA, "EMPLOYED");
    JsonNode created = profile(member, NOW.minusMonths(1), "EMPLOYED", 300_000L);
    String id = created.get("id").asString();
    Map<String, Object> missingApproval = Map.of("kind", "WAIVED", "meeting", "支部大会");
    as(
            admin,
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/dues/profiles/" + id + "/hardship")
                .header("If-Match", "\"0\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(missingApproval)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("hardship-needs-recorded-approval"));
    Map<String, Object> approved =
        Map.of(
            "kind", "WAIVED",
            "approvedBy", "城关镇党委",
            "meeting", "第一党支部支部党员大会",
            "approvedOn", LocalDate.now().minusDays(3).toString(),
            "until", NOW.plusMonths(2).atEndOfMonth().toString());
    as(
            admin,
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/dues/profiles/" + id + "/hardship")
                .header("If-Match", "\"0\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(approved)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.hardship").value("WAIVED"))
        .andExpect(jsonPath("$.hardshipApprovalId").doesNotExist());
    run(admin, NOW, branchA);
    assertThat(bill(member, NOW)).containsEntry("status", "WAIVED").containsEntry("amount_fen", 0L);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM dues_audit WHERE action = 'HARDSHIP_WAIVED' AND actor = ?",
                Integer.class,
                "admin"))
        .isEqualTo(1);
  }

  @Test
  void changingAnAssessmentRepricesUnpaidBillsFromItsMonth() throws Exception {
    UUID member = fullMember(branchA, "EMPLOYED");
    JsonNode created = profile(member, NOW, "EMPLOYED", 300_000L);
    run(admin, NOW, branchA);
    assertThat(amountOf(member, NOW)).isEqualTo(1_500);
    as(
            admin,
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/dues/profiles/" + created.get("id").asString())
                .header("If-Match", "\"0\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(Map.of("category", "EMPLOYED", "baseFen", 540_000))))
        .andExpect(status().isOk());
    assertThat(amountOf(member, NOW)).isEqualTo(8_100);
    as(
            admin,
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/dues/profiles/" + created.get("id").asString())
                .header("If-Match", "\"0\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("category", "EMPLOYED", "baseFen", 100))))
        .andExpect(status().isPreconditionFailed());
  }

  @Test
  void noBillsForAMonthThatHasNotBegun() throws Exception {
    postJson(admin, "/api/dues/bills/runs", Map.of("month", NOW.plusMonths(1).toString()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("no-bills-for-future-months"));
    postJson(admin, "/api/dues/bills/runs", Map.of("month", "2026-13"))
        .andExpect(status().isBadRequest());
  }
}
