package cn.dangjian.alert.channels;

/** The channels a notification can take besides the in-app inbox (which is always on). */
public enum ExternalChannel {
  /** 微信小程序订阅消息 (subscribeMessage.send). */
  WECHAT,
  /** 短信. */
  SMS,
  /** 电子邮件. */
  EMAIL
}
