package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.platform.persistence.UuidV7;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * 困难党员减交/免交 (DF Art 7): the 基层党委 approves in member-service, this service applies the approval when
 * member.approval-changed arrives; the branch no longer records one itself.
 */
class HardshipApprovalIT extends ApiTestSupport {

  private final LocalDate today = LocalDate.now(cn.dangjian.dues.config.DuesConfiguration.CALENDAR);

  private ResultActions putHardship(String token, String profileId, long version, Object body)
      throws Exception {
    return as(
        token,
        put("/api/dues/profiles/" + profileId + "/hardship")
            .header("If-Match", "\"" + version + "\"")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  private int audits(String action, String profileId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM dues_audit WHERE action = ? AND subject_id = ?",
        Integer.class,
        action,
        cn.dangjian.platform.persistence.Uuids.bytes(UUID.fromString(profileId)));
  }

  private Map<String, Object> reduced(long fen) {
    return Map.of(
        "kind", "REDUCED", "reducedFen", fen, "until", NOW.plusMonths(3).atEndOfMonth().toString());
  }

  @Test
  void hardshipApprovedByThePrimaryCommitteeAppliesToTheProfileOnceAndRepricesUnpaidBills()
      throws Exception {
    UUID member = fullMember(branchA, "EMPLOYED");
    String id = profile(member, NOW, "EMPLOYED", 300_000L).get("id").asString();
    run(admin, NOW, branchA);
    assertThat(amountOf(member, NOW)).isEqualTo(1_500);

    UUID approval = UuidV7.next();
    EventEnvelope<JsonNode> approved =
        feed.hardshipApproved(approval, member, branchA, committee, reduced(500), today);

    as(admin, get("/api/dues/profiles/" + id))
        .andExpect(jsonPath("$.hardship").value("REDUCED"))
        .andExpect(jsonPath("$.hardshipFen").value(500))
        .andExpect(jsonPath("$.hardshipApprovedBy").value(startsWith("城关镇党委")))
        .andExpect(jsonPath("$.hardshipApprovedOn").value(today.toString()))
        .andExpect(jsonPath("$.hardshipUntil").value(NOW.plusMonths(3).atEndOfMonth().toString()))
        .andExpect(jsonPath("$.hardshipApprovalId").value(approval.toString()))
        .andExpect(jsonPath("$.version").value(1));
    assertThat(amountOf(member, NOW)).isEqualTo(500);
    assertThat(audits("HARDSHIP_REDUCED", id)).isEqualTo(1);

    // a redelivery (same event id) and a replay of the topic (new event id) change nothing
    feed.replay(approved);
    feed.hardshipApproved(approval, member, branchA, committee, reduced(800), today);
    as(admin, get("/api/dues/profiles/" + id))
        .andExpect(jsonPath("$.hardshipFen").value(500))
        .andExpect(jsonPath("$.version").value(1));
    assertThat(amountOf(member, NOW)).isEqualTo(500);
    assertThat(audits("HARDSHIP_REDUCED", id)).isEqualTo(1);
  }

  @Test
  void hardshipIsDecidedByHigherBodyTheBranchOnlyEndsOneEarly() throws Exception {
    UUID member = fullMember(branchA, "EMPLOYED");
    String id = profile(member, NOW, "EMPLOYED", 300_000L).get("id").asString();
    Map<String, Object> recorded =
        Map.of(
            "kind",
            "REDUCED",
            "reducedFen",
            500,
            "approvedBy",
            "城关镇党委",
            "meeting",
            "第一党支部支部党员大会",
            "approvedOn",
            today.toString(),
            "until",
            NOW.plusMonths(3).atEndOfMonth().toString());
    putHardship(secretaryOf(branchA), id, 0, recorded)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.rule").value("decided-by-higher-body"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("上一级党委")))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    org.hamcrest.Matchers.containsString(
                        "/api/members/" + member + "/dues-hardship-requests")));

    feed.hardshipApproved(UuidV7.next(), member, branchA, committee, reduced(500), today);
    putHardship(secretaryOf(branchA), id, 1, Map.of("kind", "NONE"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.hardship").value("NONE"))
        .andExpect(jsonPath("$.hardshipApprovalId").doesNotExist());
  }

  @Test
  void anApprovalTheRulesNoLongerAllowIsRecordedAndLeavesTheProfileUnchanged() throws Exception {
    UUID member = fullMember(branchA, "EMPLOYED");
    String id = profile(member, NOW, "EMPLOYED", 300_000L).get("id").asString();
    // approved for 20 元 a month while the standard is now 15 元: no longer a reduction
    feed.hardshipApproved(UuidV7.next(), member, branchA, committee, reduced(2_000), today);
    as(admin, get("/api/dues/profiles/" + id))
        .andExpect(jsonPath("$.hardship").value("NONE"))
        .andExpect(jsonPath("$.version").value(0));
    assertThat(audits("HARDSHIP_REFUSED", id)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT rule FROM dues_hardship_approval WHERE member_id = ?",
                String.class,
                cn.dangjian.platform.persistence.Uuids.bytes(member)))
        .isEqualTo("reduction-below-standard");
  }
}
