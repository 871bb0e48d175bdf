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
    return new DuesRules(rates(properties.getRates()));
  }

  static DuesRates rates(DuesProperties.Rates configured) {
    DuesRates national = DuesRates.national();
    return new DuesRates(
        configured.getSalary().isEmpty() ? national.salary() : brackets(configured.getSalary()),
        configured.getRetiree().isEmpty() ? national.retiree() : brackets(configured.getRetiree()),
        configured.getFixedFen(),
        configured.getFarmerMinFen(),
        configured.getFarmerMaxFen(),
        configured.getFarmerDefaultFen());
  }

  private static List<DuesRates.Bracket> brackets(List<DuesProperties.Bracket> configured) {
    return configured.stream()
        .map(b -> new DuesRates.Bracket(b.getUpToFen(), b.getPercent()))
        .toList();
  }
}
