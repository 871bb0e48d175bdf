package cn.dangjian.alert.channels.internal;

import cn.dangjian.alert.channels.SendResult;
import org.jspecify.annotations.Nullable;

/**
 * Tencent Cloud SMS codes as delivery outcomes: {@code Ok} is sent; limits ({@code
 * LimitExceeded.*}, {@code RequestLimitExceeded}) and the platform's own failures ({@code
 * InternalError.*}, no answer at all) are tried again; everything else (a bad number, an unapproved
 * template or signature, bad template parameters, a blacklisted number) never succeeds as it is.
 */
final class SmsCodes {

  private SmsCodes() {}

  /** The provider's message is not kept: some answers name the number. */
  static SendResult outcome(@Nullable String code) {
    if (code == null || code.isEmpty()) {
      return SendResult.retry(null, "短信平台不可达 (no answer from the SMS API)");
    }
    if ("Ok".equals(code)) {
      return SendResult.sent(code);
    }
    if (code.startsWith("LimitExceeded") || code.equals("RequestLimitExceeded")) {
      return SendResult.retry(code, "短信频率限制 (rate limit)");
    }
    if (code.startsWith("InternalError") || code.equals("FailedOperation.FailResolvePacket")) {
      return SendResult.retry(code, "短信平台内部错误 (provider error)");
    }
    return SendResult.failed(code, detail(code));
  }

  private static String detail(String code) {
    switch (code) {
      case "InvalidParameterValue.IncorrectPhoneNumber":
        return "手机号格式错误 (invalid phone number)";
      case "FailedOperation.PhoneNumberInBlacklist":
        return "手机号在免打扰名单中 (number on the blacklist)";
      case "FailedOperation.TemplateIncorrectOrUnapproved":
        return "短信模板未审核通过 (template not approved)";
      case "FailedOperation.SignatureIncorrectOrUnapproved":
        return "短信签名未审核通过 (signature not approved)";
      case "InvalidParameterValue.TemplateParameterFormatError":
      case "InvalidParameterValue.TemplateParameterLengthLimit":
        return "模板参数不合规 (template parameters invalid)";
      default:
        return "短信发送失败 (SMS refused)";
    }
  }
}
