package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** DF Art 14 on the payment API: banned ways are refused, the Art 12 special case is recorded. */
class PaymentBansIT extends LedgerTestSupport {

  private Map<String, Object> body(Map<String, Object> extra) {
    Map<String, Object> body =
        offline(member, List.of(NOW.minusMonths(2)), "B-" + SERIAL.incrementAndGet());
    body.putAll(extra);
    return body;
  }

  @Test
  void duesAdvancedByTheOrganisationAreRefused() throws Exception {
    postJson(worker, "/api/dues/payments", body(Map.of("payer", "ORGANISATION")), key())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("dues-advanced-by-organisation"));
    assertThat(bill(member, NOW.minusMonths(2))).containsEntry("status", "UNPAID");
  }

  @Test
  void duesWithheldWithoutConsentAreRefused() throws Exception {
    postJson(worker, "/api/dues/payments", body(Map.of("method", "PAYROLL_DEDUCTION")), key())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("dues-withheld-without-consent"));
    JsonNode paid =
        read(
            postJson(
                    worker,
                    "/api/dues/payments",
                    body(Map.of("method", "PAYROLL_DEDUCTION", "entrustmentRef", "委托代扣书 2026-07")),
                    key())
                .andExpect(status().isCreated()));
    assertThat(paid.get("method").asString()).isEqualTo("PAYROLL_DEDUCTION");
    assertThat(paid.get("entrustmentRef").asString()).isEqualTo("委托代扣书 2026-07");
  }

  @Test
  void specialDuesCannotReplaceDues() throws Exception {
    postJson(
            worker,
            "/api/dues/payments",
            body(Map.of("declaredAs", "SPECIAL_DUES", "extraFen", 5_000)),
            key())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("special-dues-cannot-replace-dues"));
    Map<String, Object> special = body(Map.of("declaredAs", "SPECIAL_DUES", "extraFen", 5_000));
    special.put("months", List.of());
    JsonNode paid =
        read(
            postJson(worker, "/api/dues/payments", special, key()).andExpect(status().isCreated()));
    assertThat(paid.get("declaredAs").asString()).isEqualTo("SPECIAL_DUES");
    assertThat(paid.get("billsFen").asLong()).isZero();
    assertThat(bill(member, NOW.minusMonths(2))).containsEntry("status", "UNPAID");
  }

  @Test
  void paymentThroughARelativeIsRecordedAsSuch() throws Exception {
    postJson(worker, "/api/dues/payments", body(Map.of("payer", "RELATIVE")), key())
        .andExpect(jsonPath("$.rule").value("proxy-payer-named"));
    JsonNode paid =
        read(
            postJson(
                    worker,
                    "/api/dues/payments",
                    body(Map.of("payer", "RELATIVE", "payerName", "王某（配偶）")),
                    key())
                .andExpect(status().isCreated()));
    assertThat(paid.get("payer").asString()).isEqualTo("RELATIVE");
    assertThat(paid.get("payerName").asString()).isEqualTo("王某（配偶）");
    JsonNode own =
        read(
            postJson(
                    worker,
                    "/api/dues/payments",
                    offline(member, List.of(NOW.minusMonths(1)), "B-" + SERIAL.incrementAndGet()),
                    key())
                .andExpect(status().isCreated()));
    assertThat(own.get("payer").asString()).isEqualTo("SELF");
    assertThat(own.get("method").asString()).isEqualTo("DIRECT");
    assertThat(own.get("declaredAs").asString()).isEqualTo("DUES");
  }
}
