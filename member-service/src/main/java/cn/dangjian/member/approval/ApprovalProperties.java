package cn.dangjian.member.approval;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param countyDepth an org at this depth or above (0 = the tree's root) counts as county level: a
 *     纪委 officer there may decide expulsions (DZ Art 42). A provincial tree sets 2.
 * @param defaultDueDays how long a deciding body has when the request names no deadline
 */
@ConfigurationProperties("dangjian.approvals")
public record ApprovalProperties(Integer countyDepth, Integer defaultDueDays) {

  public ApprovalProperties {
    countyDepth = countyDepth == null ? 0 : countyDepth;
    defaultDueDays = defaultDueDays == null ? 30 : defaultDueDays;
  }
}
