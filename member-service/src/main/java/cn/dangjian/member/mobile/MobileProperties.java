package cn.dangjian.member.mobile;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxValidityMonths how long one 活动证 may be valid before it must be renewed (default 12: the
 *     common provincial practice of a yearly certificate checked with the yearly report)
 */
@ConfigurationProperties("dangjian.mobile")
public record MobileProperties(Integer maxValidityMonths) {

  public MobileProperties {
    maxValidityMonths = maxValidityMonths == null ? 12 : maxValidityMonths;
  }
}
