package cn.dangjian.alert.channels.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The channels' configuration; a channel without its credentials is DISABLED. */
final class ChannelProperties {

  private ChannelProperties() {}

  private static boolean set(@Nullable String value) {
    return value != null && !value.isBlank();
  }

  /**
   * Where members' addresses come from: member-service's contacts endpoint, called with a client
   * credentials token of {@code clientId} from Keycloak.
   *
   * @param memberServiceUrl e.g. http://member-service:8081
   * @param keycloakUrl e.g. http://keycloak:8080
   * @param realm the realm, dangjian
   * @param clientId the confidential client whose service account holds notification-sender
   * @param clientSecret its secret (from the environment)
   */
  @ConfigurationProperties("dangjian.notifications.contacts")
  record Contacts(
      @DefaultValue("http://localhost:8081") String memberServiceUrl,
      @DefaultValue("http://localhost:8180") String keycloakUrl,
      @DefaultValue("dangjian") String realm,
      @DefaultValue("dangjian-alert-service") String clientId,
      @Nullable String clientSecret) {

    boolean configured() {
      return set(clientSecret);
    }
  }

  /**
   * WeChat mini-program subscription messages.
   *
   * @param appId the mini-program's AppID
   * @param secret its AppSecret
   * @param baseUrl the WeChat API
   * @param miniprogramState which version a tap opens: formal, trial or developer
   * @param defaultPage the page a message opens when it has no link of its own
   * @param templates per notification kind (e.g. MEETING_PLANNED): template id and fields
   */
  @ConfigurationProperties("dangjian.notifications.wechat")
  record Wechat(
      @Nullable String appId,
      @Nullable String secret,
      @DefaultValue("https://api.weixin.qq.com") String baseUrl,
      @DefaultValue("formal") String miniprogramState,
      @DefaultValue("pages/index/index") String defaultPage,
      @DefaultValue Map<String, WechatTemplate> templates) {

    boolean configured() {
      return set(appId) && set(secret);
    }
  }

  /**
   * One kind's subscription message template.
   *
   * @param templateId the template id chosen in the mini-program's console
   * @param fields the template's field (thing1, time2, …) → our variable name; {@code title} and
   *     {@code body} stand for the message's own title and text
   */
  record WechatTemplate(String templateId, @DefaultValue Map<String, String> fields) {}

  /**
   * Tencent Cloud SMS (API 3.0, SendSms).
   *
   * @param secretId the API key's SecretId (a sub-account with SMS rights only)
   * @param secretKey its SecretKey
   * @param sdkAppId the SMS application (SmsSdkAppId)
   * @param region the API region, ap-guangzhou by default
   * @param baseUrl the API, https://sms.tencentcloudapi.com
   * @param signName the approved signature (签名) used unless a kind names its own
   * @param templates per notification kind: template id and the variables in the template's order
   */
  @ConfigurationProperties("dangjian.notifications.sms")
  record Sms(
      @Nullable String secretId,
      @Nullable String secretKey,
      @Nullable String sdkAppId,
      @DefaultValue("ap-guangzhou") String region,
      @DefaultValue("https://sms.tencentcloudapi.com") String baseUrl,
      @Nullable String signName,
      @DefaultValue Map<String, SmsTemplate> templates) {

    boolean configured() {
      return set(secretId) && set(secretKey) && set(sdkAppId);
    }
  }

  /**
   * One kind's SMS template.
   *
   * @param templateId the approved template's id
   * @param signName this kind's signature, or null for the default
   * @param params what fills {1}, {2}, … in order: variable names, or {@code title} / {@code body}
   */
  record SmsTemplate(
      String templateId, @Nullable String signName, @DefaultValue List<String> params) {}

  /**
   * E-mail; the SMTP server itself is Spring Boot's {@code spring.mail.*} (no host: DISABLED).
   *
   * @param from the sender address
   */
  @ConfigurationProperties("dangjian.notifications.email")
  record Email(@DefaultValue("noreply@dangjian.local") String from) {}
}
