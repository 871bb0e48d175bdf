package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A 流动党员 pays at the host (DOMAIN §3.2, Art 9): the money is the home branch's. */
class MobileDuesIT extends ApiTestSupport {

  @Test
  void hostCollectsDuesCreditedToTheHomeBranch() throws Exception {
    UUID member = fullMember(branchA, "EMPLOYED");
    profile(member, NOW.minusMonths(1), "EMPLOYED", 540_000L);
    run(admin, NOW, branchA);
    String host = workerOf(branchB);
    Map<String, Object> body = offline(member, List.of(NOW), "HOST-" + SERIAL.incrementAndGet());

    // without a certificate the host knows nothing of the member
    postJson(host, "/api/dues/payments", body, key()).andExpect(status().isNotFound());

    LocalDate today = LocalDate.now(cn.dangjian.dues.config.DuesConfiguration.CALENDAR);
    feed.mobileCertificate(member, branchA, branchB, today.minusMonths(2), today.plusMonths(6));
    JsonNode paid =
        read(
            postJson(host, "/api/dues/payments", body, key())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.orgId").value(branchA.toString()))
                .andExpect(jsonPath("$.collectedByOrgId").value(branchB.toString())));
    assertThat(paid.get("billsFen").asLong()).isEqualTo(8_100L);
    // the home branch's bill is paid and its books carry the payment
    assertThat(bill(member, NOW).get("status")).isEqualTo("PAID");
    assertThat(bill(member, NOW).get("org_id"))
        .isEqualTo(cn.dangjian.platform.persistence.Uuids.bytes(branchA));
    // the member's home arrears view is the one place the month shows as paid: not billed twice
    Long hostBills =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM dues_bill WHERE member_id = ? AND org_id = ?",
            Long.class,
            cn.dangjian.platform.persistence.Uuids.bytes(member),
            cn.dangjian.platform.persistence.Uuids.bytes(branchB));
    assertThat(hostBills).isZero();
  }

  @Test
  void theHostCannotCollectOnceTheCertificateHasLapsed() throws Exception {
    UUID member = fullMember(branchA, "EMPLOYED");
    profile(member, NOW.minusMonths(1), "EMPLOYED", 540_000L);
    run(admin, NOW, branchA);
    LocalDate today = LocalDate.now(cn.dangjian.dues.config.DuesConfiguration.CALENDAR);
    feed.mobileCertificate(member, branchA, branchB, today.minusMonths(13), today.minusDays(1));
    postJson(
            workerOf(branchB),
            "/api/dues/payments",
            offline(member, List.of(NOW), "HOST-" + SERIAL.incrementAndGet()),
            key())
        .andExpect(status().isNotFound());
  }
}
