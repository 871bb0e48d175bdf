package cn.dangjian.alert.channels.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import cn.dangjian.alert.channels.OutboundMessage;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.json.JsonMapper;

/**
 * One WireMock standing in for Keycloak's token endpoint, member-service's contacts endpoint, the
 * WeChat API and Tencent Cloud SMS, each answering in its documented format.
 */
final class ChannelFixture {

  static final String PHONE = "13912345678";
  static final String EMAIL = "li.hongmei@example.cn";
  static final String OPENID = "oAbCd-openid-of-li-hongmei";
  static final String SMS_SECRET_ID = "AKIDtestsecretid";
  static final String SMS_SECRET_KEY = "test-secret-key-of-the-sms-account";

  final WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T02:00:00Z"));

  ChannelFixture start() {
    wm.start();
    // Keycloak: client credentials for dangjian-alert-service
    wm.stubFor(
        post(urlPathEqualTo("/realms/dangjian/protocol/openid-connect/token"))
            .willReturn(
                json(
                    "{\"access_token\":\"svc-token\",\"expires_in\":300,"
                        + "\"token_type\":\"Bearer\"}")));
    contacts(PHONE, EMAIL, OPENID);
    return this;
  }

  /** member-service's contacts answer: only the asked channel's address is filled. */
  void contacts(String phone, String email, String openid) {
    String[][] byChannel = {
      {"SMS", "phone", phone}, {"EMAIL", "email", email}, {"WECHAT", "wechatOpenId", openid}
    };
    for (String[] c : byChannel) {
      String value = c[2] == null ? "null" : "\"" + c[2] + "\"";
      wm.stubFor(
          get(urlPathMatching("/api/members/[0-9a-f-]+/contacts"))
              .withQueryParam("channel", equalTo(c[0]))
              .willReturn(
                  json(
                      "{\"memberId\":\""
                          + UUID.randomUUID()
                          + "\",\"phone\":null,\"email\":null,"
                          + "\"wechatOpenId\":null,\""
                          + c[1]
                          + "\":"
                          + value
                          + "}")));
    }
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }

  String url() {
    return "http://127.0.0.1:" + wm.port();
  }

  ChannelProperties.Contacts contactsProperties() {
    return new ChannelProperties.Contacts(
        url(), url(), "dangjian", "dangjian-alert-service", "alert-secret");
  }

  ChannelProperties.Wechat wechatProperties(String appId) {
    return new ChannelProperties.Wechat(
        appId,
        appId == null ? null : "wx-secret",
        url(),
        "formal",
        "pages/index/index",
        Map.of(
            "MEETING_PLANNED",
            new ChannelProperties.WechatTemplate(
                "tpl-meeting",
                Map.of("thing1", "meeting", "time2", "startsAt", "thing3", "place"))));
  }

  ChannelProperties.Sms smsProperties(String secretId) {
    return new ChannelProperties.Sms(
        secretId,
        SMS_SECRET_KEY,
        "1400000001",
        "ap-guangzhou",
        url(),
        "党建云",
        Map.of(
            "MEETING_PLANNED",
            new ChannelProperties.SmsTemplate("2100001", null, List.of("meeting", "startsAt"))));
  }

  DefaultExternalChannels channels(String wechatAppId, String smsSecretId, JavaMailSender mail) {
    return new DefaultExternalChannels(
        new MemberContacts(contactsProperties(), ChannelsConfiguration.http()),
        new WechatChannel(
            wechatProperties(wechatAppId),
            ChannelsConfiguration.http(),
            JsonMapper.builder().build(),
            clock),
        new SmsChannel(
            smsProperties(smsSecretId),
            ChannelsConfiguration.http(),
            JsonMapper.builder().build(),
            clock),
        new EmailChannel(mail, new ChannelProperties.Email("noreply@dangjian.example")));
  }

  static OutboundMessage message() {
    return new OutboundMessage(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "MEETING_PLANNED",
        "第一党支部召开支部党员大会并开展主题党日活动的通知",
        "第一党支部定于5月6日14:30在党员活动室召开支部党员大会，请准时参加。",
        Map.of("meeting", "支部党员大会", "startsAt", "2026-05-06 14:30", "place", "党员活动室"),
        "pages/meeting/detail?id=42",
        "https://dj.example.cn/api/notifications/unsubscribe?token=abc.def");
  }

  void stop() {
    wm.stop();
  }

  /** A clock the token-expiry tests move forward. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
