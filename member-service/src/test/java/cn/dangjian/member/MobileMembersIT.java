package cn.dangjian.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;

/** 流动党员活动证 through the API: the home branch issues, the host sees, the member reports home. */
class MobileMembersIT extends ApiTestSupport {

  @Autowired JdbcTemplate jdbc;

  private final LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

  private ResultActions issue(String token, UUID member, UUID host, Map<String, Object> extra)
      throws Exception {
    Map<String, Object> body =
        new java.util.HashMap<>(
            Map.of(
                "memberId", member.toString(),
                "place", "广东省深圳市南山区",
                "reason", "WORK",
                "fixedPlace", false,
                "awaySince", today.minusMonths(1).toString(),
                "issuedOn", today.minusMonths(1).toString(),
                "validUntil", today.plusMonths(5).toString()));
    if (host != null) {
      body.put("hostOrgId", host.toString());
    }
    body.putAll(extra);
    return as(
        token,
        post("/api/members/mobile-certificates")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  private List<String> events(UUID member) {
    return jdbc.queryForList(
        "SELECT serialized_event FROM event_publication WHERE serialized_event LIKE ?",
        String.class,
        "%" + member + "%");
  }

  @Test
  void homeBranchIssuesAndTheHostSeesTheMemberWithoutHoldingTheRelationship() throws Exception {
    UUID member = id(register(admin, branchA, "外出务工党员", newIdNumber()));
    String a = secretaryOf(branchA);
    String b = secretaryOf(branchB);

    issue(b, member, branchB, Map.of()).andExpect(status().isNotFound());
    UUID certificate =
        id(
            read(
                issue(a, member, branchB, Map.of())
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.status").value("ACTIVE"))
                    .andExpect(jsonPath("$.hostName").value("第二党支部"))
                    .andExpect(
                        jsonPath("$.reportDueOn")
                            .value(today.minusMonths(1).plusYears(1).toString()))
                    .andExpect(jsonPath("$.transferRequired").value(false))));

    // the host lists and reads it, but the member stays branch A's
    as(b, get("/api/members/mobile-certificates").param("hostedHere", "true"))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].memberName").value("外出务工党员"));
    as(b, get("/api/members/mobile-certificates/" + certificate)).andExpect(status().isOk());
    as(b, get("/api/members/" + member)).andExpect(status().isNotFound());
    as(a, get("/api/members/" + member + "/flags"))
        .andExpect(jsonPath("$[0].flag").value("MOBILE"));
    // a third branch sees nothing
    UUID stranger = id(create(admin, committee, "无关党支部", "BRANCH"));
    as(secretaryOf(stranger), get("/api/members/mobile-certificates/" + certificate))
        .andExpect(status().isNotFound());

    // one certificate at a time
    issue(a, member, branchB, Map.of()).andExpect(status().isConflict());
    // the host cannot take it back; the home branch can
    as(
            b,
            post("/api/members/mobile-certificates/" + certificate + "/return")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"returnedOn\":\"" + today + "\"}"))
        .andExpect(status().isNotFound());
    as(
            a,
            post("/api/members/mobile-certificates/" + certificate + "/return")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"returnedOn\":\"" + today + "\"}"))
        .andExpect(jsonPath("$.status").value("RETURNED"));
    as(a, get("/api/members/" + member + "/flags"))
        .andExpect(jsonPath("$[0].clearedOn").value(today.toString()));
    assertThat(events(member))
        .anyMatch(e -> e.contains("member.mobile-changed") && e.contains("\"ISSUED\""))
        .anyMatch(e -> e.contains("member.mobile-changed") && e.contains("\"RETURNED\""));
  }

  @Test
  void awaySixMonthsAtAFixedPlaceNeedsATransferOrTheReasonItCannotBe() throws Exception {
    UUID member = id(register(admin, branchA, "异地居住党员", newIdNumber()));
    String a = secretaryOf(branchA);
    Map<String, Object> longStay =
        Map.of(
            "fixedPlace", true,
            "awaySince", today.minusMonths(7).toString(),
            "issuedOn", today.minusMonths(7).toString(),
            "validUntil", today.plusMonths(4).toString());
    issue(a, member, branchB, longStay)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("long-absence-at-fixed-place-requires-transfer"));
    Map<String, Object> withReason = new java.util.HashMap<>(longStay);
    withReason.put("noTransferReason", "派驻项目部为临时机构，无法接收组织关系");
    issue(a, member, branchB, withReason)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.monthsAway").value(7))
        .andExpect(jsonPath("$.transferRequired").value(true));
  }

  @Test
  void theMemberReportsHomeAndAReceivedTransferClosesTheCertificate() throws Exception {
    UUID member = id(register(admin, branchA, "年度报告党员", newIdNumber()));
    String a = secretaryOf(branchA);
    UUID certificate = id(read(issue(a, member, null, Map.of("hostName", "深圳市某商会党委"))));
    String self =
        KEYCLOAK.token().roles("member").memberId(member).orgId(branchA).username("m").build();
    String report = "{\"reportedOn\":\"" + today + "\",\"summary\":\"按时参加流入地组织生活，按月交纳党费\"}";
    as(
            self,
            post("/api/members/mobile-certificates/" + certificate + "/reports")
                .contentType(MediaType.APPLICATION_JSON)
                .content(report))
        .andExpect(status().isCreated());
    String other =
        KEYCLOAK
            .token()
            .roles("member")
            .memberId(UUID.randomUUID())
            .orgId(branchA)
            .username("x")
            .build();
    as(
            other,
            post("/api/members/mobile-certificates/" + certificate + "/reports")
                .contentType(MediaType.APPLICATION_JSON)
                .content(report))
        .andExpect(status().isNotFound());
    as(a, get("/api/members/mobile-certificates/" + certificate))
        .andExpect(jsonPath("$.lastReportedOn").value(today.toString()))
        .andExpect(jsonPath("$.reportDueOn").value(today.plusYears(1).toString()));

    // transferred to where the member lives: the certificate closes by itself
    String transfer =
        "{\"memberId\":\""
            + member
            + "\",\"direction\":\"INTERNAL\",\"toOrgId\":\""
            + branchB
            + "\",\"reason\":\"长期异地居住\",\"requestedOn\":\""
            + today
            + "\"}";
    UUID t =
        id(
            read(
                as(
                    a,
                    post("/api/members/transfers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(transfer))));
    for (String[] step :
        List.of(
            new String[] {a, "approve-out", "{\"on\":\"" + today + "\"}"},
            new String[] {a, "issue", "{\"on\":\"" + today + "\",\"letterNo\":\"L-1\"}"},
            new String[] {secretaryOf(branchB), "receive", "{\"on\":\"" + today + "\"}"})) {
      as(
              step[0],
              post("/api/members/transfers/" + t + "/" + step[1])
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(step[2]))
          .andExpect(status().isOk());
    }
    as(admin, get("/api/members/mobile-certificates/" + certificate))
        .andExpect(jsonPath("$.status").value("TRANSFERRED"))
        .andExpect(jsonPath("$.closedOn").value(today.toString()));
    assertThat(events(member))
        .anyMatch(e -> e.contains("member.mobile-changed") && e.contains("CLOSED_BY_TRANSFER"));
  }

  @Test
  void aMemberWhoLeavesTheRegisterHoldsNoCertificateAndNoCommunityRegistration() throws Exception {
    UUID member = id(register(admin, branchA, "去世党员", newIdNumber()));
    String a = secretaryOf(branchA);
    UUID certificate = id(read(issue(a, member, branchB, Map.of())));
    UUID community = id(create(admin, committee, "城东社区党支部", "BRANCH"));
    String body =
        json.writeValueAsString(
            Map.of(
                "memberId", member.toString(),
                "communityOrgId", community.toString(),
                "registeredOn", today.toString()));
    ResultActions registered =
        as(
                a,
                post("/api/members/community-registrations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated());
    UUID registration = id(read(registered));
    String etag = as(a, get("/api/members/" + member)).andReturn().getResponse().getHeader("ETag");
    as(
            a,
            post("/api/members/" + member + "/status")
                .header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"status\":\"DECEASED\",\"effectiveOn\":\""
                        + today
                        + "\",\"reason\":\"病故\"}"))
        .andExpect(status().isOk());
    as(a, get("/api/members/mobile-certificates/" + certificate))
        .andExpect(jsonPath("$.status").value("CLOSED"))
        .andExpect(jsonPath("$.closedOn").value(today.toString()));
    as(a, get("/api/members/community-registrations/" + registration))
        .andExpect(jsonPath("$.status").value("ENDED"));
    assertThat(events(member))
        .anyMatch(e -> e.contains("member.mobile-changed") && e.contains("CLOSED_BY_STATUS"));
  }
}
