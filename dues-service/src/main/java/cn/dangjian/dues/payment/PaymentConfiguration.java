package cn.dangjian.dues.payment;

import cn.dangjian.dues.config.DuesProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payment rules from {@code dangjian.dues.payments.*}. */
@Configuration
class PaymentConfiguration {

  @Bean
  PaymentRules paymentRules(DuesProperties properties) {
    DuesProperties.Payments payments = properties.payments();
    return new PaymentRules(
        payments.backMonths(), payments.prepayMonths(), payments.centreThresholdFen());
  }
}
