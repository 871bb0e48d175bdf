package cn.dangjian.member.person;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mini-program login exchange (code2Session, {@code GET /sns/jscode2session}): a {@code
 * wx.login} code in, the member's openid out. The session key it also returns is dropped: we need
 * only who the user is.
 */
@Component
class WechatLogin {

  private static final Logger log = LoggerFactory.getLogger(WechatLogin.class);

  private final WechatLoginProperties properties;
  private final RestClient http;
  private final JsonMapper json;

  WechatLogin(WechatLoginProperties properties, JsonMapper json) {
    this.properties = properties;
    this.json = json;
    SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
    factory.setConnectTimeout(Duration.ofSeconds(3));
    factory.setReadTimeout(Duration.ofSeconds(5));
    this.http = RestClient.builder().requestFactory(factory).baseUrl(properties.baseUrl()).build();
  }

  /** The openid the code stands for; WeChat's refusals as problems a client can act on. */
  String openid(String code) {
    if (!properties.enabled()) {
      throw new ProblemException(
          ProblemType.SERVICE_UNAVAILABLE, "member.wechat-disabled", null, null);
    }
    JsonNode answer;
    try {
      // WeChat answers text/plain: read the text, then parse it
      String text =
          http.get()
              .uri(
                  "/sns/jscode2session?appid={a}&secret={s}&js_code={c}"
                      + "&grant_type=authorization_code",
                  properties.appId(),
                  properties.secret(),
                  code)
              .retrieve()
              .body(String.class);
      answer = json.readTree(text == null ? "{}" : text);
    } catch (RestClientException | JacksonException e) {
      log.warn("WeChat code2Session failed: {}", e.getClass().getSimpleName());
      throw unavailable();
    }
    int errcode = answer.path("errcode").asInt(0);
    if (errcode == 0 && answer.hasNonNull("openid")) {
      return answer.get("openid").asString();
    }
    switch (errcode) {
      case 40029: // code invalid, used or expired
      case 40163: // code already used
        throw ProblemException.badRequest("member.wechat-code-invalid");
      case 45011: // API minute-quota reached
        throw ProblemException.tooManyRequests(60, "member.wechat-rate-limited");
      case 40226: // high-risk user, login blocked by WeChat
        throw ProblemException.forbidden("member.wechat-user-blocked");
      default: // -1 system busy, or anything else: try again later
        log.warn("WeChat code2Session errcode {}", errcode);
        throw unavailable();
    }
  }

  private static ProblemException unavailable() {
    return new ProblemException(
        ProblemType.SERVICE_UNAVAILABLE, "member.wechat-unavailable", null, null);
  }
}
