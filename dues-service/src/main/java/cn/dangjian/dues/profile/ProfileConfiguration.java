package cn.dangjian.dues.profile;

import cn.dangjian.dues.config.DuesProperties;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rate table from {@code dangjian.dues.rates.*}; empty bracket lists mean the national ones.
 */
@Configuration
class ProfileConfiguration {

  @Bean
  DuesRules duesRules(DuesProperties properties) {
    return new DuesRules(rates(properties.rates()));
  }

  static DuesRates rates(DuesProperties.Rates configured) {
    DuesRates national = DuesRates.national();
    return new DuesRates(
        configured.salary().isEmpty() ? national.salary() : brackets(configured.salary()),
        configured.retiree().isEmpty() ? national.retiree() : brackets(configured.retiree()),
        configured.fixedFen(),
        configured.farmerMinFen(),
        configured.farmerMaxFen(),
        configured.farmerDefaultFen());
  }

  private static List<DuesRates.Bracket> brackets(List<DuesProperties.Bracket> configured) {
    return configured.stream().map(b -> new DuesRates.Bracket(b.upToFen(), b.percent())).toList();
  }
}
