package cn.dangjian.alert.channels.internal;

import cn.dangjian.alert.channels.OutboundMessage;
import cn.dangjian.alert.channels.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat mini-program subscription messages ({@code subscribeMessage.send}). The access token comes
 * from {@code /cgi-bin/stable_token}, which hands every replica the same token (a plain {@code
 * /cgi-bin/token} call by one replica would invalidate the others'), and is kept until five minutes
 * before it expires.
 */
class WechatChannel {

  private static final Logger log = LoggerFactory.getLogger(WechatChannel.class);

  /** Renewed this long before {@code expires_in} runs out. */
  static final Duration EARLY = Duration.ofMinutes(5);

  private final ChannelProperties.Wechat properties;
  private final RestClient http;
  private final JsonMapper json;
  private final Clock clock;
  private @Nullable String token;
  private Instant renewAt = Instant.EPOCH;

  WechatChannel(
      ChannelProperties.Wechat properties,
      RestClient.Builder builder,
      JsonMapper json,
      Clock clock) {
    this.properties = properties;
    this.http = builder.clone().baseUrl(properties.baseUrl()).build();
    this.json = json;
    this.clock = clock;
  }

  boolean configured() {
    return properties.configured();
  }

  SendResult send(OutboundMessage message, String openid) {
    ChannelProperties.WechatTemplate template = properties.templates().get(message.kind());
    if (template == null) {
      return SendResult.failed(null, "未配置该类通知的微信模板 (no template for " + message.kind() + ")");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("touser", openid);
    body.put("template_id", template.templateId());
    body.put("page", message.link() != null ? message.link() : properties.defaultPage());
    body.put("miniprogram_state", properties.miniprogramState());
    body.put("lang", "zh_CN");
    body.put("data", data(template, message));
    try {
      JsonNode answer =
          post("/cgi-bin/message/subscribe/send?access_token={t}", token(false), body);
      int errcode = answer.path("errcode").asInt(0);
      if (WechatValues.tokenRejected(errcode)) {
        // the cached token was revoked early (e.g. the secret was reset): a new one, once
        answer = post("/cgi-bin/message/subscribe/send?access_token={t}", token(true), body);
        errcode = answer.path("errcode").asInt(0);
      }
      return WechatValues.outcome(errcode, answer.path("errmsg").asString(""));
    } catch (TokenUnavailable e) {
      return SendResult.retry(e.errcode, "access_token 获取失败 (token unavailable)");
    } catch (RestClientResponseException e) {
      int status = e.getStatusCode().value();
      return status >= 500 || status == 429
          ? SendResult.retry("HTTP " + status, "微信接口错误 (WeChat HTTP " + status + ")")
          : SendResult.failed("HTTP " + status, "微信接口拒绝 (WeChat HTTP " + status + ")");
    } catch (RestClientException | JacksonException e) {
      return SendResult.retry(null, "微信接口不可达 (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** {@code {thing1: {value: …}, time2: {value: …}}}, each value cut to its type's limit. */
  private static Map<String, Map<String, String>> data(
      ChannelProperties.WechatTemplate template, OutboundMessage message) {
    Map<String, Map<String, String>> data = new LinkedHashMap<>();
    template
        .fields()
        .forEach(
            (field, variable) -> {
              String value = MessageValues.of(message, variable);
              data.put(field, Map.of("value", WechatValues.fit(field, value)));
            });
    return data;
  }

  /** The cached token, or a new one when it is close to expiry or {@code refresh} is asked. */
  synchronized String token(boolean refresh) {
    if (!refresh && token != null && clock.instant().isBefore(renewAt)) {
      return token;
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("grant_type", "client_credential");
    request.put("appid", properties.appId());
    request.put("secret", properties.secret());
    // force_refresh only when WeChat refused the current one: it is limited per day
    request.put("force_refresh", refresh);
    JsonNode answer;
    try {
      answer = post("/cgi-bin/stable_token", null, request);
    } catch (RestClientException | JacksonException e) {
      token = null;
      throw new TokenUnavailable(null);
    }
    if (!answer.hasNonNull("access_token")) {
      token = null;
      String errcode = answer.path("errcode").asString("");
      log.warn("WeChat stable_token refused: errcode {}", errcode);
      throw new TokenUnavailable(errcode);
    }
    token = answer.get("access_token").asString();
    renewAt = clock.instant().plusSeconds(answer.path("expires_in").asLong(7200)).minus(EARLY);
    return token;
  }

  private JsonNode post(String path, @Nullable String accessToken, Object body) {
    // WeChat's content type varies (text/plain on some endpoints): read text, parse it ourselves
    RestClient.RequestBodySpec request =
        accessToken == null ? http.post().uri(path) : http.post().uri(path, accessToken);
    String text =
        request.contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(String.class);
    return json.readTree(text == null ? "{}" : text);
  }

  /** The token endpoint said no, or could not be reached: the send is tried again later. */
  private static final class TokenUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final @Nullable String errcode;

    TokenUnavailable(@Nullable String errcode) {
      super(null, null, false, false);
      this.errcode = errcode;
    }
  }
}
