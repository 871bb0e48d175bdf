package cn.dangjian.testsupport.architecture.sample.clean.order;

import java.math.BigDecimal;

/** Clean: plain Java. */
public final class OrderRules {

  private OrderRules() {}

  public static void requirePositive(BigDecimal total) {
    if (total.signum() <= 0) {
      throw new IllegalArgumentException("total must be positive");
    }
  }
}
