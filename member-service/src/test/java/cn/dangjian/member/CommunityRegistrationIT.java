package cn.dangjian.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;

/** 在职党员到社区报到: the community records, the member's branch sees, nobody else. */
class CommunityRegistrationIT extends ApiTestSupport {

  @Autowired JdbcTemplate jdbc;

  private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  private ResultActions postJson(String token, String url, Object body) throws Exception {
    return as(
        token,
        post(url).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
  }

  @Test
  void servingMemberRegistersWithACommunityElsewhereThatRecordsTheirService() throws Exception {
    UUID otherCounty =
        id(create(admin, null, "邻县县委" + SERIAL.incrementAndGet(), "PARTY_COMMITTEE"));
    UUID communityOrg = id(create(admin, otherCounty, "幸福社区党委", "PARTY_COMMITTEE"));
    UUID member = id(register(admin, branchA, "在职党员", newIdNumber()));
    String self =
        KEYCLOAK.token().roles("member").memberId(member).orgId(branchA).username("zz").build();
    UUID registration =
        id(
            read(
                postJson(
                        self,
                        "/api/members/community-registrations",
                        Map.of(
                            "memberId", member.toString(),
                            "communityOrgId", communityOrg.toString(),
                            "registeredOn", today.minusDays(30).toString()))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.communityOrgName").value("幸福社区党委"))));

    String community = secretaryOf(communityOrg);
    as(community, get("/api/members/community-registrations").param("side", "COMMUNITY"))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].memberName").value("在职党员"));
    // the community sees the registration, not the member's record
    as(community, get("/api/members/" + member)).andExpect(status().isNotFound());

    Map<String, Object> service =
        Map.of("servedOn", today.minusDays(3).toString(), "hours", 2.5, "activity", "社区环境整治志愿服务");
    String url = "/api/members/community-registrations/" + registration + "/services";
    // only the community records what the member did there
    postJson(secretaryOf(branchA), url, service).andExpect(status().isForbidden());
    postJson(secretaryOf(branchB), url, service).andExpect(status().isNotFound());
    postJson(community, url, service).andExpect(status().isCreated());
    postJson(
            community,
            url,
            Map.of("servedOn", today.minusDays(60).toString(), "hours", 1, "activity", "报到前"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("service-before-registration"));

    // the member's own branch sees the participation
    as(secretaryOf(branchA), get("/api/members/community-registrations/" + registration))
        .andExpect(jsonPath("$.services").value(1))
        .andExpect(jsonPath("$.serviceHours").value(2.5));
    as(secretaryOf(branchA), get(url)).andExpect(jsonPath("$[0].activity").value("社区环境整治志愿服务"));
    List<String> events =
        jdbc.queryForList(
            "SELECT serialized_event FROM event_publication WHERE serialized_event LIKE ?",
            String.class,
            "%member.community-service-recorded%" + registration + "%");
    assertThat(events).hasSize(1);
  }

  @Test
  void onlyServingMembersRegisterAndOnlyOnceAtATime() throws Exception {
    UUID community = id(create(admin, committee, "城南社区党支部", "BRANCH"));
    Map<String, Object> body = new java.util.HashMap<>(memberBody());
    body.put("duesCategory", "RETIRED");
    UUID retired = id(read(postJson(admin, "/api/members", body).andExpect(status().isCreated())));
    Map<String, Object> registration =
        Map.of(
            "memberId", retired.toString(),
            "communityOrgId", community.toString(),
            "registeredOn", today.toString());
    postJson(secretaryOf(branchA), "/api/members/community-registrations", registration)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("community-registration-only-for-serving-members"));

    UUID serving = id(register(admin, branchA, "在职党员二", newIdNumber()));
    Map<String, Object> ok =
        Map.of(
            "memberId", serving.toString(),
            "communityOrgId", community.toString(),
            "registeredOn", today.toString());
    postJson(secretaryOf(branchA), "/api/members/community-registrations", ok)
        .andExpect(status().isCreated());
    postJson(secretaryOf(branchA), "/api/members/community-registrations", ok)
        .andExpect(status().isConflict());
  }

  private Map<String, Object> memberBody() throws Exception {
    return json.readValue(
        memberJson(branchA, "退休党员", newIdNumber()),
        new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
  }
}
