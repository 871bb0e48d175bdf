package cn.dangjian.member;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Contact addresses for notifications: set by the branch (e-mail) and by the member (WeChat
 * binding), encrypted at rest, masked in every normal answer, and read in clear only by the
 * notification sender's service account — every read audited.
 */
class MemberContactsIT extends ApiTestSupport {

  private static final String SENDER_NAME = "service-account-dangjian-alert-service";

  private String sender() {
    return KEYCLOAK.token().roles("notification-sender").username(SENDER_NAME).build();
  }

  private UUID memberWithEmail(String email) throws Exception {
    JsonNode member = register(admin, branchA, "李红梅", newIdNumber());
    UUID id = id(member);
    Map<String, Object> update = new LinkedHashMap<>();
    update.put("name", "李红梅");
    update.put("gender", "FEMALE");
    update.put("phone", "13812345678");
    update.put("duesCategory", "EMPLOYED");
    update.put("email", email);
    as(
            secretaryOf(branchA),
            put("/api/members/" + id)
                .header("If-Match", "\"" + member.get("version").asLong() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(update)))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.email")
                .value(email.charAt(0) + "***" + email.substring(email.indexOf('@'))));
    return id;
  }

  @Test
  void contactsNeedTheNotificationSenderRole() throws Exception {
    UUID id = memberWithEmail("lihongmei@example.cn");

    as(sender(), get("/api/members/" + id + "/contacts").param("reason", "通知投递 1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.phone").value("13812345678"))
        .andExpect(jsonPath("$.email").value("lihongmei@example.cn"))
        .andExpect(jsonPath("$.wechatOpenId").isEmpty());

    String self = KEYCLOAK.token().roles("member").orgId(branchA).memberId(id).build();
    String integration = KEYCLOAK.token().roles("integration").username("integration").build();
    for (String other : new String[] {admin, secretaryOf(branchA), self, integration}) {
      as(other, get("/api/members/" + id + "/contacts").param("reason", "想看看"))
          .andExpect(status().isForbidden());
    }
    as(sender(), get("/api/members/" + UUID.randomUUID() + "/contacts").param("reason", "x"))
        .andExpect(status().isNotFound());
  }

  @Test
  void contactReadIsAuditedAndLimitedToTheChannelAsked() throws Exception {
    UUID id = memberWithEmail("audit.me@example.cn");

    as(
            sender(),
            get("/api/members/" + id + "/contacts")
                .param("channel", "EMAIL")
                .param("reason", "通知投递 0196f3a2"))
        .andExpect(jsonPath("$.email").value("audit.me@example.cn"))
        .andExpect(jsonPath("$.phone").isEmpty());

    JsonNode log = read(as(admin, get("/api/members/" + id + "/personal-data/access-log")));
    assertThat(log).hasSize(1);
    assertThat(log.get(0).get("accessor").asString()).isEqualTo(SENDER_NAME);
    assertThat(log.get(0).get("reason").asString()).contains("EMAIL").contains("通知投递 0196f3a2");
  }

  @Test
  void emailIsEncryptedAtRestAndMaskedInNormalResponses() throws Exception {
    UUID id = memberWithEmail("zhang.san@example.cn");

    String stored =
        jdbc.queryForObject(
            "SELECT email_cipher FROM member WHERE id = UNHEX(REPLACE(?, '-', ''))",
            String.class,
            id.toString());
    assertThat(stored).startsWith("v2:").doesNotContain("zhang");
    as(secretaryOf(branchA), get("/api/members/" + id))
        .andExpect(jsonPath("$.email").value("z***@example.cn"))
        .andExpect(jsonPath("$.wechatBound").value(false));
    JsonNode page = read(as(secretaryOf(branchA), get("/api/members").param("name", "李红梅")));
    assertThat(page.toString()).doesNotContain("zhang.san@");
  }

  @Test
  void wechatBindingExchangesTheLoginCodeForTheOpenid() throws Exception {
    UUID id = memberWithEmail("wx@example.cn");
    KEYCLOAK
        .wireMock()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.get(
                    urlPathEqualTo("/sns/jscode2session"))
                .withQueryParam("appid", equalTo("wx-test-appid"))
                .withQueryParam("secret", equalTo("wx-test-secret"))
                .withQueryParam("js_code", equalTo("code-ok-" + id))
                .withQueryParam("grant_type", equalTo("authorization_code"))
                // WeChat answers JSON as text/plain
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "text/plain")
                        .withBody(
                            "{\"openid\":\"o-"
                                + id
                                + "\",\"session_key\":\"tiihtNczf5v6AKRyjwEUhQ==\"}")));
    String self = KEYCLOAK.token().roles("member").orgId(branchA).memberId(id).build();

    as(self, bind("code-ok-" + id)).andExpect(status().isNoContent());

    as(self, get("/api/members/" + id)).andExpect(jsonPath("$.wechatBound").value(true));
    as(
            sender(),
            get("/api/members/" + id + "/contacts").param("channel", "WECHAT").param("reason", "x"))
        .andExpect(jsonPath("$.wechatOpenId").value("o-" + id));
    String stored =
        jdbc.queryForObject(
            "SELECT wechat_openid_cipher FROM member WHERE id = UNHEX(REPLACE(?, '-', ''))",
            String.class,
            id.toString());
    assertThat(stored).startsWith("v2:").doesNotContain(id.toString());
  }

  @Test
  void wechatLoginRefusalsAreProblemsTheMiniProgramCanActOn() throws Exception {
    UUID id = memberWithEmail("wx2@example.cn");
    String self = KEYCLOAK.token().roles("member").orgId(branchA).memberId(id).build();
    Map<String, Integer> statusByErrcode = Map.of("40029", 400, "45011", 429, "-1", 503);
    for (var entry : statusByErrcode.entrySet()) {
      String code = "code-" + entry.getKey().replace("-", "m") + "-" + id;
      KEYCLOAK
          .wireMock()
          .stubFor(
              com.github.tomakehurst.wiremock.client.WireMock.get(
                      urlPathEqualTo("/sns/jscode2session"))
                  .withQueryParam("js_code", equalTo(code))
                  .willReturn(
                      aResponse()
                          .withHeader("Content-Type", "text/plain")
                          .withBody(
                              "{\"errcode\":"
                                  + entry.getKey()
                                  + ",\"errmsg\":\"refused, rid: 1\"}")));
      as(self, bind(code)).andExpect(status().is(entry.getValue()));
    }
    as(self, bind("code-40029-" + id).header("Accept-Language", "zh-CN"))
        .andExpect(jsonPath("$.detail").value("微信登录凭证无效、已使用或已过期，请重新调用 wx.login"));
    as(self, get("/api/members/" + id)).andExpect(jsonPath("$.wechatBound").value(false));
    // an account without a member record has nothing to bind
    as(admin, bind("code-40029-" + id)).andExpect(status().isForbidden());
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder bind(
      String code) {
    return post("/api/members/me/wechat-binding")
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"code\":\"" + code + "\"}");
  }
}
