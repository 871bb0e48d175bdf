package cn.dangjian.dues.payment;

import cn.dangjian.dues.config.DuesProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payment rules from {@code dangjian.dues.payments.*}. */
@Configuration
class PaymentConfiguration {

  @Bean
  PaymentRules paymentRules(DuesProperties properties) {
    DuesProperties.Payments payments = properties.getPayments();
    return new PaymentRules(
        payments.getBackMonths(), payments.getPrepayMonths(), payments.getCentreThresholdFen());
  }
}
