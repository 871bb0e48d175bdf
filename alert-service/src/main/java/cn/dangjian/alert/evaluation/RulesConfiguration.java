package cn.dangjian.alert.evaluation;

import cn.dangjian.alert.catalogue.AlertRulesProperties;
import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.rules.CoverageRules;
import cn.dangjian.alert.rules.EventRules;
import cn.dangjian.alert.rules.LeaderRules;
import cn.dangjian.alert.rules.MeetingGaps;
import cn.dangjian.alert.rules.MemberRules;
import cn.dangjian.alert.rules.MobileMemberRules;
import cn.dangjian.alert.rules.OrgRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rule catalogue (with configured overrides) and the plain rule classes over it. */
@Configuration
class RulesConfiguration {

  @Bean
  RuleCatalogue ruleCatalogue(AlertRulesProperties properties) {
    return new RuleCatalogue(properties);
  }

  @Bean
  MemberRules memberRules(RuleCatalogue catalogue) {
    return new MemberRules(catalogue);
  }

  @Bean
  MobileMemberRules mobileMemberRules(RuleCatalogue catalogue) {
    return new MobileMemberRules(catalogue);
  }

  @Bean
  OrgRules orgRules(RuleCatalogue catalogue) {
    return new OrgRules(catalogue);
  }

  @Bean
  MeetingGaps meetingGaps(RuleCatalogue catalogue, OrgRules orgRules) {
    return new MeetingGaps(catalogue, orgRules);
  }

  @Bean
  LeaderRules leaderRules(RuleCatalogue catalogue) {
    return new LeaderRules(catalogue);
  }

  @Bean
  CoverageRules coverageRules(RuleCatalogue catalogue) {
    return new CoverageRules(catalogue);
  }

  @Bean
  EventRules eventRules() {
    return new EventRules();
  }
}
