package cn.dangjian.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** ID numbers must not be rebuildable, confirmable or locatable from responses. */
class PersonalDataExposureIT extends ApiTestSupport {

  private String partyWorkerOf(UUID org) {
    return KEYCLOAK.token().roles("party-worker").orgId(org).username("worker-" + org).build();
  }

  @Test
  void idNumberCannotBeRebuiltFromMaskAndBirthDateInAResponse() throws Exception {
    String idNumber = newIdNumber();
    UUID id = id(register(admin, branchA, "防还原", idNumber));

    JsonNode seen = read(as(partyWorkerOf(branchA), get("/api/members/" + id)));
    assertThat(seen.get("idNumber").asString())
        .isEqualTo(idNumber.charAt(0) + "*".repeat(16) + idNumber.charAt(17));
    assertThat(seen.get("phone").asString()).isEqualTo("138******78");
    assertThat(seen.get("birthDate").isNull()).as("no birth date for a party worker").isTrue();
    assertThat(seen.get("birthYear").asInt())
        .isEqualTo(Integer.parseInt(idNumber.substring(6, 10)));
    assertThat(seen.toString()).doesNotContain(idNumber.substring(6, 14));

    // secretaries (who may reveal personal data, audited) and the member see the date
    as(secretaryOf(branchA), get("/api/members/" + id))
        .andExpect(jsonPath("$.birthDate").value(birthOf(idNumber)));
    String self = KEYCLOAK.token().roles("member").orgId(branchA).memberId(id).build();
    as(self, get("/api/members/" + id)).andExpect(jsonPath("$.birthDate").value(birthOf(idNumber)));
  }

  @Test
  void partyWorkerCannotConfirmAGuessedIdNumberBySearch() throws Exception {
    String idNumber = newIdNumber();
    register(admin, branchA, "被猜", idNumber);
    as(partyWorkerOf(branchA), get("/api/members").param("idNumber", idNumber))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.detail").value("只有书记和平台管理员可以按身份证号查找党员"));
    as(
            KEYCLOAK.token().roles("member").orgId(branchA).memberId(UUID.randomUUID()).build(),
            get("/api/members").param("idNumber", idNumber))
        .andExpect(status().isForbidden());
  }

  @Test
  void exactIdNumberSearchIsAuditedAndRateLimitedPerCaller() throws Exception {
    String idNumber = newIdNumber();
    register(admin, branchA, "限流", idNumber);
    String username = "prober-" + UUID.randomUUID();
    String prober = KEYCLOAK.token().roles("secretary").orgId(committee).username(username).build();

    for (int i = 0; i < 30; i++) {
      as(prober, get("/api/members").param("idNumber", i == 0 ? idNumber : newIdNumber()))
          .andExpect(status().isOk());
    }
    as(prober, get("/api/members").param("idNumber", newIdNumber()))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/too-many-requests"))
        .andExpect(jsonPath("$.status").value(429));
    // another caller still has its own budget
    as(admin, get("/api/members").param("idNumber", idNumber))
        .andExpect(jsonPath("$.total").value(1));

    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM privacy_audit WHERE actor = ? AND kind = 'ID_NUMBER_SEARCH'",
                Integer.class,
                username))
        .isEqualTo(30);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM privacy_audit WHERE actor = ? AND row_count = 1",
                Integer.class,
                username))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForList(
                    "SELECT filter FROM privacy_audit WHERE actor = ?", String.class, username)
                .toString())
        .doesNotContain(idNumber);
  }

  @Test
  void duplicateRegistrationDoesNotRevealWhereOrAsWhomThePersonIsRegistered() throws Exception {
    String idNumber = newIdNumber();
    UUID existing = id(register(admin, branchA, "已在册人员", idNumber));
    String body =
        read(as(
                    secretaryOf(branchB),
                    post("/api/members")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(memberJson(branchB, "另一个名字", idNumber)))
                .andExpect(status().isConflict()))
            .toString();
    assertThat(body)
        .doesNotContain(existing.toString())
        .doesNotContain(branchA.toString())
        .doesNotContain(committee.toString())
        .doesNotContain("已在册人员")
        .doesNotContain("第一党支部");
  }
}
