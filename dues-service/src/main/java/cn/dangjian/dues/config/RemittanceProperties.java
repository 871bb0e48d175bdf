package cn.dangjian.dues.config;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Upward remittance of dues (党费上缴) under {@code dangjian.dues.remittance.*}: the share of a
 * quarter's dues income an org passes to its parent. The ratio is set by each province or system
 * (DOMAIN.md §3.3), so it is configured by org path prefix and/or org type; the most specific
 * matching rule wins.
 *
 * @param defaultPercent the share where no rule matches. 20: the one ratio published nationally
 *     (central state organs remit 20 %) and the order of magnitude provincial rules use; a province
 *     sets its own with rules, 0 turns remittance off
 * @param rules the province's or system's ratios
 * @param scheduled whether the quarterly run starts by itself at {@code cron} (one replica runs it)
 * @param cron when the run for the previous quarter starts (Asia/Shanghai); default 01:30 on the
 *     1st of January, April, July and October
 */
@ConfigurationProperties("dangjian.dues.remittance")
public record RemittanceProperties(
    @DefaultValue("20") BigDecimal defaultPercent,
    List<Rule> rules,
    @DefaultValue("true") boolean scheduled,
    @DefaultValue("0 30 1 1 1,4,7,10 *") String cron) {

  public RemittanceProperties {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /**
   * One ratio: for orgs under {@code pathPrefix} (absent: anywhere) of type {@code orgType}
   * (absent: any type).
   *
   * @param pathPrefix an org path ({@code /rootId/…/}) whose subtree the rule covers
   * @param orgType PARTY_COMMITTEE, GENERAL_BRANCH, BRANCH, JOINT_BRANCH, TEMPORARY_BRANCH …
   * @param percent the share of the quarter's dues income remitted to the parent, 0–100
   */
  public record Rule(String pathPrefix, String orgType, BigDecimal percent) {}
}
