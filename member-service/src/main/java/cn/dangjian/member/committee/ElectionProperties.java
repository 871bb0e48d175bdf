package cn.dangjian.member.committee;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the 换届 请示 may be filed, relative to the date 换届 is due ("roughly one to two months before";
 * provinces differ).
 *
 * @param requestOpensMonthsBefore a 请示 earlier than this is refused (default 6)
 * @param requestLateMonthsBefore a 请示 later than this is accepted but flagged late (default 1)
 */
@ConfigurationProperties("dangjian.committee.elections")
public record ElectionProperties(
    Integer requestOpensMonthsBefore, Integer requestLateMonthsBefore) {

  public ElectionProperties {
    requestOpensMonthsBefore =
        requestOpensMonthsBefore == null
            ? ElectionRules.REQUEST_OPENS_MONTHS_BEFORE
            : requestOpensMonthsBefore;
    requestLateMonthsBefore =
        requestLateMonthsBefore == null
            ? ElectionRules.REQUEST_LATE_MONTHS_BEFORE
            : requestLateMonthsBefore;
  }
}
