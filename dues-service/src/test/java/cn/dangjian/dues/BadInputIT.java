package cn.dangjian.dues;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Bad input is a clear 4xx problem+json, Chinese by default and English on request; never 500. */
class BadInputIT extends ApiTestSupport {

  @Test
  void aRuleViolationIsExplainedInChineseByDefaultAndInEnglishOnRequest() throws Exception {
    UUID member = fullMember(branchA, "EMPLOYED");
    String body =
        json.writeValueAsString(
            Map.of("memberId", member.toString(), "effectiveMonth", NOW.toString()));
    as(admin, post("/api/dues/profiles").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.rule").value("base-required-for-category"))
        .andExpect(jsonPath("$.detail").value("在职党员须填写计缴基数"));
    as(
            admin,
            post("/api/dues/profiles")
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value("A 在职 member needs a declared base"));
  }

  @Test
  void malformedIdsMonthsAndUnknownFieldsAre400() throws Exception {
    as(admin, get("/api/dues/bills/not-a-uuid")).andExpect(status().isBadRequest());
    as(admin, get("/api/dues/bills?month=2026-1")).andExpect(status().isBadRequest());
    as(admin, get("/api/dues/arrears?size=1000")).andExpect(status().isBadRequest());
    as(
            admin,
            post("/api/dues/profiles")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"memberId\":\""
                        + UUID.randomUUID()
                        + "\",\"effectiveMonth\":\"2026-01\",\"surprise\":1}"))
        .andExpect(status().isBadRequest());
    as(
            admin,
            post("/api/dues/profiles")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"memberId\":\"" + UUID.randomUUID() + "\",\"effectiveMonth\":\"2026-13\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    as(
            admin,
            post("/api/dues/payments")
                .header("Idempotency-Key", key())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"memberId\":\""
                        + UUID.randomUUID()
                        + "\",\"months\":[\"x\"],\"channel\":\"OFFLINE\"}"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void aMemberOutsideTheScopeIs404AndAnonymousCallsAre401() throws Exception {
    UUID member = fullMember(branchA, "STUDENT");
    as(secretaryOf(branchB), get("/api/dues/profiles?memberId=" + member))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("不在您的管辖范围内")));
    mvc.perform(get("/api/dues/bills")).andExpect(status().isUnauthorized());
    as(
            memberToken(member, branchA),
            post("/api/dues/bills/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"month\":\"" + NOW + "\"}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void theApiIsDescribedByOpenApi() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/dues/payments']").exists())
        .andExpect(jsonPath("$.paths['/api/dues/arrears']").exists());
  }
}
