package cn.dangjian.testsupport.architecture.sample.bad.rules;

import java.math.BigDecimal;
import org.springframework.util.Assert;

/** Planted: a *Rules class importing Spring. */
public final class PricingRules {

  private PricingRules() {}

  public static BigDecimal discounted(BigDecimal price) {
    Assert.isTrue(price.signum() >= 0, "price must not be negative");
    return price.multiply(new BigDecimal("0.9"));
  }
}
