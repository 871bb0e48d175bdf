package cn.dangjian.alert.channels.internal;

import static cn.dangjian.alert.channels.internal.ChannelFixture.json;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.alert.channels.ExternalChannel;
import cn.dangjian.alert.channels.OutboundMessage;
import cn.dangjian.alert.channels.SendResult;
import cn.dangjian.alert.channels.SendResult.Outcome;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WeChat channel and the contacts look-up, against WeChat's documented answers. */
class ExternalChannelsTest {

  private static final String SEND = "/cgi-bin/message/subscribe/send";
  private static final String STABLE_TOKEN = "/cgi-bin/stable_token";

  private final ChannelFixture fx = new ChannelFixture();
  private DefaultExternalChannels channels;

  @BeforeEach
  void start() {
    fx.start();
    fx.wm.stubFor(
        post(urlPathEqualTo(STABLE_TOKEN))
            .willReturn(json("{\"access_token\":\"wx-token-1\",\"expires_in\":7200}")));
    channels = fx.channels("wx-appid", null, null);
  }

  @AfterEach
  void stop() {
    fx.stop();
  }

  private void wechatAnswers(String... bodies) {
    String state = Scenario.STARTED;
    for (int i = 0; i < bodies.length; i++) {
      String next = i == bodies.length - 1 ? state : "answer-" + (i + 1);
      fx.wm.stubFor(
          post(urlPathEqualTo(SEND))
              .inScenario("send")
              .whenScenarioStateIs(state)
              .willSetStateTo(next)
              .willReturn(json(bodies[i])));
      state = next;
    }
  }

  private SendResult send() {
    return channels.send(ExternalChannel.WECHAT, ChannelFixture.message());
  }

  @Test
  void wechatTokenIsCachedAcrossSends() {
    wechatAnswers("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":294402298110051942}");
    OutboundMessage message = ChannelFixture.message();

    assertThat(channels.send(ExternalChannel.WECHAT, message).outcome()).isEqualTo(Outcome.SENT);
    assertThat(send().outcome()).isEqualTo(Outcome.SENT);

    fx.wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(STABLE_TOKEN))
            .withRequestBody(
                equalToJson(
                    "{\"grant_type\":\"client_credential\",\"appid\":\"wx-appid\","
                        + "\"secret\":\"wx-secret\",\"force_refresh\":false}")));
    fx.wm.verify(
        2,
        postRequestedFor(urlPathEqualTo(SEND))
            .withQueryParam("access_token", equalTo("wx-token-1")));
    // the documented body: touser, template_id, page, miniprogram_state, lang, data.{field}.value
    fx.wm.verify(
        postRequestedFor(urlPathEqualTo(SEND))
            .withRequestBody(
                equalToJson(
                    "{\"touser\":\""
                        + ChannelFixture.OPENID
                        + "\",\"template_id\":\"tpl-meeting\","
                        + "\"page\":\"pages/meeting/detail?id=42\",\"miniprogram_state\":\"formal\","
                        + "\"lang\":\"zh_CN\",\"data\":{\"thing1\":{\"value\":\"支部党员大会\"},"
                        + "\"time2\":{\"value\":\"2026-05-06 14:30\"},"
                        + "\"thing3\":{\"value\":\"党员活动室\"}}}")));
  }

  @Test
  void wechatTokenIsRenewedFiveMinutesBeforeItExpires() {
    wechatAnswers("{\"errcode\":0,\"errmsg\":\"ok\"}");
    send();
    fx.clock.advance(Duration.ofSeconds(7200 - 300 - 1));
    send();
    fx.wm.verify(1, postRequestedFor(urlPathEqualTo(STABLE_TOKEN)));
    fx.clock.advance(Duration.ofSeconds(2));
    send();
    fx.wm.verify(2, postRequestedFor(urlPathEqualTo(STABLE_TOKEN)));
  }

  @Test
  void wechatExpiredTokenIsRefreshedOnce() {
    wechatAnswers(
        "{\"errcode\":42001,\"errmsg\":\"access_token expired rid: 6401\"}",
        "{\"errcode\":0,\"errmsg\":\"ok\"}");

    SendResult result = send();

    assertThat(result.outcome()).isEqualTo(Outcome.SENT);
    fx.wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(STABLE_TOKEN))
            .withRequestBody(matchingJsonPath("$.force_refresh", equalTo("true"))));
    fx.wm.verify(2, postRequestedFor(urlPathEqualTo(SEND)));
  }

  @Test
  void wechatTokenRefusedTwiceIsRetriedLater() {
    wechatAnswers("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");

    SendResult result = send();

    assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
    assertThat(result.providerCode()).isEqualTo("40001");
    fx.wm.verify(2, postRequestedFor(urlPathEqualTo(SEND)));
  }

  @Test
  void wechatUserRefusalIsFinal() {
    wechatAnswers("{\"errcode\":43101,\"errmsg\":\"user refuse to accept the msg rid: 5f1\"}");

    SendResult result = send();

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.providerCode()).isEqualTo("43101");
    fx.wm.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
  }

  @Test
  void wechatInvalidTemplateDataIsFinal() {
    wechatAnswers("{\"errcode\":47003,\"errmsg\":\"argument invalid! data.thing1.value invalid\"}");
    assertThat(send())
        .extracting(SendResult::outcome, SendResult::providerCode)
        .containsExactly(Outcome.FAILED, "47003");
  }

  @Test
  void wechatRateLimitsAndBusyAreRetried() {
    for (String errcode : new String[] {"45009", "45047", "-1"}) {
      fx.wm.resetScenarios();
      wechatAnswers("{\"errcode\":" + errcode + ",\"errmsg\":\"limit or busy\"}");
      assertThat(send())
          .extracting(SendResult::outcome, SendResult::providerCode)
          .containsExactly(Outcome.RETRY, errcode);
    }
  }

  @Test
  void wechatServerErrorsAndBrokenConnectionsAreRetried() {
    fx.wm.stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(502)));
    assertThat(send())
        .extracting(SendResult::outcome, SendResult::providerCode)
        .containsExactly(Outcome.RETRY, "HTTP 502");

    fx.wm.stubFor(
        post(urlPathEqualTo(SEND))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(send().outcome()).isEqualTo(Outcome.RETRY);
  }

  @Test
  void wechatThingValuesAreCutToTwentyCharacters() {
    assertThat(WechatValues.fit("thing1", "第一党支部召开支部党员大会并开展主题党日活动的通知"))
        .isEqualTo("第一党支部召开支部党员大会并开展主题党…")
        .hasSize(20);
    assertThat(WechatValues.fit("thing1", "支部党员大会")).isEqualTo("支部党员大会");
    assertThat(WechatValues.fit("phrase3", "已经开始了的会议")).hasSize(5);
    assertThat(WechatValues.fit("time2", "2026-05-06 14:30")).isEqualTo("2026-05-06 14:30");
  }

  @Test
  void wechatIsDisabledWithoutAppIdAndNothingIsAsked() {
    DefaultExternalChannels unconfigured = fx.channels(null, null, null);

    assertThat(unconfigured.enabled(ExternalChannel.WECHAT)).isFalse();
    assertThat(unconfigured.send(ExternalChannel.WECHAT, ChannelFixture.message()).outcome())
        .isEqualTo(Outcome.DISABLED);
    assertThat(unconfigured.send(ExternalChannel.SMS, ChannelFixture.message()).outcome())
        .isEqualTo(Outcome.DISABLED);
    assertThat(unconfigured.send(ExternalChannel.EMAIL, ChannelFixture.message()).outcome())
        .isEqualTo(Outcome.DISABLED);
    fx.wm.verify(0, getRequestedFor(urlPathMatching("/api/members/.*")));
  }

  @Test
  void memberWithoutAnOpenidHasNoAddress() {
    fx.contacts(ChannelFixture.PHONE, ChannelFixture.EMAIL, null);
    assertThat(send().outcome()).isEqualTo(Outcome.NO_ADDRESS);
    fx.wm.verify(0, postRequestedFor(urlPathEqualTo(SEND)));
  }

  @Test
  void contactsAreReadAtSendTimeWithTheCachedServiceToken() {
    wechatAnswers("{\"errcode\":0,\"errmsg\":\"ok\"}");
    OutboundMessage message = ChannelFixture.message();
    channels.send(ExternalChannel.WECHAT, message);
    send();

    fx.wm.verify(
        1,
        postRequestedFor(urlPathEqualTo("/realms/dangjian/protocol/openid-connect/token"))
            .withRequestBody(
                equalTo(
                    "grant_type=client_credentials&client_id=dangjian-alert-service"
                        + "&client_secret=alert-secret")));
    fx.wm.verify(
        2,
        getRequestedFor(urlPathMatching("/api/members/[0-9a-f-]+/contacts"))
            .withHeader("Authorization", equalTo("Bearer svc-token"))
            .withQueryParam("channel", equalTo("WECHAT")));
    fx.wm.verify(
        getRequestedFor(urlPathEqualTo("/api/members/" + message.memberId() + "/contacts"))
            .withQueryParam("reason", equalTo("通知投递 " + message.deliveryId())));
  }

  @Test
  void contactsLookupFailuresAreRetriedAndAMissingMemberIsFinal() {
    fx.wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathMatching("/api/members/[0-9a-f-]+/contacts"))
            .atPriority(1)
            .willReturn(aResponse().withStatus(503)));
    assertThat(send().outcome()).isEqualTo(Outcome.RETRY);

    fx.wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathMatching("/api/members/[0-9a-f-]+/contacts"))
            .atPriority(1)
            .willReturn(aResponse().withStatus(404)));
    assertThat(send().outcome()).isEqualTo(Outcome.FAILED);
  }
}
