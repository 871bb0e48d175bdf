package cn.dangjian.alert.channels.internal;

import cn.dangjian.alert.channels.OutboundMessage;
import cn.dangjian.alert.channels.SendResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through Tencent Cloud SMS, API 3.0 {@code SendSms} (version 2021-01-11), signed with
 * TC3-HMAC-SHA256. Not the provider's Java SDK: it is built on OkHttp 3 while the platform's
 * OpenTelemetry exporter brings OkHttp 5 in the same {@code okhttp3} package, and only one can be
 * on the classpath. One number per request, so the answer's status is this member's.
 */
class SmsChannel {

  static final String CONTENT_TYPE = "application/json; charset=utf-8";

  private final ChannelProperties.Sms properties;
  private final RestClient http;
  private final JsonMapper json;
  private final Clock clock;
  private final String host;

  SmsChannel(
      ChannelProperties.Sms properties, RestClient.Builder builder, JsonMapper json, Clock clock) {
    this.properties = properties;
    this.http = builder.clone().baseUrl(properties.baseUrl()).build();
    this.json = json;
    this.clock = clock;
    URI uri = URI.create(properties.baseUrl());
    // the Host header the client sends, which the signature covers
    this.host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  boolean configured() {
    return properties.configured();
  }

  SendResult send(OutboundMessage message, String phone) {
    ChannelProperties.SmsTemplate template = properties.templates().get(message.kind());
    if (template == null) {
      return SendResult.failed(null, "未配置该类通知的短信模板 (no template for " + message.kind() + ")");
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("PhoneNumberSet", List.of(e164(phone)));
    request.put("SmsSdkAppId", properties.sdkAppId());
    request.put(
        "SignName", template.signName() != null ? template.signName() : properties.signName());
    request.put("TemplateId", template.templateId());
    request.put(
        "TemplateParamSet",
        template.params().stream().map(name -> MessageValues.of(message, name)).toList());
    // comes back in status reports: which delivery a receipt belongs to
    request.put("SessionContext", message.deliveryId().toString());
    try {
      byte[] payload = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
      long timestamp = clock.instant().getEpochSecond();
      String answer =
          http.post()
              .uri("/")
              .header("Content-Type", CONTENT_TYPE)
              .header(
                  "Authorization",
                  Tc3Signature.authorization(
                      properties.secretId(),
                      properties.secretKey(),
                      "sms",
                      host,
                      CONTENT_TYPE,
                      payload,
                      timestamp))
              .header("X-TC-Action", "SendSms")
              .header("X-TC-Version", "2021-01-11")
              .header("X-TC-Timestamp", Long.toString(timestamp))
              .header("X-TC-Region", properties.region())
              .body(payload)
              .retrieve()
              .body(String.class);
      JsonNode response = json.readTree(answer == null ? "{}" : answer).path("Response");
      if (response.has("Error")) {
        // the request as a whole was refused
        return SmsCodes.outcome(response.path("Error").path("Code").asString(""));
      }
      JsonNode status = response.path("SendStatusSet").path(0);
      if (status.isMissingNode()) {
        return SendResult.retry(null, "短信平台未返回发送状态 (no status)");
      }
      return SmsCodes.outcome(status.path("Code").asString(""));
    } catch (RestClientResponseException e) {
      int code = e.getStatusCode().value();
      return code >= 500 || code == 429
          ? SendResult.retry("HTTP " + code, "短信平台错误 (SMS API HTTP " + code + ")")
          : SendResult.failed("HTTP " + code, "短信平台拒绝 (SMS API HTTP " + code + ")");
    } catch (RestClientException | JacksonException e) {
      return SmsCodes.outcome(null);
    }
  }

  /** Mainland numbers as Tencent asks for them: +86 and the 11 digits. */
  static String e164(String phone) {
    return phone.startsWith("+") ? phone : "+86" + phone;
  }
}
