package cn.dangjian.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;

/**
 * The WeChat platform as the e2e platform's services see it: a WireMock server on this machine that
 * answers as WeChat's documented API does (stable_token, subscribeMessage.send, jscode2session).
 * Started before the platform, so the services are configured with its address (the real one cannot
 * be reached from here, and sending real messages from a test would be wrong anyway).
 */
final class ProviderStubs {

  static final String APP_ID = "wx-e2e-appid";
  static final String APP_SECRET = "e2e-app-secret";
  static final String JS_CODE = "e2e-js-code";
  static final String OPENID = "oE2eOpenIdOfWangFang";
  static final String MEETING_TEMPLATE = "e2e-meeting-template-id";

  private static WireMockServer wechat;

  private ProviderStubs() {}

  static synchronized WireMockServer wechat() {
    if (wechat == null) {
      wechat = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
      wechat.start();
      wechat.stubFor(
          post(urlPathEqualTo("/cgi-bin/stable_token"))
              .willReturn(okJson("{\"access_token\":\"E2E_ACCESS_TOKEN\",\"expires_in\":7200}")));
      wechat.stubFor(
          post(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
              .willReturn(
                  okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":294402298110051942}")));
      wechat.stubFor(
          get(urlPathEqualTo("/sns/jscode2session"))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "text/plain")
                      .withBody(
                          "{\"openid\":\""
                              + OPENID
                              + "\",\"session_key\":\"tiihtNczf5v6AKRyjwEUhQ==\",\"unionid\":null}")));
      Runtime.getRuntime().addShutdownHook(new Thread(wechat::stop));
    }
    return wechat;
  }

  static String wechatUrl() {
    return "http://127.0.0.1:" + wechat().port();
  }

  /**
   * alert-service: WeChat on (the stub), meeting notices at once whatever the hour, a fast worker.
   */
  static Map<String, String> alertService() {
    return Map.of(
        "dangjian.notifications.wechat.base-url",
        wechatUrl(),
        "dangjian.notifications.wechat.app-id",
        APP_ID,
        "dangjian.notifications.wechat.secret",
        APP_SECRET,
        "dangjian.notifications.wechat.templates.MEETING_PLANNED.template-id",
        MEETING_TEMPLATE,
        "dangjian.notifications.wechat.templates.MEETING_PLANNED.fields.thing1",
        "title",
        "dangjian.notifications.wechat.templates.MEETING_PLANNED.fields.thing2",
        "body",
        // urgent: not held for quiet hours or the digest, so the scenario runs at any hour
        "dangjian.notifications.rules.MEETING_PLANNED.urgent",
        "true",
        "dangjian.notifications.delivery.interval",
        "1s");
  }

  /** member-service: the mini-program login exchange against the stub. */
  static Map<String, String> memberService() {
    return Map.of(
        "dangjian.wechat.base-url", wechatUrl(),
        "dangjian.wechat.app-id", APP_ID,
        "dangjian.wechat.secret", APP_SECRET);
  }
}
