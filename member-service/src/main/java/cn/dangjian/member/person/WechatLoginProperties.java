package cn.dangjian.member.person;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The WeChat mini-program whose login binds a member's WeChat account (the openid subscription
 * messages go to). Binding answers 503 while app id or secret are missing.
 *
 * @param appId the mini-program's AppID
 * @param secret its AppSecret (from the environment, never committed)
 * @param baseUrl the WeChat API, https://api.weixin.qq.com unless a test points elsewhere
 */
@ConfigurationProperties("dangjian.wechat")
public record WechatLoginProperties(String appId, String secret, String baseUrl) {

  public WechatLoginProperties {
    baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.weixin.qq.com" : baseUrl;
  }

  boolean enabled() {
    return appId != null && !appId.isBlank() && secret != null && !secret.isBlank();
  }
}
