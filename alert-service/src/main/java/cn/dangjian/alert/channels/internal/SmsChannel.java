package cn.dangjian.alert.channels.internal;

import cn.dangjian.alert.channels.OutboundMessage;
import cn.dangjian.alert.channels.SendResult;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.sms.v20210111.SmsClient;
import com.tencentcloudapi.sms.v20210111.models.SendSmsRequest;
import com.tencentcloudapi.sms.v20210111.models.SendSmsResponse;
import com.tencentcloudapi.sms.v20210111.models.SendStatus;
import org.jspecify.annotations.Nullable;

/**
 * SMS through Tencent Cloud SMS (API 3.0 {@code SendSms}, TC3-HMAC-SHA256) with the provider's own
 * SDK. One number per request, so the answer's status is this member's.
 */
class SmsChannel {

  private final ChannelProperties.Sms properties;
  private final @Nullable SmsClient client;

  SmsChannel(ChannelProperties.Sms properties) {
    this.properties = properties;
    if (!properties.configured()) {
      this.client = null;
      return;
    }
    HttpProfile http = new HttpProfile();
    http.setEndpoint(properties.endpoint());
    http.setProtocol(properties.https() ? HttpProfile.REQ_HTTPS : HttpProfile.REQ_HTTP);
    http.setReqMethod(HttpProfile.REQ_POST);
    http.setConnTimeout(5);
    http.setReadTimeout(10);
    ClientProfile profile = new ClientProfile(ClientProfile.SIGN_TC3_256, http);
    // never the SDK's debug log: it would print the request with the phone number
    profile.setDebug(false);
    this.client =
        new SmsClient(
            new Credential(properties.secretId(), properties.secretKey()),
            properties.region(),
            profile);
  }

  boolean configured() {
    return client != null;
  }

  SendResult send(OutboundMessage message, String phone) {
    ChannelProperties.SmsTemplate template = properties.templates().get(message.kind());
    if (template == null) {
      return SendResult.failed(null, "未配置该类通知的短信模板 (no template for " + message.kind() + ")");
    }
    String signName = template.signName() != null ? template.signName() : properties.signName();
    SendSmsRequest request = new SendSmsRequest();
    request.setSmsSdkAppId(properties.sdkAppId());
    request.setSignName(signName);
    request.setTemplateId(template.templateId());
    request.setPhoneNumberSet(new String[] {e164(phone)});
    request.setTemplateParamSet(
        template.params().stream()
            .map(name -> message.variables().getOrDefault(name, ""))
            .toArray(String[]::new));
    // comes back in status reports: which delivery a receipt belongs to
    request.setSessionContext(message.deliveryId().toString());
    try {
      SendSmsResponse response = client.SendSms(request);
      SendStatus[] statuses = response.getSendStatusSet();
      if (statuses == null || statuses.length == 0) {
        return SendResult.retry(null, "短信平台未返回发送状态 (no status)");
      }
      return SmsCodes.outcome(statuses[0].getCode());
    } catch (TencentCloudSDKException e) {
      // the request as a whole was refused, or never got an answer (network: no code)
      return SmsCodes.outcome(e.getErrorCode());
    }
  }

  /** Mainland numbers as Tencent asks for them: +86 and the 11 digits. */
  static String e164(String phone) {
    return phone.startsWith("+") ? phone : "+86" + phone;
  }
}
