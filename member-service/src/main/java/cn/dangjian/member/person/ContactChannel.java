package cn.dangjian.member.person;

/** The address a notification channel needs (the contacts read returns only that one). */
public enum ContactChannel {
  WECHAT,
  SMS,
  EMAIL
}
