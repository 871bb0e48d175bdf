package cn.dangjian.alert.channels.internal;

import cn.dangjian.alert.channels.SendResult;

/**
 * WeChat's rules for subscription messages, as plain functions: how long a field's value may be (by
 * the field's type, the name without its number) and what an errcode means for the delivery.
 */
final class WechatValues {

  private WechatValues() {}

  /** The field's value cut to WeChat's limit for its type (e.g. thing ≤ 20 characters). */
  static String fit(String field, String value) {
    int limit = limit(field.replaceAll("\\d+$", ""));
    if (limit <= 0 || value.codePointCount(0, value.length()) <= limit) {
      return value;
    }
    // a cut thing keeps an ellipsis so a reader sees it goes on in the mini-program
    int keep = field.startsWith("thing") ? limit - 1 : limit;
    String cut = value.substring(0, value.offsetByCodePoints(0, keep));
    return field.startsWith("thing") ? cut + "…" : cut;
  }

  private static int limit(String type) {
    switch (type) {
      case "thing":
        return 20;
      case "name":
        return 10;
      case "phrase":
      case "symbol":
        return 5;
      case "character_string":
      case "number":
      case "letter":
      case "amount":
        return 32;
      case "car_number":
        return 8;
      default:
        return 0; // time, date: formats, not lengths
    }
  }

  /** Whether the errcode says the access token is no good (refresh it and try once more). */
  static boolean tokenRejected(int errcode) {
    return errcode == 40001 || errcode == 42001 || errcode == 40014;
  }

  /** subscribeMessage.send's errcode as a delivery outcome. */
  static SendResult outcome(int errcode, String errmsg) {
    String code = Integer.toString(errcode);
    switch (errcode) {
      case 0:
        return SendResult.sent(code);
      case 43101:
        return SendResult.failed(code, "用户拒绝接受消息或未订阅 (user refused or did not subscribe)");
      case 47003:
        return SendResult.failed(code, "模板参数不准确 (template data invalid): " + errmsg);
      case 40003:
        return SendResult.failed(code, "openid 无效 (invalid openid)");
      case 40037:
        return SendResult.failed(code, "模板 id 无效 (invalid template id)");
      case 45009:
      case 45047:
        return SendResult.retry(code, "微信接口频率限制 (rate limit)");
      case -1:
        return SendResult.retry(code, "微信系统繁忙 (busy)");
      default:
        if (tokenRejected(errcode)) {
          return SendResult.retry(code, "access_token 无效 (token refused twice)");
        }
        return SendResult.failed(code, "微信错误 (WeChat error): " + errmsg);
    }
  }
}
